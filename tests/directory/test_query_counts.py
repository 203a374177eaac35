"""The directory page runs the same number of queries for 10 matches as for 100."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.factories import ActivityPageFactory, ProviderPageFactory


@pytest.fixture(scope="module")
def hundred_and_ten(shared_directory_page):
    provider = ProviderPageFactory(parent=shared_directory_page, slug="volume")
    for number in range(110):
        ActivityPageFactory(
            parent=provider,
            title=f"Session {number:03d}",
            slug=f"session-{number:03d}",
            art_forms=["dance"] if number < 10 else ["music"],
            formats=["visit-a-venue"],
            venue_postcode="LE1 1AA",
            venue_name="Hall",
        )
    return shared_directory_page


def queries_for(client, url, params):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(captured), response


@pytest.mark.django_db
def test_query_count_is_the_same_for_10_and_100_matches(client, hundred_and_ten):
    url = hundred_and_ten.url
    client.get(url)  # the first request fills per-process caches
    ten, response = queries_for(
        client, url, {"art_form": "dance", "postcode": "LE1", "radius": "5"}
    )
    assert b"10 activities" in response.content
    hundred, response = queries_for(
        client, url, {"art_form": "music", "postcode": "LE1", "radius": "5"}
    )
    assert b"100 activities" in response.content
    last_page, response = queries_for(
        client, url, {"art_form": "music", "postcode": "LE1", "radius": "5", "page": "5"}
    )
    assert b"Page 5 of 5" in response.content
    assert ten == hundred == last_page
    assert hundred <= 45
