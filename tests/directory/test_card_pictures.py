"""A result card shows the activity's picture when it has one (issue 14, visual design): its
listing image, else its own image, as a decorative thumbnail, loaded for the whole page of
results in a fixed number of queries."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.factories import SiteImageFactory
from directory.factories import ActivityPageFactory, ProviderPageFactory

pytestmark = pytest.mark.django_db


def make(provider, number, **fields):
    return ActivityPageFactory(
        parent=provider,
        title=f"Quokka {number}",
        slug=f"quokka-{number}",
        summary="A quokka workshop.",
        formats=["online"],
        **fields,
    )


def results(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, {"q": "quokka"})
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    cards = {
        card.select_one(".activity-card__title").get_text(strip=True): card
        for card in html.select(".activity-results .activity-card")
    }
    return cards, len(captured)


def test_cards_show_the_listing_image_else_the_activitys_own(client, directory_page):
    provider = ProviderPageFactory(parent=directory_page, slug="quokka-arts")
    # Wider than the widest card rendition, so every width is offered (a smaller upload gets
    # only the widths it can fill: core/wagtail_12389_srcset.py).
    own, listing = (SiteImageFactory(file__width=1200, file__height=800) for _ in range(2))
    make(provider, 1, image=own, image_alt="Children drumming")
    make(provider, 2, image=own, listing_image=listing)
    make(provider, 3)
    cards, _queries = results(client, directory_page.url)
    assert set(cards) == {"Quokka 1", "Quokka 2", "Quokka 3"}
    first = cards["Quokka 1"].select_one("img.activity-card__image")
    second = cards["Quokka 2"].select_one("img.activity-card__image")
    assert first is not None and second is not None
    # Decorative: the title link beside it names the activity (never the image's title).
    assert first["alt"] == "" and second["alt"] == ""
    assert first["src"] != second["src"]
    # WebP, in three widths for the browser to choose from by the space the card has.
    for picture in (first, second):
        candidates = [candidate.split() for candidate in picture["srcset"].split(",")]
        assert [url.rsplit(".", 1)[-1] for url, _width in candidates] == ["webp"] * 3
        assert [
            next(part for part in url.split(".") if part.startswith("fill-"))
            for url, _width in candidates
        ] == ["fill-400x225", "fill-720x405", "fill-960x540"]
        assert picture["sizes"]
    # Room is kept before a lazy picture arrives: the rendition's size is on the tag (a
    # small test picture is never enlarged, so only its shape is 16:9).
    width, height = int(first["width"]), int(first["height"])
    assert height > 0 and abs(width / height - 16 / 9) < 0.1
    assert first["loading"] == "lazy"
    assert cards["Quokka 3"].select_one("img") is None


def test_pictures_cost_the_same_queries_for_one_card_as_for_many(client, directory_page):
    provider = ProviderPageFactory(parent=directory_page, slug="quokka-volume")
    make(provider, 1, image=SiteImageFactory())
    for number in range(2, 6):
        make(provider, number)
    client.get(directory_page.url, {"q": "quokka"})  # renditions made, caches filled
    _cards, one = results(client, directory_page.url)
    for number in range(6, 12):
        make(provider, number, image=SiteImageFactory())
    client.get(directory_page.url, {"q": "quokka"})
    cards, many = results(client, directory_page.url)
    assert sum(1 for card in cards.values() if card.select_one("img")) == 7
    assert many == one
