"""Apply the configured hostnames (ENGLAND_HOSTNAME, WALES_HOSTNAME, ...) and SITE_PORT to the
regional sites' Wagtail Site records. Run it after changing them; safe to run at any time."""

from django.core.management.base import BaseCommand

from regions.regions import REGIONS
from regions.sites import site_for_region, sync_hostnames


class Command(BaseCommand):
    help = "Point each regional site at its configured hostname and port."

    def handle(self, *args, **options):
        for region, before, after in sync_hostnames():
            self.stdout.write(f"{region.name}: {before[0]}:{before[1]} -> {after[0]}:{after[1]}")
        for region in REGIONS:
            site = site_for_region(region)
            where = f"{site.hostname}:{site.port}" if site else "no site yet (run bootstrap)"
            self.stdout.write(f"{region.name}: {where}")
