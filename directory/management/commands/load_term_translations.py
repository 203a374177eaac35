"""Add the Welsh, Scottish Gaelic and Irish names of the directory's terms (idempotent)."""

from django.core.management.base import BaseCommand

from directory.term_translations import load_term_translations


class Command(BaseCommand):
    help = "Translate the directory's taxonomy terms into Welsh, Scottish Gaelic and Irish."

    def handle(self, *args, **options):
        made = load_term_translations()
        self.stdout.write(f"{made} term translations added.")
