"""Workaround: Wagtail 7.4 repeats two look-ups with a query each time, however often a page
asks within one request, and a page asks many times:

- ``Locale.get_active()`` (and ``Page.localized``, which calls it) looks the locale up by
  language code: routing, the language hook, the navigation, the footer, every localized link;
- ``PageQuerySet.public()`` reads every view restriction to build its filter: the navigation,
  the breadcrumbs, each home-page slot and related panel.

Upstream has no per-request cache for either; delete this module once Wagtail memoises them.
Both are memoised within one request and kept between requests in the site cache
(core/site_cache.py), which any saved or deleted locale, restriction or page drops, so a
locale or restriction added or removed is seen by the next request; locales only when found.
Outside a request (commands, tests, the shell) nothing changes.
"""

from contextvars import ContextVar

from django.core.signals import request_finished, request_started
from django.db.models import Q
from wagtail.models import PageViewRestriction
from wagtail.models.i18n import LocaleManager
from wagtail.query import PageQuerySet

from core import site_cache

_memo = ContextVar("wagtail_lookups_in_this_request", default=None)
_original_get_for_language = LocaleManager.get_for_language
_original_private_q = PageQuerySet.private_q


def _get_for_language(self, language_code):
    memo = _memo.get()
    if memo is None or self.model._meta.label != "wagtailcore.Locale":
        return _original_get_for_language(self, language_code)
    key = ("locale", language_code)
    if key not in memo:
        # Across requests too, in the site cache (core/site_cache.py), which a saved or
        # deleted locale drops; a language with no locale raises and is not kept.
        memo[key] = site_cache.remember(
            key, lambda: _original_get_for_language(self, language_code)
        )
    return memo[key]


def _private_q(self):
    # The filter depends only on the restricted pages' paths, not on the queryset asking.
    memo = _memo.get()
    if memo is None:
        return _original_private_q(self)
    if "private_q" not in memo:
        # The restricted pages are kept across requests in the site cache, which a saved or
        # deleted restriction or page drops; the filter is built from them as Wagtail does.
        restricted = site_cache.remember(
            ("restricted-pages",),
            lambda: [each.page for each in PageViewRestriction.objects.select_related("page")],
        )
        q = Q()
        for page in restricted:
            q |= self.descendant_of_q(page, inclusive=True)
        memo["private_q"] = q if q else Q(pk__in=[])
    return memo["private_q"]


def _start(**kwargs):
    _memo.set({})


def _finish(**kwargs):
    _memo.set(None)


def install():
    LocaleManager.get_for_language = _get_for_language
    PageQuerySet.private_q = _private_q
    request_started.connect(_start, dispatch_uid="core-wagtail-per-request-start")
    request_finished.connect(_finish, dispatch_uid="core-wagtail-per-request-finish")
