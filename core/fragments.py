"""Rendered parts of pages kept between requests: ``{% kept_fragment %}`` (core/templatetags/
kept_fragments.py).

The page cache (core/cache.py) answers a whole page, but only to an anonymous visitor with no
session, for an address without typed input. Everyone else (a teacher with a class backpack,
whose header counts the activities saved; a visitor who filled in a form; an editor signed in;
the first visitor after the page cache's time ran out) had every page rendered from nothing,
although almost all of it (the header, the navigation, the body of an article, a list of
cards) is what every visitor of that address sees. Those parts are kept here, rendered; the
parts about the visitor (the "Saved" count, Save buttons, forms with their CSRF tokens,
messages, the editor's bar) are rendered for each request, outside the kept parts.

Rules:

- A fragment is kept under the *site generation* (core/site_cache.py), which every change to
  what a public page shows replaces (pages, snippets, settings, consent events), so a change is
  seen at once; and for no longer than ``FRAGMENT_CACHE_SECONDS`` (the page cache's own time by
  default), which bounds what changes with the clock alone (an activity's next date), as the
  page cache does. ``FRAGMENT_CACHE_SECONDS = 0`` turns fragments off.
- What rendering a fragment told the page cache is kept with it and told again whenever it is
  shown: a fragment showing children's work, whose rendering said "no later than the next
  consent start or end" (expiry has no event), is itself dropped at that moment, and the page
  showing it is still kept no longer than that. A fragment whose rendering said "never cache
  this" is not kept.
- Its key holds the site (scheme and host, whose URLs it may hold), the language and what the
  template names; ``by_address`` adds the path and query string, and then a request whose query
  string carries typed input (core/cache.py ``PERSONAL_PARAMETERS``) keeps nothing: what a
  visitor typed is never stored.
- Never kept: outside a request, in a preview (the page shown is an unsaved revision), without
  a cache every process shares, or when what was rendered holds a CSRF token (a form placed
  inside a fragment by mistake would hand one visitor's token to the next: it is rendered every
  time instead, and the mistake logged).
- A cache that fails means rendering, never an error.
"""

import functools
import logging
from datetime import timedelta

from django.conf import settings
from django.utils import translation
from django.utils.safestring import mark_safe

from core import cache as page_cache
from core import site_cache

logger = logging.getLogger("core.fragments")

FRAGMENT_PREFIX = "fragment"
# What a rendered CSRF token looks like in a form: such a fragment is about one visitor.
CSRF_MARK = "csrfmiddlewaretoken"


def fragment_seconds():
    return settings.FRAGMENT_CACHE_SECONDS


def key_parts(request, name, parts, *, by_address=False):
    """What a fragment is kept under, or None when it may not be kept for this request."""
    if request is None or not site_cache.keeping() or fragment_seconds() <= 0:
        return None
    base = _request_parts(request)
    if base is None:
        return None
    site, address = base
    # The language being rendered (a part of a page may be in another than the request's).
    language = translation.get_language()
    if by_address:
        if address is None:
            return None
        return (FRAGMENT_PREFIX, name, *site, language, *address, *map(_plain, parts))
    return (FRAGMENT_PREFIX, name, *site, language, *map(_plain, parts))


def _request_parts(request):
    """((scheme, host), (path, query string) or None when the query string holds typed input),
    or None in a preview: worked out once per request, a page asks for dozens."""
    try:
        return request._fragment_parts
    except AttributeError:
        pass
    if getattr(request, "is_preview", False):
        parts = None
    else:
        personal = page_cache.PERSONAL_PARAMETERS.intersection(request.GET)
        parts = (
            (request.scheme, request.get_host()),
            None if personal else (request.path, request.META.get("QUERY_STRING", "")),
        )
    request._fragment_parts = parts
    return parts


def _plain(value):
    """A key part as something whose repr names it exactly (a page by its type and key)."""
    pk = getattr(value, "pk", None)
    if pk is not None:
        return (type(value).__name__, pk)
    return value


def recall(request, parts):
    """The kept HTML for ``parts`` (telling the page cache what its rendering told it), or
    None."""
    kept = site_cache.recall(parts)
    if kept is site_cache.MISSING:
        return None
    html, until, browsers = kept
    if until is not None:
        if until <= page_cache.now():
            return None
        page_cache.cache_until(request, until, browsers=browsers)
    elif not browsers:
        page_cache.cache_until(request, None, browsers=False)
    return mark_safe(html)  # noqa: S308 (rendered by the template engine, which escaped it)


def keep(request, parts, html):
    """Keep ``html`` for ``parts`` with what rendering it told the page cache, unless it is
    about the visitor; for at most the fragment time, and never past its ``until``."""
    until, browsers, refused = page_cache.told_limits(request)
    if refused:
        return
    if CSRF_MARK in html:
        logger.warning("A fragment holding a CSRF token was not kept: %s", parts[1])
        return
    seconds = fragment_seconds()
    if until is not None:
        seconds = min(seconds, int((until - page_cache.now()) / timedelta(seconds=1)))
        if seconds <= 0:
            return
    site_cache.keep(parts, (str(html), until, browsers), seconds=seconds)


def when_shown(compute, *names):
    """Context values for ``names``, from ``compute()`` (a dict), computed together the first
    time a template reads one of them: a page whose parts showing them are kept does not
    compute them at all. Django's templates call a callable they find in the context (Python
    reading the context gets the callable)."""
    once = functools.cache(compute)
    return {name: functools.partial(_read, once, name) for name in names}


def _read(once, name):
    return once()[name]
