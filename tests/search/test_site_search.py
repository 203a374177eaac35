"""Site search: what a reader may find, and what they may type."""

import pytest
from bs4 import BeautifulSoup
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, Page, PageViewRestriction, Site

from home.factories import HomePageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def result_titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [link.get_text(strip=True) for link in soup.select("ol.results h3 a")]


@pytest.fixture
def pages(home_page):
    live = StandardPageFactory(parent=home_page, title="Puppetry in Leicester", slug="puppetry")
    draft = StandardPageFactory(parent=home_page, title="Puppetry draft", slug="draft", live=False)
    private = StandardPageFactory(parent=home_page, title="Puppetry for staff", slug="private")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    return {"live": live, "draft": draft, "private": private}


def test_finds_live_public_pages_only(client, pages):
    response = client.get("/search/", {"q": "puppetry"})
    assert response.status_code == 200
    assert result_titles(response) == ["Puppetry in Leicester"]


def test_pages_of_another_site_are_not_found(client, pages):
    root = Page.get_first_root_node()
    other_home = HomePageFactory(parent=root, slug="other-home", title="Elsewhere")
    Site.objects.create(hostname="wales.localhost", port=80, root_page=other_home)
    StandardPageFactory(parent=other_home, title="Puppetry in Cardiff", slug="cardiff")
    assert result_titles(client.get("/search/", {"q": "puppetry"})) == ["Puppetry in Leicester"]
    assert result_titles(
        client.get("/search/", {"q": "puppetry"}, HTTP_HOST="wales.localhost")
    ) == ["Puppetry in Cardiff"]


def test_results_follow_the_reader_language(client, home_page, pages):
    welsh = Locale.objects.get(language_code="cy")
    welsh_home = home_page.copy_for_translation(welsh)
    welsh_home.save_revision().publish()
    welsh_page = pages["live"].copy_for_translation(welsh)
    welsh_page.title = "Pypedwaith yng Nghaerlŷr"
    welsh_page.save_revision().publish()
    assert result_titles(client.get("/cy/search/", {"q": "pypedwaith"})) == [
        "Pypedwaith yng Nghaerlŷr"
    ]
    assert result_titles(client.get("/search/", {"q": "pypedwaith"})) == []


def test_all_words_must_match(client, pages):
    assert result_titles(client.get("/search/", {"q": "puppetry leicester"})) == [
        "Puppetry in Leicester"
    ]
    response = client.get("/search/", {"q": "puppetry glasgow"})
    assert result_titles(response) == []
    assert b"Nothing on this site matches all of those words." in response.content


def test_results_are_paginated(client, home_page):
    for number in range(12):
        StandardPageFactory(
            parent=home_page, title=f"Dance workshop {number}", slug=f"dance-{number}"
        )
    first = result_titles(client.get("/search/", {"q": "dance"}))
    second = result_titles(client.get("/search/", {"q": "dance", "page": 2}))
    assert len(first) == 10
    assert len(second) == 2
    assert not set(first) & set(second)
    # A page number past the end shows the last page rather than an error.
    assert result_titles(client.get("/search/", {"q": "dance", "page": 99})) == second


def test_promoted_results_come_first_and_respect_visibility(client, pages, home_page):
    query = Query.get("funding")
    SearchPromotion.objects.create(
        query=query, page=pages["live"], sort_order=0, description="Our pick"
    )
    SearchPromotion.objects.create(query=query, page=pages["draft"], sort_order=1)
    soup = BeautifulSoup(client.get("/search/", {"q": "Funding"}).content, "html.parser")
    picks = [a.get_text(strip=True) for a in soup.select(".promotions a")]
    assert picks == ["Puppetry in Leicester"]


def test_empty_query_shows_a_prompt_not_results(client, pages):
    response = client.get("/search/")
    assert response.status_code == 200
    assert result_titles(response) == []


@pytest.mark.parametrize(
    "params",
    [
        {"q": "\x00"},
        {"q": "a" * 201},
        {"q": "puppetry", "page": "two"},
        {"q": "puppetry", "page": "-1"},
        {"q": "puppetry", "page": "99999999999999999999"},
    ],
)
def test_invalid_input_gets_a_message(client, pages, params):
    response = client.get("/search/", params)
    assert response.status_code == 400
    assert BeautifulSoup(response.content, "html.parser").select_one(".form-errors")


@pytest.mark.parametrize(
    "query",
    [
        '"unbalanced',
        "puppetry OR",
        "NOT",
        "*",
        "a AND (b",
        "'; DROP TABLE",
        "ü ñ 漢字",
        "-",
        "NEAR(x y)",
        "\\",
    ],
)
def test_odd_queries_never_break_search(client, pages, query):
    assert client.get("/search/", {"q": query}).status_code == 200


def count_queries(client, params):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    # After a warm-up: the first request after a change fills the site cache again
    # (core/site_cache.py), and counting it would compare a cold page with a warm one.
    client.get("/search/", params)
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/search/", params)
    return len(captured), response


def test_query_count_does_not_grow_with_results(client, home_page):
    for number in range(2):
        StandardPageFactory(parent=home_page, title=f"Music {number}", slug=f"music-{number}")
    client.get("/search/", {"q": "music"})  # the first search records the query once
    few, response = count_queries(client, {"q": "music"})
    assert len(result_titles(response)) == 2
    for number in range(2, 12):
        StandardPageFactory(parent=home_page, title=f"Music {number}", slug=f"music-{number}")
    many, response = count_queries(client, {"q": "music"})
    assert len(result_titles(response)) == 10
    assert many == few
    assert many <= 30


def test_results_with_the_same_title_say_where_they_sit(client, home_page):
    for section in ("Spark Arts", "Arena Theatre"):
        parent = StandardPageFactory(
            parent=home_page, title=section, slug=section.lower().replace(" ", "-")
        )
        StandardPageFactory(
            parent=parent,
            title="Make a samba band",
            slug="samba",
            listing_summary=f"Drumming with {section}.",
        )
    soup = BeautifulSoup(client.get("/search/", {"q": "samba"}).content, "html.parser")
    shown = sorted(
        (
            item.select_one("h3").get_text(strip=True),
            item.select_one(".results__section").get_text(strip=True),
        )
        for item in soup.select("ol.results > li")
    )
    assert shown == [("Make a samba band", "Arena Theatre"), ("Make a samba band", "Spark Arts")]
    # A page straight under the home page has no section line (the home page says nothing).
    top = StandardPageFactory(parent=home_page, title="Samba in schools", slug="samba-schools")
    soup = BeautifulSoup(client.get("/search/", {"q": "schools"}).content, "html.parser")
    item = soup.select_one("ol.results > li")
    assert item.select_one("h3").get_text(strip=True) == top.title
    assert item.select_one(".results__section") is None
