"""The directory page renders in at most 12 queries, whatever it shows: one result or a full
page of them, no filter or several, few facets or many (issue 17).

Counts are taken with Django's anonymous test client after one warm-up request. The first
request of a process fills per-process caches that every later request reuses (the Site
lookup, content types, locales, the place tree's names, the school stages; a text search
first loads the content types its index is keyed by), so counting it
would measure the process's start rather than the page.
"""

import pytest
from django.db import connection
from django.test import override_settings
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
            venue_postcode="" if number % 3 == 1 else "LE1 1AA",
            venue_name="" if number % 3 == 1 else "Hall",
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


@pytest.fixture(scope="module")
def query_counts(django_db_blocker, directory_with_volume):
    """{search: (number of queries, their SQL)} for each of SEARCHES, after one warm-up."""
    from django.test import Client

    client = Client()
    url = directory_with_volume.url
    counts = {}
    # Every part rendered: a card kept rendered by an earlier search (core/fragments.py) would
    # spare its data's queries, and the counts would then tell which cards were seen before.
    with django_db_blocker.unblock(), override_settings(FRAGMENT_CACHE_SECONDS=0):
        # Warm-up (see the module's docstring): a plain and a text search, which first looks
        # up the content types the search index is keyed by.
        client.get(url)
        client.get(url, {"q": "warm"})
        for name, (params, expected_total) in SEARCHES.items():
            count, response, captured = queries_for(client, url, params)
            if expected_total is not None:
                assert response.context["results"].total == expected_total, name
            counts[name] = (count, [query["sql"] for query in captured.captured_queries])
    return counts


@pytest.mark.django_db
def test_the_query_count_is_flat_in_results_facets_and_filters(query_counts):
    count = {name: found for name, (found, _sql) in query_counts.items()}
    # One result and a page of many (with more facet options to count) cost the same ...
    assert count["one result"] == count["many results, last page"]
    # ... the unfiltered directory less (its facet counts and order are kept for the site
    # generation), and words alone no more than words and a filter (with nothing else to
    # narrow it, the words' matches in the kept scope need no query of their own) ...
    assert count["no filter"] <= count["one result"]
    assert count["text"] <= count["text and a filter, one result"] <= count["text"] + 1
    # ... and a near-a-postcode search adds two at most: the postcode's authority, and its
    # matches put nearest first (the other orders are kept for the site generation).
    assert count["many results, several filters"] <= count["one result"] + 2


@pytest.mark.django_db
def test_the_directory_page_renders_in_at_most_12_queries(query_counts):
    for name, (count, sql) in query_counts.items():
        assert count <= MAX_QUERIES, f"{name}: {count} queries\n" + "\n".join(
            query[:300] for query in sql
        )
