"""Per-client request limits for everything under /api/ (Open Referral UK and OpenActive).

The API is open to all without keys, so a limit per client address keeps one busy consumer
from slowing the site for everyone else. The address is ``core.client_ip``'s, the same rule as
the site's other rate limits: behind ``TRUSTED_PROXY_COUNT`` proxies it is read from the right
of ``X-Forwarded-For``, otherwise ``REMOTE_ADDR`` (a client cannot choose its own counter by
sending the header). The counters live in Django's default cache (Redis when configured).
"""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from core.client_ip import client_ip


class ClientRateThrottle(SimpleRateThrottle):
    """``OPENDATA_THROTTLE_RATE`` requests per client address, shared by every /api/ view
    (e.g. "120/minute"; DRF's ``number/second|minute|hour|day``). An over-limit request gets
    429 with ``Retry-After``."""

    scope = "opendata"

    def get_rate(self):
        # Read on every request rather than from DRF's settings at import, so a deployment's
        # environment (and a test's override) takes effect.
        return getattr(settings, "OPENDATA_THROTTLE_RATE", "120/minute")

    def allow_request(self, request, view):
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": client_ip(request)}
