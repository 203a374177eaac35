"""The feeds publish a translation only where a site serves its language, as the directory
does: a regional site offers its region's languages in which its home page is published."""

import pytest
from wagtail.models import Page, Site

from core.factories import publish_translation
from directory.factories import ActivityPageFactory, ProviderPageFactory
from directory.models import DirectoryIndexPage
from home.factories import HomePageFactory
from regions.models import RegionSettings
from tests.opendata.openactive.conftest import ACTIVITIES, PROVIDERS, walk

pytestmark = pytest.mark.django_db


def item_id(page):
    return f"{page.translation_key}/{page.locale.language_code}"


@pytest.fixture
def wales(db):
    """The Wales site, in English and Welsh, with a provider and two activities in English."""
    Site.objects.all().delete()
    home = HomePageFactory(parent=Page.get_first_root_node(), slug="wales-home")
    site = Site.objects.create(hostname="wales.localhost", port=80, root_page=home)
    settings = RegionSettings.for_site(site)
    settings.region = "wales"
    settings.save()
    directory = DirectoryIndexPage(title="Activities", slug="activities")
    home.add_child(instance=directory)
    directory.save_revision().publish()
    publish_translation(home, "cy", title="Cymru")
    publish_translation(directory, "cy", title="Gweithgareddau")
    provider = ProviderPageFactory(parent=directory, title="Oriel")
    first = ActivityPageFactory(parent=provider, title="Printing")
    second = ActivityPageFactory(parent=provider, title="Singing")
    return provider, first, second


def test_a_translation_in_a_language_the_site_offers_is_its_own_item(client, wales):
    provider, first, second = wales
    welsh = publish_translation(first, "cy", title="Argraffu")

    items, _ = walk(client, ACTIVITIES)
    assert sorted(item["id"] for item in items) == sorted(
        item_id(page) for page in (first, second, welsh)
    )
    names = {item["id"]: item["data"]["name"] for item in items}
    assert names[item_id(welsh)] == "Argraffu"
    assert names[item_id(first)] == "Printing"
    providers, _ = walk(client, PROVIDERS)
    welsh_provider = provider.get_translation(welsh.locale)
    assert {item["id"] for item in providers} == {item_id(provider), item_id(welsh_provider)}


def test_a_translation_in_a_language_the_site_does_not_offer_never_appears(client, wales):
    _provider, first, _second = wales
    # Wales offers English and Welsh; a Gaelic copy of its pages is never served there.
    gaelic = publish_translation(first, "gd", title="Clò-bhualadh")

    activities, _ = walk(client, ACTIVITIES)
    providers, _ = walk(client, PROVIDERS)
    ids = {item["id"] for item in activities + providers}
    assert item_id(gaelic) not in ids
    assert not any(each.endswith("/gd") for each in ids)
    assert item_id(first) in ids


def test_a_translation_taken_off_the_site_becomes_deleted(client, wales):
    _provider, first, _second = wales
    welsh = publish_translation(first, "cy", title="Argraffu")
    _items, last = walk(client, ACTIVITIES)

    welsh.unpublish()
    later, _ = walk(client, last)
    assert [(item["id"], item["state"]) for item in later] == [(item_id(welsh), "deleted")]
