"""Tidy up after consent has run out.

Visibility never waits for this command: the consent rule is evaluated on every request, so an
expired work disappears the moment its consent ends. What time alone cannot do is delete files;
this does, for every work that is no longer visible on any site, and logs each one. Run it
daily (cron or a scheduler); it is safe to run at any time and as often as you like.
"""

from django.core.management.base import BaseCommand

from showcase.enforcement import hide_invisible
from showcase.models import Artwork


class Command(BaseCommand):
    help = "Delete renditions of works whose consent has expired or been withdrawn."

    def handle(self, *args, **options):
        hidden = hide_invisible(Artwork.objects.all(), reason="consent expired", log_approved=False)
        self.stdout.write(f"Renditions deleted for {len(hidden)} work(s) no longer visible.")
