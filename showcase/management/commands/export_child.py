"""Export everything held about one child reference, as JSON (subject access request)."""

import json

from django.core.management.base import BaseCommand, CommandError
from wagtail.log_actions import log

from showcase.subject_rights import export_child, find_child


class Command(BaseCommand):
    help = "Print (or write to a file) everything held about a child reference, as JSON."

    def add_arguments(self, parser):
        parser.add_argument("reference")
        parser.add_argument("--output", help="Write to this file instead of standard output.")

    def handle(self, *args, reference, output=None, **options):
        child = find_child(reference)
        if child is None:
            raise CommandError(f"No child with reference {reference!r}.")
        document = json.dumps(export_child(child), indent=2, ensure_ascii=False)
        log(child, "showcase.exported")
        if output:
            with open(output, "w", encoding="utf-8") as file:
                file.write(document)
            self.stdout.write(f"Written to {output}.")
        else:
            self.stdout.write(document)
