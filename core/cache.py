"""The site's cache policy: what may be kept, by whom, for how long, and when it is purged.

Rules (the README's "Caching" section says the same for operators):

- Anonymous GETs and HEADs of public pages are kept in Django's default cache (Redis when
  REDIS_URL is set, local memory otherwise), keyed by scheme, host, path, full query string and
  language, and sent with ``Cache-Control: public, max-age, s-maxage, stale-while-revalidate``
  (PAGE_CACHE_BROWSER_SECONDS, PAGE_CACHE_SHARED_SECONDS, PAGE_CACHE_STALE_SECONDS).
- Never kept, never served from the cache, and sent with ``never_cache``: anything but GET and
  HEAD; the admin (editors, previews); requests carrying a session, messages or Authorization
  (the header's per-session "Saved" count, flash messages, signed-in editors); responses that
  set a cookie, write the session or carry a CSRF token (every page with a POST form); typed
  input in the query string (``PERSONAL_PARAMETERS``: a postcode or keywords may say something
  about a person, they are what the search log records, and free text would let anyone fill
  the cache with one-off pages); anything a view marks ``do_not_cache``. Responses whose view
  already chose a Cache-Control (``private`` for the backpack, ``never_cache`` for the
  showcase's pictures, a day for robots.txt) keep it and are not stored. Only 200s are kept:
  a 404 is cheap to answer and keeping it would let anyone fill the cache with made-up paths.
- Purging is exact and cheap: every key carries a *content generation* (a random token kept in
  the cache), and any event that changes what a public page shows (a page published,
  unpublished, moved or deleted, a view restriction or site changed, a snippet edited in the
  admin; consent recorded or withdrawn, a child flagged "do not publish", a work moderated or
  changed) replaces it, so every stored page is dropped at once. Pages link to each other
  everywhere (listings, home-page slots, related panels, feeds, sitemap), so "every page that
  shows it" is in practice most pages; a new generation is never wrong and costs one miss per
  page. The same events send the URLs concerned to the front-end cache (a CDN or Varnish,
  ``wagtail.contrib.frontend_cache``) when one is configured: each page in every language, its
  ancestors (listings and the home page), its site's sitemap, and what apps declare through the
  ``PAGES_SHOWING`` hook (story feeds, pages with related panels, galleries).
- Consent expiry has no event, so a page showing children's work calls ``cache_until`` with the
  next moment its works could change; the entry and its headers never outlive it, and browsers,
  which no purge reaches, are told not to keep such pages at all.
- A cache that fails means uncached pages, never an error: without a readable generation
  nothing is served from the cache or stored.

Why our own middleware rather than wagtail-cache (3.0 supports Wagtail 7): its purge clears the
whole cache backend, which on Redis flushes the database (rate-limit counters, the search log's
repeat keys, Wagtail's site-root cache with it) and purges nothing else; it has no way for a
view to cap an entry's lifetime (consent expiry), and it keys by URL alone where this site also
needs the language and the request's cookies decide. Kept small instead: one middleware, one
generation key, Django's cache API.
"""

import hashlib
import logging
import secrets
import threading
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import get_language_from_path
from django.views.decorators.cache import cache_control
from wagtail import hooks

from core import site_cache
from core.site_cache import cross_request_caching

logger = logging.getLogger("core.cache")

# For responses that change only with a deployment and say nothing about anyone (robots.txt):
# any cache may keep them for a day.
public_for_a_day = cache_control(max_age=24 * 60 * 60, public=True)

# Set whole rather than patched in as Django's add_never_cache_headers does, so no directive
# added earlier (s-maxage, stale-while-revalidate) survives to let a shared cache keep a copy.
NEVER = "private, no-cache, no-store, must-revalidate, max-age=0"

# Pages (or absolute URLs) that show a given page, for front-end cache purges. Each function
# takes a page (any language, specific or not) and returns an iterable of pages or absolute
# URLs; core adds the page's translations, its ancestors and its site's sitemap itself::
#
#     @hooks.register(PAGES_SHOWING)
#     def story_feeds(page):
#         ...
PAGES_SHOWING = "pages_showing"

# Query-string parameters that carry what a visitor typed rather than chose from a list:
# keywords (the directory's and the site search's ``q``), a postcode, the quick search's
# "postcode or place" box, a work reference copied into the withdrawal form.
PERSONAL_PARAMETERS = frozenset({"q", "query", "postcode", "where", "work"})

# Request headers a stored page may vary on: the key holds the language and the accepted
# compressions, and requests with cookies that matter are never served from the cache.
KEYED_VARY = frozenset({"accept-language", "accept-encoding", "cookie"})

GENERATION_KEY = "pagecache:generation"
ENTRY_PREFIX = "pagecache:page"


def never_cache(response):
    """Mark a response to be kept by no one: not browsers, proxies or a page cache."""
    add_never_cache_headers(response)  # also sets Expires to now
    response["Cache-Control"] = NEVER
    return response


def now():
    """The page cache's clock: entries carry their own deadline, checked against this, so an
    expiry holds whatever the cache backend does with its timeouts (and tests can move it)."""
    return timezone.now()


# -- what views tell the cache, while rendering ---------------------------------------------


def cache_until(request, when, *, browsers=True):
    """Keep this response no later than ``when`` (an aware datetime; None means no limit).

    A page showing children's work passes the next moment any consent could start or end.
    ``browsers=False`` also keeps browsers from storing it (no purge reaches them): shared
    caches, which are purged on every change, may still keep it until ``when``."""
    if when is not None:
        current = getattr(request, "_cache_until", None)
        request._cache_until = when if current is None else min(current, when)
    if not browsers:
        request._cache_shared_only = True


def told_limits(request):
    """What the view has told the cache so far about this response, as (until, browsers,
    refused): kept with a rendered fragment (core/fragments.py), which tells them again each
    time it is shown."""
    return (
        getattr(request, "_cache_until", None),
        not getattr(request, "_cache_shared_only", False),
        getattr(request, "_cache_refused", None),
    )


def do_not_cache(request, reason):
    """This response depends on something personal or must reach the view every time (a
    search that is logged): never store it, never serve it from the cache."""
    request._cache_refused = reason


# -- the generation ---------------------------------------------------------------------------

_lost_purge = threading.Event()  # a purge the cache could not take, retried on next request


def _new_generation():
    return secrets.token_hex(8)


def current_generation():
    """The content generation, or None when the cache cannot be read (then: uncached)."""
    if _lost_purge.is_set():
        _bump_generation()
        if _lost_purge.is_set():
            return None
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, _new_generation(), None)
        generation = cache.get(GENERATION_KEY)
    return generation


def _bump_generation():
    """Drop every stored page at once (when the page cache is on). A purge the cache could not
    record (Redis down) is retried by this process before it next reads the cache, so pages
    stored before the change are not served again once Redis is back."""
    if not getattr(settings, "PAGE_CACHE_ENABLED", True):
        return
    generation = _new_generation()
    try:
        cache.set(GENERATION_KEY, generation, None)
        recorded = cache.get(GENERATION_KEY) == generation
    except Exception:  # a failing cache backend must not fail the publish that purges it
        logger.warning("Page cache purge failed", exc_info=True)
        recorded = False
    if recorded:
        _lost_purge.clear()
    else:
        _lost_purge.set()


# -- purging ----------------------------------------------------------------------------------


def frontend_cache_configured():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


class _Pending(threading.local):
    def __init__(self):
        self.urls = set()


_pending = _Pending()


def purge(pages=(), urls=(), reason=""):
    """Content changed: drop every stored page now and again when the transaction commits
    (a request rendering between the two would otherwise store the old content under the new
    generation), and send the front-end cache the URLs showing ``pages`` plus ``urls``.

    ``pages`` may be a callable returning them, so nothing is looked up when no front-end
    cache is configured."""
    if reason:
        logger.debug("Page cache purged: %s", reason)
    _bump_generation()
    site_cache.bump_generation()  # what every page reads of its site (core/site_cache.py)
    if frontend_cache_configured():
        if callable(pages):
            pages = pages()
        for page in pages:
            _pending.urls.update(urls_showing(page))
        _pending.urls.update(urls)
    # Registered on every purge (not once per transaction): a test's transaction, or one rolled
    # back, never runs its callbacks, and a flag would then silence every later purge.
    transaction.on_commit(_flush)


def _flush():
    _bump_generation()
    site_cache.bump_generation()
    urls, _pending.urls = sorted(_pending.urls), set()
    if urls and frontend_cache_configured():
        from wagtail.contrib.frontend_cache.utils import PurgeBatch

        try:
            PurgeBatch(urls).purge()
        except Exception:  # the CDN being unreachable must not fail a publish
            logger.exception("Front-end cache purge failed for %d URLs", len(urls))


def urls_showing(page):
    """Absolute URLs of the pages that show ``page``: the page in every language (with the
    sub-paths its type serves), its ancestors (the listings it appears in and the home page),
    its site's sitemap, and what apps add through ``PAGES_SHOWING``."""
    from wagtail.contrib.frontend_cache.utils import PurgeBatch
    from wagtail.models import Page

    batch = PurgeBatch()
    translations = Page.objects.filter(translation_key=page.translation_key).specific()
    for version in translations or [page]:
        batch.add_page(version)
        batch.add_pages(version.get_ancestors().filter(depth__gt=1).specific())
        site = version.get_site()
        if site is not None:
            batch.add_url(site.root_url.rstrip("/") + "/sitemap.xml")
        for hook in hooks.get_hooks(PAGES_SHOWING):
            for shown_on in hook(version) or ():
                if isinstance(shown_on, str):
                    batch.add_url(shown_on)
                else:
                    batch.add_page(shown_on)
    return batch.urls


# -- the middleware ---------------------------------------------------------------------------


def _seconds(name, default):
    return max(int(getattr(settings, name, default)), 0)


def request_refusal(request):
    """Why this request may neither be served from the cache nor stored (None if it may)."""
    if request.method not in ("GET", "HEAD"):
        return "method"
    if request.path_info.startswith(("/admin/", "/django-admin/")):
        return "admin"
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return "session"
    if "HTTP_AUTHORIZATION" in request.META:
        return "authorization"
    if PERSONAL_PARAMETERS.intersection(request.GET):
        return "personal input"
    return None


def response_refusal(request, response):
    """Why this response may not be stored (None if it may)."""
    reason = getattr(request, "_cache_refused", None)
    if reason:
        return reason
    if getattr(request, "is_preview", False):
        return "preview"
    if response.status_code != 200 or response.streaming:
        return "status"
    if response.cookies:
        return "sets a cookie"
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return "form with a CSRF token"
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return "session"  # the cookie is already there, unless the session was emptied
    if response.has_header("Cache-Control"):
        return "view's own Cache-Control"
    if set(get_vary(response)) - KEYED_VARY:
        return "varies on a header the key does not hold"
    return None


def get_vary(response):
    return [name.strip().lower() for name in response.get("Vary", "").split(",") if name.strip()]


def _personal(reason):
    """Refusals about the visitor, whose responses must also reach no shared cache."""
    return reason not in ("status", "view's own Cache-Control")


@dataclass
class Entry:
    status: int
    headers: list
    content: bytes
    stored_at: object  # aware datetime
    fresh_until: object  # aware datetime: the entry is served until then
    limit: object  # aware datetime or None: the view's cache_until
    shared_only: bool

    def response(self):
        response = HttpResponse(self.content, status=self.status)
        for name, value in self.headers:
            response[name] = value
        return response


def _public_headers(response, limit, shared_only, at):
    """Cache-Control for a page any cache may keep, never past ``limit``."""
    shared = _seconds("PAGE_CACHE_SHARED_SECONDS", 600)
    stale = _seconds("PAGE_CACHE_STALE_SECONDS", 60)
    browser = 0 if shared_only else _seconds("PAGE_CACHE_BROWSER_SECONDS", 60)
    if shared_only and not frontend_cache_configured():
        # Browsers are never purged, and with no front-end cache configured no purge reaches
        # a proxy either: a withdrawal must show on the next request, so only this app's own
        # cache, purged on every change, keeps the page.
        never_cache(response)
        return
    if limit is not None:
        remaining = max(int((limit - at).total_seconds()), 0)
        browser = min(browser, remaining)
        shared = min(shared, remaining)
        stale = min(stale, remaining - shared)  # never served stale past the limit
    patch_cache_control(
        response,
        public=True,
        max_age=browser,
        s_maxage=shared,
        stale_while_revalidate=stale,
    )


def _encodings(request):
    """The compressions the client accepts, reduced to the few a response could use, so a
    compressed copy (a response that says ``Vary: Accept-Encoding``) only reaches clients that
    can read it, without a key per browser's spelling of the header."""
    accepted = request.META.get("HTTP_ACCEPT_ENCODING", "").lower()
    return ",".join(coding for coding in ("br", "gzip", "zstd") if coding in accepted)


def page_key(request, generation):
    address = "|".join(
        (
            request.scheme,
            request.get_host(),
            request.path,
            request.META.get("QUERY_STRING", ""),
            get_language_from_path(request.path_info) or settings.LANGUAGE_CODE,
            _encodings(request),
        )
    )
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"{ENTRY_PREFIX}:{generation}:{digest}"


class PageCacheMiddleware:
    """Serves and stores anonymous public pages by the rules above. Sits before everything
    that reads the database (a stored page costs no query) and outside sessions, CSRF and
    messages, so it sees their cookies on the way out. The language is read from the path as
    LocaleMiddleware reads it (English has no prefix), since that middleware comes later.

    PAGE_CACHE_ENABLED turns the store off (the test settings do, so tests that change content
    without an event see it); the headers are sent either way."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        enabled = getattr(settings, "PAGE_CACHE_ENABLED", True) and cross_request_caching()
        refusal = request_refusal(request)
        key = None
        if refusal is None and enabled:
            try:
                generation = current_generation()
                key = page_key(request, generation) if generation else None
                entry = cache.get(key) if key else None
            except Exception:  # a broken cache (or a bad Host) means uncached, never an error
                logger.warning("Page cache unavailable", exc_info=True)
                key = entry = None
            at = now()
            if isinstance(entry, Entry) and at < entry.fresh_until:
                response = entry.response()
                _public_headers(response, entry.limit, entry.shared_only, at)
                return response

        response = self.get_response(request)

        if refusal is None:
            refusal = response_refusal(request, response)
        if refusal is not None:
            if _personal(refusal):
                never_cache(response)
            return response
        at = now()
        limit = getattr(request, "_cache_until", None)
        shared_only = getattr(request, "_cache_shared_only", False)
        lifetime = timedelta(seconds=_seconds("PAGE_CACHE_SECONDS", 600))
        fresh_until = at + lifetime if limit is None else min(at + lifetime, limit)
        if key and fresh_until > at:
            _store(key, response, at, fresh_until, limit, shared_only)
        _public_headers(response, limit, shared_only, at)
        return response


def _store(key, response, at, fresh_until, limit, shared_only):
    entry = Entry(
        status=response.status_code,
        headers=[(name, value) for name, value in response.items() if name != "Cache-Control"],
        content=response.content,
        stored_at=at,
        fresh_until=fresh_until,
        limit=limit,
        shared_only=shared_only,
    )
    try:
        cache.set(key, entry, max(int((fresh_until - at).total_seconds()), 1))
    except Exception:
        logger.warning("Page cache could not store a page", exc_info=True)
