"""Each regional site answers only in its own languages."""

from django.conf import settings
from django.http import Http404
from django.utils.translation import get_language_from_path

from home.regions import site_languages


class SiteLanguageMiddleware:
    """A language prefix the site does not offer is a plain 404.

    Without this, Wagtail would route ``/cy/`` on the England site through the English home page
    (``Page.localized`` falls back to the original), showing English pages under a Welsh
    interface. Runs after LocaleMiddleware; the admin and other unprefixed URLs are untouched.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = get_language_from_path(request.path_info)
        prefixed = language and language != settings.LANGUAGE_CODE
        if prefixed and language not in site_languages(request):
            raise Http404("This site is not published in that language.")
        return self.get_response(request)
