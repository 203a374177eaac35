"""A venue with "hide exact address" (a provider who works from home) shows only its postcode
district, everywhere an address is shown: the provider and activity pages, the activity's
schema.org JSON-LD and its calendar file. (The open data: tests/opendata.) The demo has one such
venue, so the feature can be seen there too."""

import json
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from directory.factories import ActivityPageFactory
from directory.models import ActivityPage, ProviderPage, ProviderVenue
from directory.models.venues import published_address
from tests.directory.test_venues import make_provider

pytestmark = pytest.mark.django_db

STREET = "12 Acacia Avenue"
POSTCODE = "LE1 6AD"


def text_of(response):
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def json_ld(response):
    html = BeautifulSoup(response.content, "html.parser")
    return json.loads(html.find("script", type="application/ld+json").string)


def home_provider(directory_page, hide):
    provider = make_provider(directory_page, "home-studio" if hide else "town-hall")
    provider.venues = [
        ProviderVenue(
            name="Jo's studio", address=STREET, postcode=POSTCODE, hide_exact_address=hide
        )
    ]
    provider.save_revision().publish()
    return ProviderPage.objects.get(pk=provider.pk)


def activity_at(provider):
    soon = timezone.now() + timedelta(days=10)
    return ActivityPageFactory(
        parent=provider,
        title=f"Clay with {provider.title}",
        slug=f"clay-{provider.slug}",
        venue_key=provider.venues.get().key,
        sessions=[(soon, soon + timedelta(hours=2))],
    )


@pytest.mark.parametrize(
    ("hide", "expected"),
    [
        (False, ("12 Acacia Avenue", "LE1 6AD", False)),
        (True, ("", "LE1", True)),
    ],
)
def test_published_address(hide, expected):
    assert tuple(published_address(STREET, POSTCODE, hide)) == expected


def test_a_postcode_that_cannot_be_cut_to_its_district_is_not_shown():
    assert published_address(STREET, "nonsense", True).postcode == ""


def test_an_activity_copies_the_choice_from_its_providers_venue(directory_page):
    activity = activity_at(home_provider(directory_page, hide=True))
    assert activity.hide_exact_address
    assert activity.venue_address == STREET  # kept for the editors; never shown


def test_ticking_it_on_the_provider_reaches_its_activities(directory_page):
    provider = home_provider(directory_page, hide=False)
    activity = activity_at(provider)
    assert not activity.hide_exact_address
    page = provider.get_latest_revision_as_object()
    venue = page.venues.get()
    venue.hide_exact_address = True
    page.venues = [venue]
    page.save_revision().publish()
    assert ActivityPage.objects.get(pk=activity.pk).hide_exact_address


def test_pages_show_only_the_district(client, directory_page):
    provider = home_provider(directory_page, hide=True)
    activity = activity_at(provider)
    for page in (provider, activity):
        text = text_of(client.get(page.url))
        assert "Jo's studio, LE1 area" in text
        assert STREET not in text and POSTCODE not in text and "6AD" not in text


def test_pages_show_the_full_address_otherwise(client, directory_page):
    provider = home_provider(directory_page, hide=False)
    activity = activity_at(provider)
    for page in (provider, activity):
        text = text_of(client.get(page.url))
        assert f"Jo's studio, {STREET} {POSTCODE}" in text
        assert "LE1 area" not in text


def test_structured_data_has_only_the_district(client, directory_page):
    activity = activity_at(home_provider(directory_page, hide=True))
    address = json_ld(client.get(activity.url))[0]["location"]["address"]
    assert address == {"@type": "PostalAddress", "postalCode": "LE1", "addressCountry": "GB"}

    shown = activity_at(home_provider(directory_page, hide=False))
    address = json_ld(client.get(shown.url))[0]["location"]["address"]
    assert (address["streetAddress"], address["postalCode"]) == (STREET, POSTCODE)


def test_calendar_has_only_the_district(client, directory_page):
    activity = activity_at(home_provider(directory_page, hide=True))
    body = client.get(f"{activity.url}calendar/").content.decode()
    assert "LOCATION:Jo's studio\\, LE1\r\n" in body
    assert "Acacia" not in body and "6AD" not in body

    shown = activity_at(home_provider(directory_page, hide=False))
    body = client.get(f"{shown.url}calendar/").content.decode()
    assert "LOCATION:Jo's studio\\, 12 Acacia Avenue\\, LE1 6AD\r\n" in body


def test_a_search_card_without_a_venue_name_shows_only_the_district(client, directory_page):
    provider = make_provider(directory_page, "nameless")
    ActivityPageFactory(
        parent=provider,
        title="Clay somewhere",
        slug="clay-somewhere",
        venue_address=STREET,
        venue_postcode=POSTCODE,
        hide_exact_address=True,
    )
    html = BeautifulSoup(client.get(directory_page.url, {"q": "clay"}).content, "html.parser")
    [card] = [
        card
        for card in html.select(".activity-card")
        if "Clay somewhere" in card.get_text(" ", strip=True)
    ]
    text = card.get_text(" ", strip=True)
    assert "LE1" in text
    assert "6AD" not in text and "Acacia" not in text


def test_the_demo_home_studio_shows_only_its_district(client, demo_site):
    """The demo's potter works from home (directory/demo/providers.toml): her page and the
    page of the activity held in her studio name the studio and its district, never the
    street or the full postcode, which the admin keeps."""
    provider = ProviderPage.objects.get(slug="tamsin-reed-ceramics", locale__language_code="en")
    activity = ActivityPage.objects.child_of(provider).get(slug="clay-creatures")
    assert activity.hide_exact_address and "Thimble Lane" in activity.venue_address
    host = demo_site.hostname
    for page in (provider, activity):
        response = client.get(page.get_url_parts()[2], HTTP_HOST=host)
        assert response.status_code == 200
        assert "Tamsin's garden studio, BS6 area" in text_of(response)
        html = response.content.decode()
        assert "Thimble" not in html and "7ZZ" not in html
    location = json_ld(client.get(activity.get_url_parts()[2], HTTP_HOST=host))[0]["location"]
    assert location["address"]["postalCode"] == "BS6"
    assert "streetAddress" not in location["address"]
