"""Wagtail ``Site`` records for the regional sites, kept in step with configuration."""

from django.conf import settings
from wagtail.models import Site

from regions.models import RegionSettings
from regions.regions import REGIONS, REGIONS_BY_KEY


def site_for_region(region):
    row = RegionSettings.objects.filter(region=region.key).select_related("site").first()
    return row.site if row else None


def regional_sites():
    """(region, Site) for each region whose site exists, in the regions' order."""
    for region in REGIONS:
        site = site_for_region(region)
        if site is not None:
            yield region, site


def ensure_site(region, root_page, site_name):
    """The region's Site, pointing at ``root_page``, on the configured hostname and port.

    ``site_name`` names a new Wagtail Site; the name readers see is the home app's to set.
    """
    site = site_for_region(region) or Site.objects.filter(root_page=root_page).first()
    if site is None:
        site = Site(root_page=root_page)
    site.root_page = root_page
    site.site_name = site.site_name or site_name
    _apply_configuration(site, region)
    region_settings = RegionSettings.for_site(site)
    if region_settings.region != region.key:
        region_settings.region = region.key
        region_settings.save()
    return site


def regional_home_keys(language_code):
    """Translation keys of the home pages of the regional sites whose region offers the
    language (one query)."""
    return [
        key
        for region, key in RegionSettings.objects.exclude(region="").values_list(
            "region", "site__root_page__translation_key"
        )
        if region in REGIONS_BY_KEY and language_code in REGIONS_BY_KEY[region].languages
    ]


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
