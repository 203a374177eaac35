"""What every page of a site reads the same way, kept between requests: the site's own lookups.

Each public page used to ask the database the same dozen questions before showing anything of
its own: which site this host is, which page this path routes to, which view restrictions
apply, the site's settings, region, languages, navigation and footer (issue 17). Their answers
change only when editors change the site, so they are kept in Django's cache (Redis when
REDIS_URL is set, local memory otherwise) under a *site generation*: a random token that
every change replaces, which drops every kept answer at once. It is replaced

- by every page-cache purge (core/cache.py: pages published, unpublished, moved or deleted,
  sites, settings, view restrictions, snippets edited in the admin, consent events), whether
  or not the page cache itself is on;
- by any save or deletion of a page, a site, a locale, a view restriction, a site setting, or
  a model an app declares through the ``SITE_CHROME_MODELS`` hook (the navigation links, the
  footer): so a change made outside the admin (a command, the shell, a test) is seen too.

Kept only: answers that are the same for every visitor of a site in a language (never the
session, the user or anything typed), keyed by what they depend on (site, language, and the
scheme and host where they hold URLs). Used only while a request is served; outside one
(commands, the shell) everything is read afresh. The generation is read once per request, so
one request sees one consistent state. A cache that fails means reading from the database.
"""

import functools
import hashlib
import logging
import secrets
import threading
from collections import OrderedDict
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import transaction
from wagtail import hooks

logger = logging.getLogger("core.site_cache")

GENERATION_KEY = "sitecache:generation"
ENTRY_PREFIX = "sitecache:entry"
# Kept answers expire on their own after a day, so a cache with no eviction policy of its own
# does not keep the answers of dead generations for ever.
ENTRY_SECONDS = 24 * 60 * 60

# Models that the site chrome shows, declared by the apps that own them: each function
# registered returns model classes whose saves and deletions replace the site generation::
#
#     @hooks.register(SITE_CHROME_MODELS)
#     def navigation_and_footer():
#         return [NavigationLink, Footer]
SITE_CHROME_MODELS = "site_chrome_models"

_NOT_READ = object()
# Per request: None outside a request, _NOT_READ before the generation is first needed, then
# the generation (or False when the cache could not be read: compute everything afresh).
_request_generation = ContextVar("site_cache_generation", default=None)
# Large answers held by this process (``remember(..., held=True)``), by cache key. The key names
# the generation, which each request reads from the shared cache, so a held answer is exactly
# as fresh as one kept in the shared cache would be; the oldest are let go beyond PROCESS_HELD.
PROCESS_HELD = 16
_process_held = OrderedDict()
_process_held_lock = threading.Lock()


def _start(**kwargs):
    _request_generation.set(_NOT_READ)


def _finish(**kwargs):
    _request_generation.set(None)


def cross_request_caching():
    """Whether answers may be kept between requests at all (here and in the page cache): only
    in a cache every serving process shares (settings.CACHE_SHARED_BY_ALL_PROCESSES), or a
    change seen by one process would leave the others serving what it changed."""
    return getattr(settings, "CACHE_SHARED_BY_ALL_PROCESSES", False)


def _generation():
    generation = _request_generation.get()
    if generation is _NOT_READ and not cross_request_caching():
        generation = False  # per-process memory in a many-process server: read afresh
        _request_generation.set(generation)
    if generation is _NOT_READ:
        try:
            generation = cache.get(GENERATION_KEY)
            if generation is None:
                cache.add(GENERATION_KEY, secrets.token_hex(8), None)
                generation = cache.get(GENERATION_KEY)
        except Exception:  # a failing cache means reading from the database
            logger.warning("Site cache unavailable", exc_info=True)
            generation = None
        generation = generation or False
        _request_generation.set(generation)
    return generation


def in_request():
    return _request_generation.get() is not None


@contextmanager
def serving():
    """Within this block, behave as while a request is served (answers are kept and read):
    for benchmarks and tests that call what a view calls without a request."""
    token = _request_generation.set(_NOT_READ)
    try:
        yield
    finally:
        _request_generation.reset(token)


def keeping():
    """Whether answers are being kept right now (in a request, with a working shared cache):
    a caller with a cheaper way to compute an answer once can then choose it."""
    return in_request() and bool(_generation())


MISSING = object()


def _key(parts):
    generation = _generation()
    if not generation:
        return None
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()
    return f"{ENTRY_PREFIX}:{generation}:{digest}"


def recall(parts):
    """The answer kept for ``parts`` in this generation, or MISSING."""
    key = _key(parts)
    if key is None:
        return MISSING
    try:
        kept = cache.get(key)
    except Exception:
        logger.warning("Site cache unavailable", exc_info=True)
        return MISSING
    return MISSING if kept is None else kept[0]  # kept in a tuple, so that None is an answer


def keep(parts, value, seconds=ENTRY_SECONDS):
    key = _key(parts)
    if key is None:
        return
    try:
        cache.set(key, (value,), min(seconds, ENTRY_SECONDS))
    except Exception:
        logger.warning("Site cache could not keep an answer", exc_info=True)


def remember(parts, compute, held=False):
    """``compute()``'s answer for ``parts`` (a tuple of what it depends on), kept for the
    current site generation. Outside a request, or with no cache, it is simply computed.
    Nothing is kept when ``compute`` raises.

    ``held``: the answer is held in this process's memory for the generation instead, and the
    same object given to every later caller (who must not change it): for large answers read
    several times a request, which each read from the shared cache would copy afresh (the
    search scope's ids, a hundred thousand at national scale, took longer to copy than a
    filter to run), and which would fill the shared cache with a copy for every generation
    an editor's save leaves behind. Each process computes them once per generation."""
    if not held:
        value = recall(parts)
        if value is MISSING:
            value = compute()
            keep(parts, value)
        return value
    key = _key(parts)
    if key is None:  # not keeping answers: outside a request, or no shared cache
        return compute()
    with _process_held_lock:
        if key in _process_held:
            _process_held.move_to_end(key)
            return _process_held[key]
    value = compute()
    with _process_held_lock:
        _process_held[key] = value
        while len(_process_held) > PROCESS_HELD:
            _process_held.popitem(last=False)
    return value


def bump_generation():
    if in_request():
        _request_generation.set(_NOT_READ)  # this request, too, reads what it just changed
    try:
        cache.set(GENERATION_KEY, secrets.token_hex(8), None)
    except Exception:  # the next read fails the same way and reads from the database
        logger.warning("Site cache could not be purged", exc_info=True)


def site_changed():
    """Something every page may show changed: drop every kept answer now and again when the
    transaction commits (a request answering in between would keep what it read before)."""
    bump_generation()
    transaction.on_commit(bump_generation)


@functools.cache  # every save asks; the hooks are all registered once the apps are ready
def _chrome_models():
    from django.contrib.contenttypes.models import ContentType
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.models import Locale, Page, PageViewRestriction, Site

    declared = [model for hook in hooks.get_hooks(SITE_CHROME_MODELS) for model in hook()]
    return (
        Page,
        Site,
        Locale,
        PageViewRestriction,
        ContentType,
        BaseSiteSetting,
        BaseGenericSetting,
        *declared,
    )


def _model_saved_or_deleted(sender, instance, **kwargs):
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting

    # Settings are made with their defaults the first time a page reads them, while it
    # renders: that changes nothing shown, and dropping the cache then would make every
    # first reader of a new site miss it twice.
    if kwargs.get("created") and isinstance(instance, BaseSiteSetting | BaseGenericSetting):
        return
    if isinstance(instance, _chrome_models()):
        site_changed()


def _migrated(**kwargs):
    # A deployment migrates: the new code may keep answers in another shape than the old code
    # kept under the same generation, so it starts a new one.
    bump_generation()


def connect():
    from django.apps import apps
    from django.db.models.signals import post_delete, post_migrate, post_save

    post_migrate.connect(
        _migrated, sender=apps.get_app_config("core"), dispatch_uid="site-cache-migrated"
    )

    request_started.connect(_start, dispatch_uid="site-cache-request-started")
    request_finished.connect(_finish, dispatch_uid="site-cache-request-finished")
    post_save.connect(_model_saved_or_deleted, dispatch_uid="site-cache-saved")
    post_delete.connect(_model_saved_or_deleted, dispatch_uid="site-cache-deleted")
