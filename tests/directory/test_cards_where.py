"""Every result card says where: the venue and its area (and how far, near a postcode), the
areas whose schools it comes to, or that it runs online. Never "comes to your area" for an
activity that is online or outdoors."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

from directory.factories import ActivityPageFactory, ProviderPageFactory
from directory.models import ActivityPage
from directory.search.cards import prefetch_for_cards
from places.models import Place

pytestmark = pytest.mark.django_db


@pytest.fixture
def kinds(directory_page):
    """One activity of each kind of place, all found by the keyword "ocelot"."""
    provider = ProviderPageFactory(parent=directory_page, slug="ocelot-arts")
    common = {"summary": "An ocelot workshop.", "places": ["GB-LCE"]}
    ActivityPageFactory(
        parent=provider,
        title="Ocelot at the hall",
        slug="ocelot-hall",
        formats=["visit-a-venue"],
        venue_name="Phoenix Hall",
        venue_postcode="LE1 1AA",
        **common,
    )
    ActivityPageFactory(
        parent=provider,
        title="Ocelot in school",
        slug="ocelot-school",
        formats=["comes-to-school"],
        **{**common, "places": ["GB-LCE", "GB-LEC"]},
    )
    ActivityPageFactory(
        parent=provider,
        title="Ocelot online",
        slug="ocelot-online",
        formats=["online"],
        **common,
    )
    ActivityPageFactory(
        parent=provider,
        title="Ocelot outdoors",
        slug="ocelot-outdoors",
        formats=["outdoors-community"],
        **common,
    )
    ActivityPageFactory(
        parent=provider,
        title="Ocelot everywhere",
        slug="ocelot-everywhere",
        formats=["comes-to-school", "online"],
        **{**common, "places": ["GB-LCE", "GB-LEC", "GB-DER", "GB-NGM", "GB-RUT"]},
    )
    return provider


def cards(client, url, **params):
    response = client.get(url, {"q": "ocelot", **params})
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    found = {}
    for card in html.select(".activity-results .activity-card"):
        title = card.select_one(".activity-card__title").get_text(strip=True)
        where = card.find("dt", string="Where")
        assert where is not None, title
        found[title] = {
            "where": [
                span.get_text(" ", strip=True) for span in where.find_next_sibling("dd")("span")
            ],
            "text": card.get_text(" ", strip=True),
        }
    return found


def test_each_kind_of_activity_says_where(client, directory_page, kinds):
    found = cards(client, directory_page.url)
    assert found["Ocelot at the hall"]["where"] == ["Phoenix Hall, Leicester"]
    assert found["Ocelot in school"]["where"] == ["Comes to schools in Leicester, Leicestershire"]
    assert found["Ocelot online"]["where"] == ["Online"]
    assert found["Ocelot outdoors"]["where"] == ["Outdoors or in the community in Leicester"]
    assert found["Ocelot everywhere"]["where"] == [
        "Comes to schools in Derby, Leicester, Leicestershire and 2 more areas",
        "Online",
    ]
    for card in found.values():
        assert "miles away" not in card["text"]


def test_near_a_postcode_the_venue_says_how_far_and_no_card_says_comes_to_your_area(
    client, directory_page, kinds
):
    found = cards(client, directory_page.url, postcode="LE1 6AD", radius="10")
    assert set(found) == {
        "Ocelot at the hall",
        "Ocelot in school",
        "Ocelot online",
        "Ocelot outdoors",
        "Ocelot everywhere",
    }
    hall = found["Ocelot at the hall"]["where"]
    assert len(hall) == 1
    assert hall[0].startswith("Phoenix Hall, Leicester (")
    assert hall[0].endswith("away)")
    assert found["Ocelot online"]["where"] == ["Online"]
    assert found["Ocelot outdoors"]["where"] == ["Outdoors or in the community in Leicester"]
    for title, card in found.items():
        assert "Comes to your area" not in card["text"], title
        assert "Distance" not in card["text"], title
        if title != "Ocelot at the hall":
            assert "miles away" not in card["text"], title


def test_venue_area_is_named_in_the_readers_language(directory_page):
    provider = ProviderPageFactory(parent=directory_page, slug="caerdydd")
    activity = ActivityPageFactory(
        parent=provider,
        title="Cardiff hall",
        slug="cardiff-hall",
        formats=["visit-a-venue"],
        venue_name="Neuadd",
        venue_postcode="CF10 1AA",
        places=["GB-CRF"],
    )
    welsh, _created = Locale.objects.get_or_create(language_code="cy")
    cardiff = Place.objects.get(code="GB-CRF", locale__language_code="en")
    if not Place.objects.filter(code="GB-CRF", locale=welsh).exists():
        translation = cardiff.copy_for_translation(welsh)
        translation.name = "Caerdydd"
        translation.save()
    english_copy = ActivityPage.objects.get(pk=activity.pk)
    prefetch_for_cards([english_copy], Locale.objects.get(language_code="en"))
    assert english_copy.where.venue_area == "Cardiff"
    welsh_copy = ActivityPage.objects.get(pk=activity.pk)
    prefetch_for_cards([welsh_copy], welsh)
    assert welsh_copy.where.venue_area == "Caerdydd"
    assert welsh_copy.where.areas == []  # a venue is where it is, not an area served


def test_every_card_in_a_varied_directory_says_where(client, directory_page, world):
    response = client.get(directory_page.url, {"place": "uk", "sort": "az"})
    html = BeautifulSoup(response.content, "html.parser")
    for card in html.select(".activity-results .activity-card"):
        where = card.find("dt", string="Where").find_next_sibling("dd")
        assert where("span"), card.select_one(".activity-card__title").get_text()
        assert "Comes to your area" not in card.get_text()
