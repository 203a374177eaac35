"""How the Open Referral API behaves over HTTP: open to every origin, read-only, throttled per
client, cacheable with ETags, and a 400 with a JSON reason for any bad parameter."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

import core.cache
from directory.models import ActivityPage
from tests.opendata.conftest import OPENREFERRAL, get

BAD = [
    {"page": "0"},
    {"page": "x"},
    {"per_page": "1000"},
    {"per_page": "-1"},
    {"lang": "fr"},
    {"minimum_age": "five"},
    {"maximum_age": "nan"},
    {"maximum_age": "1e309"},
    {"start_time": "25:00"},
    {"end_time": "noon"},
    {"day": "funday"},
    {"modified_after": "yesterday"},
    {"modified_after": "99999-01-01"},
    {"taxonomy_term_id": "not-a-uuid"},
    {"taxonomy_id": "1234"},
    {"search": "x" * 500},
    {"search": "nul\x00byte"},
]


@pytest.mark.parametrize("parameters", BAD, ids=lambda p: next(iter(p)))
def test_bad_parameters_are_a_400_naming_them(client, world, parameters):
    response = get(client, "services", **parameters)
    assert response.status_code == 400
    body = response.json()
    assert set(body["errors"]) == set(parameters)
    assert body["detail"]
    assert response["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize(
    "parameters",
    [{"postcode": "ZZ99"}, {"proximity": "500"}, {"postcode": "LE1", "proximity": "-3"}],
)
def test_bad_location_parameters(client, world, parameters):
    response = get(client, "service_at_locations", **parameters)
    assert response.status_code == 400
    assert set(response.json()["errors"]) <= {"postcode", "proximity"}


def test_unknown_ids_are_a_json_404(client, world):
    for name in ("services", "service_at_locations", "organizations", "taxonomies"):
        for value in ("00000000-0000-4000-8000-000000000000", "nonsense"):
            response = get(client, f"{name}/{value}")
            assert response.status_code == 404
            assert response.json()["detail"]
            assert response["Access-Control-Allow-Origin"] == "*"


def test_a_page_past_the_end_is_empty(client, world):
    body = get(client, "services", page=99, per_page=10).json()
    assert body["contents"] == [] and body["empty"] is True
    assert body["page_number"] == 99 and body["last_page"] is True
    assert body["total_items"] == len(world)


def test_every_response_allows_every_origin(client, world):
    for path in ("", "services", "taxonomies", "nowhere"):
        response = client.get(OPENREFERRAL + path)
        assert response["Access-Control-Allow-Origin"] == "*", path
    assert client.get("/api/")["Access-Control-Allow-Origin"] == "*"
    assert client.get("/api/openapi.json")["Access-Control-Allow-Origin"] == "*"
    # Nothing else on the site.
    assert "Access-Control-Allow-Origin" not in client.get("/robots.txt")


def test_preflight_for_a_conditional_request(client, world):
    response = client.options(
        OPENREFERRAL + "services",
        HTTP_ORIGIN="https://example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )
    assert response.status_code == 200
    assert "If-None-Match" in response["Access-Control-Allow-Headers"]


def test_read_only(client, world):
    for method in (client.post, client.put, client.patch, client.delete):
        response = method(OPENREFERRAL + "services", {})
        assert response.status_code == 405
    head = client.head(OPENREFERRAL + "services")
    assert head.status_code == 200 and head.content == b""


def test_etag_and_304(client, world):
    first = get(client, "services", per_page=5)
    etag = first["ETag"]
    assert etag.startswith('"')
    assert first["Last-Modified"]
    assert "public" in first["Cache-Control"] and "max-age=60" in first["Cache-Control"]
    again = client.get(OPENREFERRAL + "services", {"per_page": 5}, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    weak = client.get(OPENREFERRAL + "services", {"per_page": 5}, HTTP_IF_NONE_MATCH=f"W/{etag}")
    assert weak.status_code == 304
    other = client.get(OPENREFERRAL + "services", {"per_page": 6}, HTTP_IF_NONE_MATCH=etag)
    assert other.status_code == 200


def test_the_etag_changes_with_the_content(client, world):
    before = get(client, "services", per_page=100)["ETag"]
    ActivityPage.objects.filter(title="Activity 00 zebra").first().unpublish()
    after = get(client, "services", per_page=100)
    assert after["ETag"] != before
    stale = client.get(OPENREFERRAL + "services", {"per_page": 100}, HTTP_IF_NONE_MATCH=before)
    assert stale.status_code == 200


def test_cache_seconds_come_from_the_settings(client, world, settings):
    settings.OPENDATA_CACHE_SECONDS = 7
    assert "max-age=7" in get(client, "taxonomies")["Cache-Control"]


def test_throttled_per_client_address(client, world, settings):
    settings.OPENDATA_THROTTLE_RATE = "3/minute"
    cache.clear()
    codes = [get(client, "taxonomies").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    refused = get(client, "taxonomies")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert refused.json()["detail"]
    assert refused["Access-Control-Allow-Origin"] == "*"
    # Another address has its own allowance.
    other = client.get(OPENREFERRAL + "taxonomies", REMOTE_ADDR="192.0.2.9")
    assert other.status_code == 200


def test_throttle_uses_the_trusted_client_address(client, world, settings):
    """Behind one trusted proxy the client is the last X-Forwarded-For address; a client
    cannot get a fresh allowance by sending a made-up address before it."""
    settings.OPENDATA_THROTTLE_RATE = "2/minute"
    settings.TRUSTED_PROXY_COUNT = 1
    cache.clear()

    def ask(forwarded):
        return client.get(OPENREFERRAL + "taxonomies", HTTP_X_FORWARDED_FOR=forwarded).status_code

    assert [ask("203.0.113.5"), ask("198.51.100.1, 203.0.113.5")] == [200, 200]
    assert ask("198.51.100.2, 203.0.113.5") == 429
    assert ask("203.0.113.6") == 200


def test_the_page_cache_never_stores_api_responses(client, world, settings, monkeypatch):
    settings.PAGE_CACHE_ENABLED = True
    stored = []
    monkeypatch.setattr(core.cache, "_store", lambda *args, **kwargs: stored.append(args))
    for path in ("services", "taxonomies", "organizations"):
        response = get(client, path)
        assert response.status_code == 200
        assert "public" in response["Cache-Control"]
        assert "s-maxage" not in response["Cache-Control"]
    # A postcode says something about the person asking: no one keeps that answer.
    near = get(client, "service_at_locations", postcode="LE1")
    assert "no-store" in near["Cache-Control"]
    assert not stored


def test_language_is_chosen_by_lang(client, world):
    response = get(client, "services", per_page=1, lang="cy")
    assert response["Content-Language"] == "cy"
    service = response.json()["contents"][0]
    # No activity in this world is translated: each is served in English, from its page.
    assert service["url"].startswith("http://testserver/activities/")
    english = get(client, "services", per_page=1).json()["contents"][0]
    assert service["id"] == english["id"]


def test_documentation_page(client, world):
    response = client.get("/api/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script" not in html
    assert "Open Government Licence" in html
    for name in ("services", "service_at_locations", "organizations", "taxonomy_terms"):
        assert f"/api/openreferral/{name}" in html
    assert "/api/openapi.json" in html


@pytest.mark.parametrize("path", ["services", "service_at_locations", "organizations"])
def test_queries_do_not_grow_with_the_page_size(client, world, path):
    """A page of records is read in a fixed number of queries, whatever its size."""
    counts = []
    for size in (3, 40):
        get(client, path, per_page=size)  # warm the per-process caches (site roots)
        with CaptureQueriesContext(connection) as captured:
            body = get(client, path, per_page=size).json()
        assert body["size"] == min(size, body["total_items"])
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1] <= 30
