from django.core.management.base import BaseCommand

from places.loader import PLACES_FILE, load_places


class Command(BaseCommand):
    help = "Create or update the UK places (nations, regions, local authorities). Idempotent."

    def add_arguments(self, parser):
        parser.add_argument("--file", default=str(PLACES_FILE))

    def handle(self, *args, file, **options):
        created, updated = load_places(file)
        self.stdout.write(f"Places: {created} created, {updated} updated.")
