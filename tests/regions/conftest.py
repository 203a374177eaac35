"""Regional sites for the regions app's tests: a home page and Site for each region."""

import pytest
from wagtail.models import Page, Site

from core.factories import publish_translation
from home.factories import HomePageFactory
from regions.regions import REGIONS
from regions.sites import ensure_site

# The language each regional home page is translated into.
SECOND_LANGUAGE = {"wales": "cy", "scotland": "gd", "northern-ireland": "ga"}


@pytest.fixture
def regional_homes(english):
    """A home page and Site per region; every regional home is also in its second language,
    and England's home has a stray Welsh translation that its site must not offer."""
    Site.objects.all().delete()
    root = Page.get_first_root_node()
    homes = {}
    for region in REGIONS:
        home = HomePageFactory(
            parent=root,
            slug=f"home-{region.key}",
            locale=english,
            title=f"Home of {region.key}",
            hero_heading=f"Welcome to {region.key}",
        )
        ensure_site(region, home, f"Arts Backpack {region.key}")
        homes[region.key] = home
    for key, language in SECOND_LANGUAGE.items():
        publish_translation(homes[key], language, hero_heading=f"{key} in {language}")
    publish_translation(homes["england"], "cy", hero_heading="Stray Welsh page")
    return homes
