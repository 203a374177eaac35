"""Set the site up (``bootstrap``), then add the demo content every app registers under the
``demo_content`` hook (core/bootstrap.py). Running it again adds nothing that is already there."""

import factory.random
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection

from core.bootstrap import DEMO_CONTENT, SetUp, run_steps


class Command(BaseCommand):
    help = "Set the site up and create the demo content (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--activities",
            type=int,
            default=0,
            help="Add this many more generated activities to the directory (for benchmarks).",
        )

    def handle(self, *args, activities, **options):
        call_command("bootstrap", stdout=self.stdout)
        # Factories draw from one seeded generator, so every machine gets the same content.
        factory.random.reseed_random("arts-backpack-demo")
        # Later steps depend on earlier ones (stories link to providers; translations need the
        # pages they translate): each app registers its step with an order.
        run_steps(DEMO_CONTENT, SetUp(self.stdout, {"activities": activities}))
        # Refresh the query planner's statistics after a bulk load. Without them SQLite joins
        # the full-text index the slow way round (hundreds of milliseconds per search).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
