"""Daily: delete directory searches older than INSIGHTS_SEARCH_LOG_MONTHS (default 24)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from insights.search_log import prune


class Command(BaseCommand):
    help = "Delete logged directory searches older than the retention period."

    def add_arguments(self, parser):
        parser.add_argument(
            "--months",
            type=int,
            default=None,
            help="Override INSIGHTS_SEARCH_LOG_MONTHS for this run.",
        )

    def handle(self, *args, **options):
        months = options["months"]
        if months is None:
            months = settings.INSIGHTS_SEARCH_LOG_MONTHS
        deleted = prune(months=months)
        self.stdout.write(f"Deleted {deleted} directory searches older than {months} months.")
