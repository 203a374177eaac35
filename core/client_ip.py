"""The visitor's address, the one rule used by the rate limits and the admin lockout alike.

Behind a reverse proxy ``REMOTE_ADDR`` is the proxy, so every visitor would share one counter;
but ``X-Forwarded-For`` is whatever the client sent, with each proxy appending the address it
received the request from. So the header is read only when ``TRUSTED_PROXY_COUNT`` (the number
of proxies in front of the site that append to it) says so, and then from the right: with N
trusted proxies the client is the N-th address from the end. Anything before that was written
by the client and is ignored. With no trusted proxies (the default) the header is never read.
"""

import ipaddress
import logging

from django.conf import settings

logger = logging.getLogger("core.client_ip")


def _valid(address):
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_ip(request):
    """The client's IP address for ``request`` (django-ratelimit's ``RATELIMIT_IP_META_KEY`` and
    django-axes' ``AXES_CLIENT_IP_CALLABLE`` both call this)."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < proxies:
        # Fewer hops than configured: the request did not come through every trusted proxy,
        # so nothing in the header can be trusted.
        logger.debug("X-Forwarded-For has %s addresses, expected %s", len(forwarded), proxies)
        return remote
    return _valid(forwarded[-proxies]) or remote
