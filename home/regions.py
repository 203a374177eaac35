"""The four regional sites: which nation each serves and which languages it offers.

Wagtail has no per-site list of languages (wagtail/wagtail#7843), so it is kept here. A Wagtail
``Site`` is tied to a region by its site settings (``SiteSettings.region``); hostnames come from
configuration (``REGIONAL_SITE_HOSTNAMES``) and ``manage.py sync_regional_sites`` applies them.

A site offers a language when its region lists it *and* the site's home page is published in
it, so a language appears only once editors have translated the home page.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site


@dataclass(frozen=True)
class Region:
    key: str
    name: str
    nation_code: str  # the directory Place code of the nation (ISO 3166-2)
    languages: tuple  # language codes, the site's main language first

    @property
    def hostname(self):
        return settings.REGIONAL_SITE_HOSTNAMES[self.key]


REGIONS = (
    Region("england", _("England"), "GB-ENG", ("en",)),
    Region("wales", _("Wales"), "GB-WLS", ("en", "cy")),
    Region("scotland", _("Scotland"), "GB-SCT", ("en", "gd")),
    Region("northern-ireland", _("Northern Ireland"), "GB-NIR", ("en", "ga")),
)
REGIONS_BY_KEY = {region.key: region for region in REGIONS}
REGION_CHOICES = [(region.key, region.name) for region in REGIONS]


def region_for_request(request):
    """The region of the site serving the request (site settings are cached on the request)."""
    from home.models import SiteSettings

    if Site.find_for_request(request) is None:
        return None
    return REGIONS_BY_KEY.get(SiteSettings.for_request(request).region)


def allowed_languages(request):
    """The languages the request's site may offer: its region's, or every configured one."""
    region = region_for_request(request)
    return region.languages if region else tuple(code for code, _name in settings.LANGUAGES)


def site_languages(request):
    """Language codes the request's site offers, in the region's order.

    A regional site offers its region's languages in which its home page is published; a site
    outside the regions offers every configured language its home page is published in.
    """
    if hasattr(request, "_arts_backpack_languages"):
        return request._arts_backpack_languages
    site = Site.find_for_request(request)
    languages = ()
    if site is not None:
        published = set(
            Page.objects.filter(
                translation_key=site.root_page.translation_key, live=True
            ).values_list("locale__language_code", flat=True)
        )
        languages = tuple(code for code in allowed_languages(request) if code in published)
    request._arts_backpack_languages = languages
    return languages


def nation_code_for_request(request):
    """The nation of the request's regional site (None outside the regions)."""
    region = region_for_request(request)
    return region.nation_code if region else None
