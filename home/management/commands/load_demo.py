"""Load the demo content every app contributes, in dependency order. Running it again adds
nothing that is already there."""

from importlib import import_module

import factory.random
from django.core.management.base import BaseCommand
from django.db import connection

from regions.sites import sync_hostnames

# Each module provides ``load(stdout, activities=...)``. Later ones depend on earlier ones
# (stories link to providers; translations need the pages they translate), so order matters.
DEMO_CONTENT_MODULES = [
    "home.demo_content",
    "directory.demo_content",
    "stories.demo_content",
    "showcase.demo_content",
    "home.demo_translations",
    "directory.demo_translations",
]


class Command(BaseCommand):
    help = "Create the demo content (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--activities",
            type=int,
            default=0,
            help="Add this many more generated activities to the directory (for benchmarks).",
        )

    def handle(self, *args, activities, **options):
        # Factories draw from one seeded generator, so every machine gets the same content.
        factory.random.reseed_random("arts-backpack-demo")
        for name in DEMO_CONTENT_MODULES:
            import_module(name).load(self.stdout, activities=activities)
        # Every run, not only the first: `PORT=8080 make run` after a run on 8000 moves the
        # sites (and so every absolute link) to the new port.
        for region, before, after in sync_hostnames():
            self.stdout.write(f"{region.name}: {before[0]}:{before[1]} -> {after[0]}:{after[1]}")
        # Refresh the query planner's statistics after a bulk load. Without them SQLite joins
        # the full-text index the slow way round (hundreds of milliseconds per search).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
