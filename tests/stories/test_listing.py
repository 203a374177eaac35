"""The stories page as a reader meets it: each filter, their combinations, pagination, the
featured story, the empty state and bad query strings."""

import itertools

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from stories.factories import StoryPageFactory
from stories.listing import StoryFilters, filter_stories, story_scope
from stories.models import StoryIndexPage
from stories.views import PER_PAGE
from tests.stories.conftest import KINDS, PLACE_CODES, THEME_SLUGS, YEARS, newest_first

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def oracle(records, kind="", theme="", place_lineage="", year=None):
    return [
        r
        for r in records
        if (not kind or r.kind == kind)
        and (not theme or theme in r.themes)
        and (not place_lineage or any(lin.startswith(place_lineage) for lin in r.place_lineages))
        and (year is None or r.date.year == year)
    ]


def listed_titles(client, url, params):
    """Every story title the page lists for these filters, following pagination."""
    titles = []
    page = 1
    while True:
        response = client.get(url, {**params, "page": page})
        assert response.status_code == 200, params
        html = soup(response)
        titles += [a.get_text(strip=True) for a in html.select(".story-results .card__title a")]
        if not html.select_one(".story-results .pagination a[rel=next]"):
            return titles, html
        page += 1


def lineage_of(code):
    from places.models import Place

    return Place.objects.get(code=code, locale__language_code="en").lineage


@pytest.mark.parametrize("kind", KINDS)
def test_kind_filter(client, world, kind):
    _home, index, records = world
    titles, _ = listed_titles(client, index.url, {"kind": kind})
    assert titles == newest_first(oracle(records, kind=kind))


@pytest.mark.parametrize("theme", THEME_SLUGS)
def test_theme_filter(client, world, theme):
    _home, index, records = world
    titles, _ = listed_titles(client, index.url, {"theme": theme})
    expected = newest_first(oracle(records, theme=theme))
    assert expected and titles == expected


@pytest.mark.parametrize("code", ["GB-LCE", "E12000004", "GB-ENG", "GB-SCT", "GB-WLS"])
def test_place_filter_includes_places_beneath(client, world, code):
    _home, index, records = world
    titles, _ = listed_titles(client, index.url, {"place": code})
    assert titles == newest_first(oracle(records, place_lineage=lineage_of(code)))
    if code == "GB-ENG":
        # England reaches the Leicester and Derby stories through the region between them.
        leicester = {r.title for r in oracle(records, place_lineage=lineage_of("GB-LCE"))}
        assert leicester and leicester <= set(titles)


@pytest.mark.parametrize("year", YEARS)
def test_year_filter(client, world, year):
    _home, index, records = world
    titles, _ = listed_titles(client, index.url, {"year": year})
    assert titles == newest_first(oracle(records, year=year))


def test_every_combination_of_filters_matches_the_oracle(world):
    """All four filters together and in every pairing, through the listing function the page,
    feeds and home page share."""
    from places.models import Place
    from stories.models import Theme

    _home, index, records = world
    kinds = ["", *KINDS[:2]]
    themes = ["", *THEME_SLUGS[:2]]
    places = ["", "E12000004", "GB-COV"]
    years = [None, 2022, 2024]
    checked = 0
    for kind, theme, place, year in itertools.product(kinds, themes, places, years):
        filters = StoryFilters(
            kind=kind,
            theme=Theme.objects.get(slug=theme, locale=index.locale) if theme else None,
            place=Place.objects.get(code=place, locale=index.locale) if place else None,
            year=year,
        )
        got = [s.title for s in filter_stories(story_scope(index), filters)]
        expected = newest_first(
            oracle(records, kind, theme, lineage_of(place) if place else "", year)
        )
        assert got == expected, (kind, theme, place, year)
        checked += 1
    assert checked == 81


def test_combined_filters_through_the_page_keep_state_in_the_links(client, world):
    _home, index, records = world
    params = {"kind": "case-study", "place": "GB-ENG", "year": "2023"}
    titles, html = listed_titles(client, index.url, params)
    assert titles == newest_first(oracle(records, "case-study", "", lineage_of("GB-ENG"), 2023))
    assert html.select_one("#id_kind option[selected]")["value"] == "case-study"
    assert html.select_one("#id_place option[selected]")["value"] == "GB-ENG"
    assert html.select_one("#id_year option[selected]")["value"] == "2023"
    # The kind's own feeds are advertised beside the filtered list.
    hrefs = [link["href"] for link in html.select("link[rel=alternate][type]")]
    assert f"{index.url}feed/case-study/rss/" in hrefs
    assert f"{index.url}feed/atom/" in hrefs


def test_pagination_keeps_filters_and_covers_every_story(client, world):
    _home, index, records = world
    response = client.get(index.url)
    html = soup(response)
    featured = html.select_one(".story-featured .card__title a").get_text(strip=True)
    first_page = [a.get_text(strip=True) for a in html.select(".story-results .card__title a")]
    assert len(first_page) == PER_PAGE
    # Unfiltered, the newest story is featured and not repeated below it.
    assert featured == newest_first(records)[0]
    assert featured not in first_page
    titles, _ = listed_titles(client, index.url, {})
    assert [featured, *titles] == newest_first(records)
    filtered = client.get(index.url, {"theme": "skills-careers"})
    next_link = soup(filtered).select_one(".pagination a[rel=next]")
    if next_link:
        assert "theme=skills-careers" in next_link["href"]


def test_editor_chosen_featured_story_leads(client, world):
    _home, index, records = world
    chosen = min(records, key=lambda r: r.date)
    index.featured_story_id = chosen.pk
    index.save_revision().publish()
    html = soup(client.get(index.url))
    assert html.select_one(".story-featured .card__title a").get_text(strip=True) == chosen.title
    # The choice is followed inside the story's own query (with its card's picture and
    # themes), not by fetching the chosen page first.
    fresh = StoryIndexPage.objects.get(pk=index.pk)
    with CaptureQueriesContext(connection) as queries:
        assert fresh.featured().pk == chosen.pk
    assert len(queries) <= 3, [query["sql"] for query in queries.captured_queries]
    # Filtering hides the featured slot: the list answers the reader's question instead.
    html = soup(client.get(index.url, {"kind": chosen.kind}))
    assert html.select_one(".story-featured") is None


def test_empty_state_offers_the_way_back(client, world):
    _home, index, records = world
    assert not oracle(records, kind="news", year=2030)
    response = client.get(index.url, {"kind": "news", "year": "2030"})
    assert response.status_code == 200
    html = soup(response)
    assert html.select(".story-results .card__title a") == []
    assert "No stories match" in html.select_one(".empty-state").get_text()
    assert html.select_one(".empty-state a")["href"] == index.url


@pytest.mark.parametrize(
    "params",
    [
        {"kind": "poem"},
        {"theme": "no-such-theme"},
        {"theme": "not a slug!"},
        {"place": "XX-NOPE"},
        {"year": "twenty"},
        {"year": "99999999999999999999"},
        {"year": "-3"},
        {"page": "abc"},
        {"page": "999999"},
        {"kind": ["news", "advocacy"]},
        {"place": "\x00"},
        {"theme": "a" * 5000},
    ],
)
def test_bad_query_strings_get_a_message_never_a_500(client, world, params):
    _home, index, _records = world
    response = client.get(index.url, params)
    assert response.status_code in (200, 400)
    html = soup(response)
    if response.status_code == 400:
        assert html.select_one(".form-errors li")
    assert html.select(".story-results .card__title a")


def test_bad_parameter_is_left_out_and_the_rest_applies(client, world):
    _home, index, records = world
    response = client.get(index.url, {"kind": "news", "year": "soon"})
    assert response.status_code == 400
    assert "Enter a year as four digits" in soup(response).select_one(".form-errors").get_text()
    titles, _ = listed_titles(client, index.url, {"kind": "news"})
    shown = [a.get_text(strip=True) for a in soup(response).select(".story-results .card__title a")]
    assert shown == titles[:PER_PAGE]


def test_filter_options_come_from_stories_in_use(client, world):
    _home, index, records = world
    html = soup(client.get(index.url))
    themes = {o["value"] for o in html.select("#id_theme option") if o["value"]}
    assert themes == set().union(*(r.themes for r in records))
    places = {o["value"] for o in html.select("#id_place option") if o["value"]}
    used = set().union(*(r.place_codes for r in records))
    assert used <= places and "GB-ENG" in places  # ancestors too, to widen the search
    assert set(PLACE_CODES) >= used
    years = [int(o["value"]) for o in html.select("#id_year option") if o["value"]]
    assert years == sorted({r.date.year for r in records}, reverse=True)


def test_only_live_public_stories_of_this_site_and_language(client, story_site):
    from wagtail.models import Locale, PageViewRestriction

    home, index = story_site
    StoryPageFactory(parent=index, title="Published", slug="published")
    StoryPageFactory(parent=index, title="Draft only", slug="draft", publish=False)
    private = StoryPageFactory(parent=index, title="Members only", slug="private")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    welsh = Locale.objects.get(language_code="cy")
    welsh_index = index.copy_for_translation(welsh, copy_parents=True)
    welsh_index.save_revision().publish()
    welsh_story = StoryPageFactory(parent=welsh_index, title="Stori", slug="stori")
    assert welsh_story.locale == welsh
    titles, _ = listed_titles(client, index.url, {})
    html = soup(client.get(index.url))
    featured = html.select_one(".story-featured .card__title a").get_text(strip=True)
    assert [featured, *titles] == ["Published"]
