"""Wagtail ``Site`` records for the regional sites, kept in step with configuration."""

from django.conf import settings
from wagtail.models import Site

from home.models import SiteSettings
from home.regions import REGIONS


def site_for_region(region):
    row = SiteSettings.objects.filter(region=region.key).select_related("site").first()
    return row.site if row else None


def ensure_site(region, root_page, site_name):
    """The region's Site, pointing at ``root_page``, on the configured hostname and port."""
    site = site_for_region(region) or Site.objects.filter(root_page=root_page).first()
    if site is None:
        site = Site(root_page=root_page)
    site.root_page = root_page
    site.site_name = site.site_name or site_name
    _apply_configuration(site, region)
    site_settings = SiteSettings.for_site(site)
    if site_settings.region != region.key:
        site_settings.region = region.key
        site_settings.site_name = site_name
        site_settings.save()
    return site


def sync_hostnames():
    """Point each regional Site at its configured hostname and port; return what changed."""
    changes = []
    for region in REGIONS:
        site = site_for_region(region)
        if site is None:
            continue
        before = (site.hostname, site.port)
        _apply_configuration(site, region)
        if before != (site.hostname, site.port):
            changes.append((region, before, (site.hostname, site.port)))
    return changes


def _apply_configuration(site, region):
    site.hostname = region.hostname
    site.port = settings.SITE_PORT
    # England is the programme's main site: unknown hostnames (such as 127.0.0.1) land there.
    site.is_default_site = region.key == "england"
    if site.is_default_site:
        Site.objects.exclude(pk=site.pk).filter(is_default_site=True).update(is_default_site=False)
    site.save()
