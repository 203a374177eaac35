"""Bring the OpenActive feeds' change log up to date with the pages.

The page signals keep it up to date as editors work; this command is for what signals never
see: a site that existed before the feeds, and the bulk loader (directory/bulk_load.py), which
writes pages straight to the database. Items whose data has not changed keep their place, so
it is safe to run at any time and consumers only see what really changed.
"""

from django.core.management.base import BaseCommand

from opendata.openactive import records


class Command(BaseCommand):
    help = "Rebuild the OpenActive feed records from the published pages."

    def handle(self, *args, **options):
        records.rebuild(stdout=self.stdout)
