"""A Redis cache that, when Redis fails, logs and carries on uncached.

Django's ``RedisCache`` raises ``redis.exceptions.ConnectionError`` from every call while Redis
is down, and Wagtail reads its site root paths from the cache on every request, so one dead
Redis takes every page down. This backend turns each failure into a cache miss (reads return
the default, writes are dropped) and logs it. After a failure it leaves Redis alone for
``FAILURE_PAUSE`` seconds (per process), so an outage costs one refused connection every few
seconds rather than several per request; then it tries again.

Counters (``add``/``incr``/``decr``, what django-ratelimit uses) fall back to a per-process
memory cache while Redis is down, so a rate limit still holds for each worker, as it does on a
machine without Redis, instead of blocking every request or none.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger("core.cache")


class FailSafeRedisCache(RedisCache):
    def __init__(self, server, params):
        params = dict(params)
        options = dict(params.get("OPTIONS") or {})
        self.failure_pause = float(options.pop("FAILURE_PAUSE", 5))
        params["OPTIONS"] = options
        super().__init__(server, params)
        self._down_until = 0.0
        self._fallback = LocMemCache(f"failsafe-{server}", {"TIMEOUT": params.get("TIMEOUT")})

    # -- the guard --------------------------------------------------------------------------

    def _available(self):
        return time.monotonic() >= self._down_until

    def _failed(self, operation, error):
        first = self._available()
        self._down_until = time.monotonic() + self.failure_pause
        if first:
            logger.warning(
                "Cache unavailable (%s failed: %s); serving uncached for the next %ss",
                operation,
                error,
                self.failure_pause,
            )

    def _try(self, operation, on_failure, *args, **kwargs):
        if self._available():
            try:
                return getattr(super(), operation)(*args, **kwargs)
            except RedisError as error:
                self._failed(operation, error)
        return on_failure(*args, **kwargs)

    # -- reads miss, writes are dropped ------------------------------------------------------

    def get(self, key, default=None, version=None):
        return self._try("get", lambda *a, **k: default, key, default, version)

    def get_many(self, keys, version=None):
        return self._try("get_many", lambda *a, **k: {}, keys, version)

    def has_key(self, key, version=None):
        return self._try("has_key", lambda *a, **k: False, key, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try("set", lambda *a, **k: None, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try("set_many", lambda *a, **k: list(data), data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try("touch", lambda *a, **k: False, key, timeout, version)

    def delete(self, key, version=None):
        self._fallback.delete(key, version)
        return self._try("delete", lambda *a, **k: False, key, version)

    def delete_many(self, keys, version=None):
        self._fallback.delete_many(keys, version)
        return self._try("delete_many", lambda *a, **k: None, keys, version)

    def clear(self):
        self._fallback.clear()
        return self._try("clear", lambda *a, **k: False)

    # -- counters fall back to this process's memory ------------------------------------------

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try("add", self._fallback.add, key, value, timeout, version)

    def incr(self, key, delta=1, version=None):
        return self._try("incr", self._fallback.incr, key, delta, version)
