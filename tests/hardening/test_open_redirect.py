"""The language redirect never sends the browser to another host (issue 13)."""

from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.django_db

# Each form on a site whose home page is in English only, so /cy/, /gd/ and /ga/ redirect.
HOSTILE = [
    "/cy//evil.example/",
    "/gd//evil.example/x?y=1",
    "/ga///evil.example/",
    "/cy/%2Fevil.example/",
    "/cy/%2F%2Fevil.example/",
    "/gd/%2f/evil.example/x?y=1",
    "/cy/\\evil.example/",
    "/cy/%5Cevil.example/",
    "/cy/%5C%5Cevil.example/",
    "/cy/%2F%5Cevil.example/",
    "/cy/\\/evil.example/",
    "/cy/%09/evil.example/",
    "/cy/%0A/evil.example/",
    "/cy/%252F%252Fevil.example/",
    "/cy//%2Fevil.example/",
    "/cy/https://evil.example/",
    "/cy//evil.example",
    "/cy/%2F%2F",
]


def browser_target_host(location, request_host="localhost"):
    """The host a browser would go to for this Location, read the way browsers read it:
    tabs and newlines are dropped, and a backslash counts as a slash."""
    cleaned = location.replace("\t", "").replace("\n", "").replace("\r", "").replace("\\", "/")
    parts = urlsplit(cleaned)
    if parts.scheme or cleaned.startswith("//"):
        return parts.netloc
    return request_host


@pytest.mark.parametrize("path", HOSTILE)
def test_a_hostile_language_path_stays_on_the_host(client, home_page, path):
    response = client.get(path, HTTP_HOST="localhost")
    assert response.status_code in (301, 302, 404), path
    if response.status_code in (301, 302):
        location = response["Location"]
        assert location.startswith("/") and not location.startswith("//"), location
        assert browser_target_host(location) == "localhost", location


def test_the_redirect_keeps_the_rest_of_the_path_and_query(client, home_page):
    response = client.get("/gd//evil.example/x?y=1", HTTP_HOST="localhost")
    assert (response.status_code, response["Location"]) == (302, "/evil.example/x?y=1")
    response = client.get("/cy/search/?q=art", HTTP_HOST="localhost")
    assert (response.status_code, response["Location"]) == (302, "/search/?q=art")
    # A non-ASCII path is re-escaped, not mangled.
    response = client.get("/cy/caf%C3%A9/", HTTP_HOST="localhost")
    assert response["Location"] == "/caf%C3%A9/"
