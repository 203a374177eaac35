"""Each regional site answers only in its own languages."""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils.encoding import escape_uri_path
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language_from_path

from regions.regions import site_languages


def same_host_path(rest):
    """``rest`` (a decoded path) as a path on this host, never a link to another one.

    Browsers read a Location starting ``//`` or ``/\\`` as "another host" (and ignore tabs and
    newlines inside it), so ``/cy//evil.example/`` must not become ``//evil.example/``. The
    path is re-escaped (a backslash, a tab or a decoded ``%2F`` stays inert as ``%5C``, ``%09``
    or ``/``) and any run of leading slashes or backslashes collapses to one slash.
    """
    escaped = escape_uri_path(rest)
    path = "/" + escaped.lstrip("/\\")
    if not url_has_allowed_host_and_scheme(path, allowed_hosts=None):
        return "/"
    return path


class SiteLanguageMiddleware:
    """A language prefix the site does not offer redirects to the same address in English.

    Without this, ``/cy/search/`` on England's site would show an English site under a Welsh
    interface, and ``/cy/`` would route through the English home page (``Page.localized`` falls
    back to the original). Runs after LocaleMiddleware; unprefixed URLs are untouched. The
    redirect always stays on the request's host (``same_host_path``).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = get_language_from_path(request.path_info)
        prefixed = language and language != settings.LANGUAGE_CODE
        if prefixed and language not in site_languages(request):
            english_path = same_host_path(request.path_info[len(language) + 1 :])
            query = request.META.get("QUERY_STRING", "")
            return HttpResponseRedirect(english_path + (f"?{query}" if query else ""))
        return self.get_response(request)
