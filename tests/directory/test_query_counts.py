"""The directory page renders in at most 12 queries, whatever it shows: one result or a full
page of them, no filter or several, few facets or many (issue 17).

Counts are taken with Django's anonymous test client after one warm-up request. The first
request of a process fills per-process caches that every later request reuses (the Site
lookup, content types, locales, the place tree's names, the school stages), so counting it
would measure the process's start rather than the page.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.factories import ActivityPageFactory, ProviderPageFactory

MAX_QUERIES = 12
DANCE = 1  # activities in dance (one result)
MUSIC = 30  # activities in music (more than a page of results)


@pytest.fixture(scope="module")
def directory_with_volume(shared_directory_page):
    provider = ProviderPageFactory(parent=shared_directory_page, slug="volume")
    for number in range(DANCE + MUSIC):
        is_dance = number < DANCE
        ActivityPageFactory(
            parent=provider,
            title=f"Session {number:03d}",
            slug=f"session-{number:03d}",
            art_forms=["dance"] if is_dance else ["music", "theatre-drama"][: 1 + number % 2],
            formats=["visit-a-venue"] if number % 3 else ["comes-to-school", "online"],
            access_features=["bsl"] if number % 4 == 0 else [],
            places=["GB-LCE"] if number % 2 else ["GB-LCE", "GB-NGM"],
            venue_postcode="LE1 1AA" if number % 3 else "",
            venue_name="Hall" if number % 3 else "",
            is_free=bool(number % 2),
            price=None if number % 2 else 5,
            price_unit="" if number % 2 else "pupil",
            sessions=[],
        )
    return shared_directory_page


def queries_for(client, url, params):
    """(number of queries, response) of one anonymous GET of the directory."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(captured), response, captured


SEARCHES = {
    "no filter": ({}, DANCE + MUSIC),
    "one result": ({"art_form": "dance"}, DANCE),
    "many results, several filters": (
        {"art_form": "music", "postcode": "LE1", "radius": "25", "format": "visit-a-venue"},
        None,
    ),
    "many results, last page": ({"art_form": "music", "page": "2"}, MUSIC),
    "text": ({"q": "session"}, DANCE + MUSIC),
    "text and a filter, one result": ({"q": "session", "art_form": "dance"}, DANCE),
}


@pytest.mark.django_db
def test_the_directory_page_renders_in_at_most_12_queries_whatever_it_shows(
    client, directory_with_volume
):
    url = directory_with_volume.url
    client.get(url)  # warm-up: see the module's docstring
    counts = {}
    for name, (params, expected_total) in SEARCHES.items():
        count, response, captured = queries_for(client, url, params)
        if expected_total is not None:
            shown = response.context["results"].total
            assert shown == expected_total, name
        assert count <= MAX_QUERIES, (
            f"{name}: {count} queries\n"
            + "\n".join(query["sql"][:300] for query in captured.captured_queries)
        )
        counts[name] = count
    # Flat: one result and a full page of them cost the same.
    assert counts["one result"] == counts["many results, last page"]
    assert counts["text and a filter, one result"] == counts["text"]
