"""The OpenActive views behave over HTTP as every view under /api/ does (opendata/views.py):
throttled per client address, a strong ETag answered with 304, Last-Modified, the shared
error shape, with RPDE's own Cache-Control for feed pages."""

from email.utils import parsedate_to_datetime

import pytest
from django.core.cache import cache

from tests.opendata.openactive.conftest import ACTIVITIES, PROVIDERS, walk

pytestmark = pytest.mark.django_db

DATASET = "/api/openactive/"
ART_FORMS = "/api/openactive/art-forms.jsonld"
OA_VIEWS = [ACTIVITIES, PROVIDERS, DATASET, ART_FORMS]


@pytest.mark.parametrize("path", OA_VIEWS)
def test_throttled_per_client_address(client, directory, settings, path):
    settings.OPENDATA_THROTTLE_RATE = "2/minute"
    cache.clear()
    codes = [client.get(path).status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    refused = client.get(path)
    assert int(refused["Retry-After"]) > 0
    assert refused["Access-Control-Allow-Origin"] == "*"
    assert client.get(path, REMOTE_ADDR="192.0.2.9").status_code == 200


def test_one_allowance_covers_both_standards(client, directory, settings):
    """A client cannot double its allowance by alternating Open Referral and OpenActive."""
    settings.OPENDATA_THROTTLE_RATE = "2/minute"
    cache.clear()
    assert client.get(ACTIVITIES).status_code == 200
    assert client.get("/api/openreferral/taxonomies").status_code == 200
    assert client.get(PROVIDERS).status_code == 429


@pytest.mark.parametrize("path", OA_VIEWS)
def test_etag_and_304(client, directory, path):
    first = client.get(path)
    etag = first["ETag"]
    assert etag.startswith('"') and len(etag) > 2
    assert "public" in first["Cache-Control"]
    again = client.get(path, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert again["Access-Control-Allow-Origin"] == "*"
    assert client.get(path, HTTP_IF_NONE_MATCH=f"W/{etag}").status_code == 304
    assert client.get(path, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


def test_a_304_keeps_the_rpde_cache_lifetime(client, directory):
    first = client.get(ACTIVITIES)
    again = client.get(ACTIVITIES, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again["Cache-Control"] == "public, max-age=3600"


def test_a_feed_page_says_when_its_newest_item_changed(client, directory):
    first = client.get(ACTIVITIES)
    newest = max(item["modified"] for item in first.json()["items"])
    assert int(parsedate_to_datetime(first["Last-Modified"]).timestamp()) == newest // 1000
    _items, last = walk(client, ACTIVITIES)
    assert not client.get(last).has_header("Last-Modified")


def test_other_views_take_the_shared_cache_lifetime(client, directory, settings):
    settings.OPENDATA_CACHE_SECONDS = 7
    assert client.get(ART_FORMS)["Cache-Control"] == "public, max-age=7"
    assert client.get(DATASET)["Cache-Control"] == "public, max-age=7"


@pytest.mark.parametrize(
    "params",
    [
        {"afterTimestamp": "5"},
        {"afterId": "0b7c1c8e-4a8e-4b7a-9d55-3b8f3c1e2a10/en"},
        {"afterTimestamp": "-1", "afterId": "0b7c1c8e-4a8e-4b7a-9d55-3b8f3c1e2a10/en"},
        {"afterTimestamp": "5", "afterId": "england"},
    ],
)
def test_a_bad_position_is_a_400_in_the_shared_error_shape(client, directory, params):
    response = client.get(ACTIVITIES, params)
    assert response.status_code == 400
    body = response.json()
    assert body["detail"]
    assert body["errors"] and all(isinstance(text, str) for text in body["errors"].values())
