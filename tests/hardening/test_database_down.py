"""Database down: a static 503 with Retry-After; /healthz tells a load balancer (issue 13)."""

import pytest
from django.core.cache.backends.base import BaseCache
from django.db import OperationalError, connections
from django.test import Client

from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


class ExplodingCache(BaseCache):
    """A cache that fails the test if anything uses it."""

    def __init__(self, server, params):
        super().__init__(params)

    def _boom(self, *args, **kwargs):
        raise AssertionError("the health check touched the cache")

    get = set = add = delete = incr = get_many = has_key = touch = clear = _boom


@pytest.fixture
def database_down(monkeypatch):
    """Every new query fails as it does when the server is unreachable."""
    connection = connections["default"]

    def refuse(*args, **kwargs):
        raise OperationalError("could not connect to server: Connection refused")

    monkeypatch.setattr(connection, "cursor", refuse)
    monkeypatch.setattr(connection, "chunked_cursor", refuse)


@pytest.fixture
def anonymous():
    # Errors become responses, as for a real visitor, instead of being raised into the test.
    return Client(raise_request_exception=False)


def test_healthz_answers_200_while_the_database_answers(anonymous, settings):
    settings.CACHES = {"default": {"BACKEND": f"{__name__}.ExplodingCache"}}
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "no.such.search.backend"}}
    # A load balancer probes by IP address, over plain HTTP, whatever ALLOWED_HOSTS says.
    settings.SECURE_SSL_REDIRECT = True
    for path in ("/healthz", "/healthz/"):
        response = anonymous.get(path, HTTP_HOST="10.0.0.7")
        assert response.status_code == 200, path
        assert response.content == b"ok\n"
        assert "no-store" in response["Cache-Control"]


def test_healthz_answers_503_when_the_database_does_not(anonymous, database_down):
    response = anonymous.get("/healthz")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"


def test_pages_answer_a_static_503_with_retry_after(anonymous, home_page, database_down):
    for path in ("/", "/about/", "/search/?q=dance", "/cy/", "/admin/login/"):
        response = anonymous.get(path)
        assert response.status_code == 503, path
        assert response["Retry-After"] == "30"
        assert b"Back soon" in response.content
        assert "no-store" in response["Cache-Control"]


def test_a_view_meeting_the_outage_also_answers_503(anonymous, home_page, monkeypatch):
    page = StandardPageFactory(parent=home_page, title="About", slug="about")

    def refuse(self, request, *args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(type(page), "serve", refuse)
    response = anonymous.get("/about/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"


def test_other_errors_still_get_the_500_page(anonymous, home_page, monkeypatch):
    page = StandardPageFactory(parent=home_page, title="About", slug="about")

    def fail(self, request, *args, **kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr(type(page), "serve", fail)
    response = anonymous.get("/about/")
    assert response.status_code == 500
    assert b"Something went wrong" in response.content
