"""A venue that hides its exact address (a provider who works from home) is published as a
location with only its postcode district: no street address, no full postcode."""

from directory.factories import ActivityPageFactory
from directory.models import ProviderPage
from tests.opendata.conftest import get, walk

VENUE = {
    "venue_name": "Jo's studio",
    "venue_address": "12 Acacia Avenue\nLeicester",
    "venue_postcode": "LE1 6AD",
    "art_forms": ["music"],
}


def addresses_of(client, activity):
    service = get(client, f"services/{activity.translation_key}").json()
    [at_location] = service["service_at_locations"]
    return at_location["location"]["addresses"]


def test_only_the_district_is_published(client, world):
    alpha = ProviderPage.objects.get(slug="alpha")
    activity = ActivityPageFactory(
        parent=alpha, title="Clay at home", slug="clay-home", hide_exact_address=True, **VENUE
    )
    [address] = addresses_of(client, activity)
    assert address["postal_code"] == "LE1"
    assert address["address_1"] == ""
    everything = "\n".join(
        str(item) for name in ("services", "service_at_locations") for item in walk(client, name)
    )
    assert "Acacia" not in everything and "LE1 6AD" not in everything
    assert "Clay at home" in everything


def test_the_full_address_otherwise(client, world):
    alpha = ProviderPage.objects.get(slug="alpha")
    activity = ActivityPageFactory(parent=alpha, title="Clay in town", slug="clay-town", **VENUE)
    [address] = addresses_of(client, activity)
    assert (address["address_1"], address["postal_code"]) == (
        "12 Acacia Avenue, Leicester",
        "LE1 6AD",
    )
