"""Add generated activities to England's directory in bulk, for benchmarks (after
``load_demo``, which sets the site and its reference data up)."""

import time

from django.core.management.base import BaseCommand
from django.db import connection
from wagtail.models import Locale

from directory.bulk_load import bulk_add_activities
from directory.models import ActivityPage, DirectoryIndexPage
from regions.regions import REGIONS_BY_KEY
from regions.sites import site_for_region


class Command(BaseCommand):
    help = "Add generated activities to the directory in bulk (benchmark volume)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--up-to",
            type=int,
            required=True,
            help="Add activities until England's directory language (English) has this many "
            "live ones (the figure the benchmark reports).",
        )

    def handle(self, *args, up_to, **options):
        # England's site holds the generated volume, as with ``load_demo --activities``.
        england = site_for_region(REGIONS_BY_KEY["england"])
        directory = DirectoryIndexPage.objects.child_of(england.root_page).first()
        english = Locale.objects.get(language_code="en")
        activities = max(0, up_to - ActivityPage.objects.live().filter(locale=english).count())
        started = time.perf_counter()
        added = bulk_add_activities(directory, activities, stdout=self.stdout)
        # Fresh planner statistics after a bulk load (see load_demo): without them SQLite joins
        # the full-text index the slow way round. PostgreSQL is vacuumed too, which marks the
        # new rows visible to all, so that the facet statement can read its columns from their
        # index alone (directory/migrations/0013) before autovacuum comes round to it.
        # (VACUUM cannot run inside a transaction: a caller's, such as a test's.)
        vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE" if vacuum else "ANALYZE")
        self.stdout.write(f"bulk load: {added} activities in {time.perf_counter() - started:.0f} s")
