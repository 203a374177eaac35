"""A venue that hides its exact address (a provider who works from home) appears in the
activities feed with only its postcode district, and ticking the choice on the provider's venue
re-emits its activities without the address."""

import pytest

from directory.factories import ActivityPageFactory
from tests.opendata.openactive.conftest import ACTIVITIES, walk

pytestmark = pytest.mark.django_db


def item_for(client, title, url=ACTIVITIES):
    items, _last = walk(client, url)
    return next(item for item in items if item["data"]["name"] == title)


def test_only_the_district_is_published(client, directory):
    ActivityPageFactory(
        parent=directory.providers[1],
        title="Clay at home",
        venue_name="Jo's studio",
        venue_address="12 Acacia Avenue",
        venue_postcode="LE1 6AD",
        hide_exact_address=True,
    )
    location = item_for(client, "Clay at home")["data"]["location"]
    assert location["address"] == {
        "@type": "PostalAddress",
        "postalCode": "LE1",
        "addressCountry": "GB",
    }
    assert location["geo"]["latitude"]  # the district's centre, as for every venue
    assert "Acacia" not in str(location) and "6AD" not in str(location)


def test_hiding_a_providers_venue_re_emits_its_activities(client, directory):
    provider = directory.providers[0]
    ActivityPageFactory(
        parent=provider,
        title="Clay in the hall",
        venue_key=provider.venues.get().key,
    )
    before = item_for(client, "Clay in the hall")
    assert before["data"]["location"]["address"]["postalCode"] == "LE1 1AA"
    _items, last = walk(client, ACTIVITIES)

    page = provider.get_latest_revision_as_object()
    venue = page.venues.get()
    venue.hide_exact_address = True
    page.venues = [venue]
    page.save_revision().publish()

    later, _ = walk(client, last)
    [again] = [item for item in later if item["id"] == before["id"]]
    assert again["data"]["location"]["address"]["postalCode"] == "LE1"
    assert again["modified"] > before["modified"]
