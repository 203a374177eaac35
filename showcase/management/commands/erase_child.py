"""Erase everything held about one child reference (right to erasure)."""

from django.core.management.base import BaseCommand, CommandError

from showcase.subject_rights import erase_child, find_child


class Command(BaseCommand):
    help = "Erase a child's record, consent ledger, works, files and audit entries."

    def add_arguments(self, parser):
        parser.add_argument("reference")
        parser.add_argument("--yes", action="store_true", help="Confirm: this cannot be undone.")

    def handle(self, *args, reference, yes=False, **options):
        child = find_child(reference)
        if child is None:
            raise CommandError(f"No child with reference {reference!r}.")
        if not yes:
            raise CommandError("Erasure cannot be undone; run again with --yes to confirm.")
        deleted = erase_child(child)
        self.stdout.write(f"Erased {reference} and {deleted} work(s).")
