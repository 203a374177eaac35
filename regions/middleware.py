"""Each regional site answers only in its own languages."""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils.translation import get_language_from_path

from regions.regions import site_languages


class SiteLanguageMiddleware:
    """A language prefix the site does not offer redirects to the same address in English.

    Without this, ``/cy/search/`` on England's site would show an English site under a Welsh
    interface, and ``/cy/`` would route through the English home page (``Page.localized`` falls
    back to the original). Runs after LocaleMiddleware; unprefixed URLs are untouched.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = get_language_from_path(request.path_info)
        prefixed = language and language != settings.LANGUAGE_CODE
        if prefixed and language not in site_languages(request):
            english_path = request.path_info[len(language) + 1 :] or "/"
            query = request.META.get("QUERY_STRING", "")
            return HttpResponseRedirect(english_path + (f"?{query}" if query else ""))
        return self.get_response(request)
