"""A cache that fails (Redis down) means uncached pages, never an error: the production
backend, FailSafeRedisCache, pointed at a port nothing listens on."""

import socket

import pytest

from stories.factories import StoryPageFactory
from tests.cache.conftest import fetch


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # free once the socket closes: nothing listens there


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "core.resilient_cache.FailSafeRedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }


def test_pages_are_served_uncached_and_changes_show_when_redis_is_down(client, world, redis_down):
    for url in ["/", world["stories"].url, world["gallery"].url, world["directory"].url]:
        for _attempt in range(2):
            response, queries = fetch(client, url)
            assert response.status_code == 200, url
            assert queries > 0, f"{url} claims to come from a cache that is down"
    StoryPageFactory(parent=world["stories"], title="Puppets in Preston", slug="puppets")
    assert "Puppets in Preston" in client.get(world["stories"].url).content.decode()
