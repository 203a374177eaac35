"""An unreachable search engine means database search, never an error (issue 13)."""

import logging

import pytest
from bs4 import BeautifulSoup
from wagtail.search.backends import get_search_backend

from tests.hardening.conftest import public_paths

pytestmark = pytest.mark.django_db


def engine_down_backends(port):
    return {
        "default": {
            "BACKEND": "search.backends.fallback",
            "PRIMARY": "wagtail.search.backends.elasticsearch9",
            "FALLBACK": "database",
            "URLS": [f"http://127.0.0.1:{port}"],
            "INDEX_PREFIX": "hardening_",
            "TIMEOUT": 2,
            "OPTIONS": {},
            "INDEX_SETTINGS": {},
        },
        "database": {"BACKEND": "search.backends.database"},
    }


@pytest.fixture(autouse=True)
def _no_pause_between_tests():
    from search.backends import fallback

    fallback._paused_until.clear()
    yield
    fallback._paused_until.clear()


def result_links(response):
    main = BeautifulSoup(response.content, "html.parser").find("main")
    return [a["href"] for a in main.select("a[href]")]


def test_search_and_the_directory_answer_from_the_database(
    client, demo_site, settings, closed_port, caplog
):
    paths = public_paths(demo_site)
    addresses = [
        ("localhost", paths["search"]),
        ("localhost", paths["directory search"]),
        ("localhost", "/search/?q=dance&page=2"),
        # The Welsh site search, in Welsh.
        ("wales.localhost", "/cy/search/?q=dawns"),
    ]

    def links(host, path):
        response = client.get(path, HTTP_HOST=host)
        assert response.status_code == 200, (host, path)
        return result_links(response)

    with_database = {address: links(*address) for address in addresses}
    assert any("/activities/" in link for link in with_database[addresses[0]])
    assert with_database[addresses[-1]], "the Welsh search finds nothing to compare"

    settings.WAGTAILSEARCH_BACKENDS = engine_down_backends(closed_port)
    assert "Elasticsearch9SearchBackend" in [c.__name__ for c in type(get_search_backend()).__mro__]
    with caplog.at_level(logging.WARNING, logger="search.fallback"):
        for address in addresses:
            assert links(*address) == with_database[address], address
    assert "Search engine unavailable" in caplog.text
    # One warning for the outage, not one per search.
    assert caplog.text.count("Search engine unavailable") == 1


def test_a_failed_engine_is_left_alone_for_a_while(demo_site, settings, closed_port, monkeypatch):
    from wagtail.models import Page

    settings.WAGTAILSEARCH_BACKENDS = engine_down_backends(closed_port)
    backend = get_search_backend()
    base = type(backend).__mro__[1]
    attempts = []
    original = base.results_class._do_search

    def counting(self):
        attempts.append(1)
        return original(self)

    monkeypatch.setattr(base.results_class, "_do_search", counting)
    for _ in range(5):
        assert list(Page.objects.live().search("dance", operator="and"))
    assert len(attempts) == 1
