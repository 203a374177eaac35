"""Load the demo content every app contributes, in dependency order. Running it again adds
nothing that is already there."""

from importlib import import_module

import factory.random
from django.core.management.base import BaseCommand
from django.db import connection

# Each app that has demo content provides ``<app>.demo_content.load(stdout)``. Later apps depend
# on earlier ones (stories link to providers), so the order matters.
DEMO_CONTENT_APPS = ["home", "directory", "stories", "showcase"]


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
        for app in DEMO_CONTENT_APPS:
            try:
                module = import_module(f"{app}.demo_content")
            except ModuleNotFoundError as error:
                if error.name != f"{app}.demo_content":
                    raise
                continue
            module.load(self.stdout, activities=activities)
        # Refresh the query planner's statistics after a bulk load. Without them SQLite joins
        # the full-text index the slow way round (hundreds of milliseconds per search).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
