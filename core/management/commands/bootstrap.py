"""Set up what a production site needs (idempotent): the steps every app registers under the
``bootstrap`` hook (core/bootstrap.py), in one transaction."""

from django.core.management.base import BaseCommand
from django.db import transaction

from core.bootstrap import BOOTSTRAP, SetUp, run_steps


class Command(BaseCommand):
    help = (
        "Set up a site: places, regional sites and home pages, index pages, workflows and "
        "groups, term translations, hostnames. Safe to run again."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            run_steps(BOOTSTRAP, SetUp(self.stdout))
        self.stdout.write(self.style.SUCCESS("The site is set up."))
