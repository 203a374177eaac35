"""The four regional sites and which languages each offers.

Wagtail has no per-site list of languages (wagtail/wagtail#7843), so it is kept here. A Wagtail
``Site`` is tied to a region by its region setting (``RegionSettings.region``); hostnames come
from configuration (``REGIONAL_SITE_HOSTNAMES``) and ``manage.py sync_regional_sites`` applies
them. Which nation a region serves is the places app's to say (``places/nations.py``).

A site offers a language when its region lists it *and* the site's home page is published in
it, so a language appears only once editors have translated the home page.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

from core.site_cache import remember


@dataclass(frozen=True)
class Region:
    key: str
    name: str
    languages: tuple  # language codes, the site's main language first

    @property
    def hostname(self):
        return settings.REGIONAL_SITE_HOSTNAMES[self.key]


REGIONS = (
    Region("england", _("England"), ("en",)),
    Region("wales", _("Wales"), ("en", "cy")),
    Region("scotland", _("Scotland"), ("en", "gd")),
    Region("northern-ireland", _("Northern Ireland"), ("en", "ga")),
)
REGIONS_BY_KEY = {region.key: region for region in REGIONS}
REGION_CHOICES = [(region.key, region.name) for region in REGIONS]


def region_for_request(request):
    """The region of the site serving the request (the setting is cached on the request)."""
    from regions.models import RegionSettings

    if Site.find_for_request(request) is None:
        return None
    return REGIONS_BY_KEY.get(RegionSettings.for_request(request).region)


def region_for_site(site):
    """The region ``site`` serves (None for a site outside the regions, or no site)."""
    from regions.models import RegionSettings

    if site is None:
        return None
    region = RegionSettings.objects.filter(site=site).values_list("region", flat=True).first()
    return REGIONS_BY_KEY.get(region)


def allowed_languages(request):
    """The languages the request's site may offer: its region's, or every configured one."""
    region = region_for_request(request)
    return region.languages if region else tuple(code for code, _name in settings.LANGUAGES)


def home_translations(request):
    """The site's home page in each language it is published in, ``{language code: page}``;
        read once per request (the languages offered, the brand and the home link all ask) and kept
    in the site cache (core/site_cache.py) until pages or sites change."""
    if not hasattr(request, "_arts_backpack_homes"):
        site = Site.find_for_request(request)
        request._arts_backpack_homes = (
            remember(("home-translations", site.pk), lambda: _home_translations(site))
            if site is not None
            else {}
        )
    return request._arts_backpack_homes


def _home_translations(site):
    homes = (
        Page.objects.filter(translation_key=site.root_page.translation_key, live=True)
        .select_related("locale")
        .order_by("path")
    )
    return {home.locale.language_code: home for home in homes}


def site_languages(request):
    """Language codes the request's site offers, in the region's order.

    A regional site offers its region's languages in which its home page is published; a site
    outside the regions offers every configured language its home page is published in.
    """
    if hasattr(request, "_arts_backpack_languages"):
        return request._arts_backpack_languages
    languages = ()
    if Site.find_for_request(request) is not None:
        published = home_translations(request)
        languages = tuple(code for code in allowed_languages(request) if code in published)
    request._arts_backpack_languages = languages
    return languages


@dataclass(frozen=True)
class Alternate:
    """One language version of a page, as the site serving the request links to it."""

    code: str
    url: str  # the site's own path (Page.get_url(request) on the same site)
    full_url: str  # with the site's scheme and hostname (Page.get_full_url(request))


def page_alternates(request, pages):
    """The language versions of each page that the request's site offers, for hreflang links,
    the language switcher and the sitemap; ``{page.pk: [Alternate, ...]}`` in the region's order.

    A version counts when it is live and public, in a language the site offers
    (``site_languages``) and served by this same site. Pages with fewer than two such versions
    are left out: one language has nothing to switch to. Every page's versions come from one
    query, looked up by translation key, however many pages are asked about.
    """
    site = Site.find_for_request(request) if request is not None else None
    if site is None or not pages:
        return {}
    offered = site_languages(request)
    if len(offered) < 2:
        return {}
    versions = defaultdict(list)
    translations = (
        Page.objects.live()
        .public()
        .filter(
            translation_key__in={page.translation_key for page in pages},
            locale__language_code__in=offered,
        )
        .select_related("locale")
    )
    for translated in translations:
        # The same parts Page.get_url/get_full_url build on; a version routed to another
        # site (or not routable) is not this site's to offer.
        parts = translated.get_url_parts(request)
        if parts is None or parts[0] != site.pk or parts[2] is None:
            continue
        _site_id, root_url, path = parts
        code = translated.locale.language_code
        versions[translated.translation_key].append(Alternate(code, path, root_url + path))
    alternates = {}
    for page in pages:
        found = versions.get(page.translation_key, [])
        if len(found) >= 2:
            alternates[page.pk] = sorted(found, key=lambda version: offered.index(version.code))
    return alternates
