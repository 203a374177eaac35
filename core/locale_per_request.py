"""Workaround: Wagtail 7.4 looks a ``Locale`` up by language code with a query on every call
of ``Locale.get_active()`` (and ``Page.localized``, which calls it), and a page asks many
times: routing, the language hook, the navigation, the footer, every localized link. Upstream
has no per-request cache for it; delete this module once Wagtail memoises the lookup.

Only within one request, and only successful look-ups: a locale added or removed is seen by
the next request, and outside a request (commands, tests, the shell) nothing changes.
"""

from contextvars import ContextVar

from django.core.signals import request_finished, request_started
from wagtail.models.i18n import LocaleManager

_found = ContextVar("locales_found_in_this_request", default=None)
_original_get_for_language = LocaleManager.get_for_language


def _get_for_language(self, language_code):
    found = _found.get()
    if found is None or self.model._meta.label != "wagtailcore.Locale":
        return _original_get_for_language(self, language_code)
    if language_code not in found:
        found[language_code] = _original_get_for_language(self, language_code)
    return found[language_code]


def _start(**kwargs):
    _found.set({})


def _finish(**kwargs):
    _found.set(None)


def install():
    LocaleManager.get_for_language = _get_for_language
    request_started.connect(_start, dispatch_uid="core-locale-per-request-start")
    request_finished.connect(_finish, dispatch_uid="core-locale-per-request-finish")
