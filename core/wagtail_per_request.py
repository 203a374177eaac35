"""Workaround: Wagtail 7.4 repeats two look-ups with a query each time, however often a page
asks within one request, and a page asks many times:

- ``Locale.get_active()`` (and ``Page.localized``, which calls it) looks the locale up by
  language code: routing, the language hook, the navigation, the footer, every localized link;
- ``PageQuerySet.public()`` reads every view restriction to build its filter: the navigation,
  the breadcrumbs, each home-page slot and related panel.

Upstream has no per-request cache for either; delete this module once Wagtail memoises them.
Both are kept only within one request (a locale or restriction added or removed is seen by
the next request) and, for locales, only when found. Outside a request (commands, tests, the
shell) nothing changes.
"""

from contextvars import ContextVar

from django.core.signals import request_finished, request_started
from wagtail.models.i18n import LocaleManager
from wagtail.query import PageQuerySet

_memo = ContextVar("wagtail_lookups_in_this_request", default=None)
_original_get_for_language = LocaleManager.get_for_language
_original_private_q = PageQuerySet.private_q


def _get_for_language(self, language_code):
    memo = _memo.get()
    if memo is None or self.model._meta.label != "wagtailcore.Locale":
        return _original_get_for_language(self, language_code)
    key = ("locale", language_code)
    if key not in memo:
        memo[key] = _original_get_for_language(self, language_code)
    return memo[key]


def _private_q(self):
    # The filter depends only on the restricted pages' paths, not on the queryset asking.
    memo = _memo.get()
    if memo is None:
        return _original_private_q(self)
    if "private_q" not in memo:
        memo["private_q"] = _original_private_q(self)
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
