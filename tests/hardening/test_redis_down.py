"""Redis down means uncached, never down (issue 13).

Django's RedisCache raises on every call while Redis is unreachable, and Wagtail reads its
site root paths from the cache on every request; core/resilient_cache.py turns that into a
logged cache miss.
"""

import logging

import pytest

from core.resilient_cache import FailSafeRedisCache
from tests.hardening.conftest import public_paths

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_down(settings, closed_port):
    settings.CACHES = {
        "default": {
            "BACKEND": "core.resilient_cache.FailSafeRedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port}/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
        }
    }
    return closed_port


def test_every_public_page_answers_with_redis_down(client, demo_site, redis_down, caplog):
    from django.core.cache import caches

    assert isinstance(caches["default"], FailSafeRedisCache)
    paths = public_paths(demo_site)
    with caplog.at_level(logging.WARNING, logger="core.cache"):
        for name in ("HomePage", "DirectoryIndexPage", "directory search", "search"):
            response = client.get(paths[name])
            assert response.status_code == 200, (name, paths[name], response.status_code)
        response = client.get(paths["showcase work"])
        assert response.status_code == 200, paths["showcase work"]
        for name, path in paths.items():
            assert client.get(path).status_code == 200, (name, path)
    assert "Cache unavailable" in caplog.text


def test_the_sign_up_rate_limit_still_holds_per_process_with_redis_down(closed_port):
    down = FailSafeRedisCache(f"redis://127.0.0.1:{closed_port}/0", {})
    assert down.get("anything", "default") == "default"
    assert down.set("anything", 1) is None
    # What django-ratelimit does for each counted request: add, then increment.
    assert down.add("rl:key", 1, 60) is True
    assert down.add("rl:key", 1, 60) is False
    assert down.incr("rl:key") == 2
    assert down.get_or_set("computed", 3) == 3


def test_a_failure_pauses_redis_use_instead_of_retrying_on_every_call(closed_port, monkeypatch):
    down = FailSafeRedisCache(f"redis://127.0.0.1:{closed_port}/0", {"OPTIONS": {}})
    calls = []
    original = type(down).__mro__[1].get

    def counting_get(self, *args, **kwargs):
        calls.append(args)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(type(down).__mro__[1], "get", counting_get)
    for _ in range(20):
        down.get("key")
    assert len(calls) == 1
