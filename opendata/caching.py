"""HTTP caching for the open-data responses, so consumers can poll cheaply.

Every successful GET carries a strong ``ETag`` (a hash of the body), ``Last-Modified`` when
the view knows when its content last changed, and ``Cache-Control: public, max-age=N``
(``OPENDATA_CACHE_SECONDS``: short, because an unpublished page must leave the API soon). A
request whose ``If-None-Match`` names the current ETag gets ``304 Not Modified`` with no body.
``If-Modified-Since`` alone is not answered with 304: a removed item changes a list without
changing the newest date in it, so only the ETag can say a list is unchanged.

core/cache.py's page cache never stores these responses (they set their own Cache-Control);
a request with a postcode in it is still sent ``never_cache`` by that middleware, as it says
something about the person asking.
"""

import hashlib

from django.conf import settings
from django.http import HttpResponseNotModified
from django.utils.cache import parse_etags, patch_cache_control
from django.utils.http import http_date


def _opaque(tag):
    """An entity tag without its weak marker: a compressing middleware weakens the ETag it
    passes on, and a client then sends that weak form back."""
    return tag[2:] if tag.startswith("W/") else tag


def conditional(request, response, last_modified=None, max_age=None):
    """``response`` (rendered, status 200) with ETag, Last-Modified and Cache-Control, or a
    304 carrying the same headers when ``If-None-Match`` matches. ``max_age`` replaces the
    default lifetime for content whose own rules say how long it keeps (an RPDE page)."""
    etag = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
    headers = {"ETag": etag}
    if last_modified is not None:
        headers["Last-Modified"] = http_date(last_modified.timestamp())
    if max_age is None:
        max_age = getattr(settings, "OPENDATA_CACHE_SECONDS", 60)
    seconds = max(int(max_age), 0)
    sent = request.META.get("HTTP_IF_NONE_MATCH", "")
    if sent and ("*" in sent or etag in {_opaque(tag) for tag in parse_etags(sent)}):
        response = HttpResponseNotModified()
    for name, value in headers.items():
        response[name] = value
    patch_cache_control(response, public=True, max_age=seconds)
    return response
