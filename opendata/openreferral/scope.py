"""Which activities and providers a request may see: the same scope the directory page of the
request's site searches, in the language asked for.

The API has one address for every site (no language prefix); ``lang`` chooses the language.
The scope is ``directory.search.activity_scope`` of the site's directory page in that
language (its translation when live, else a directory in that language on another site, else
the site's own directory), so a regional site covers every regional directory, and an
activity with no translation in the language asked for is served in the language it exists
in, exactly as on the directory page. Only live,
public pages beneath live directory pages are ever in it.
"""

from django.conf import settings
from wagtail.models import Locale, Site

from core import site_cache
from directory.models import DirectoryIndexPage
from directory.search import Scope, activity_scope


def languages():
    return [code for code, _name in settings.LANGUAGES]


def site_directory(site):
    """The live directory page of ``site``, else the first live one anywhere."""
    directories = DirectoryIndexPage.objects.live().public().order_by("path")
    if site is not None:
        found = directories.descendant_of(site.root_page).first()
        if found is not None:
            return found
    return directories.filter(locale__language_code=settings.LANGUAGE_CODE).first()


def request_scope(request, language_code):
    """The Scope for ``request`` in ``language_code`` (one of settings.LANGUAGES), and the
    locale; an empty scope when the site has no live directory or the language no locale.

    Kept in the site cache (a new generation comes with any change to a page, site, locale or
    view restriction, which is all it depends on): finding it takes eight queries."""
    site = Site.find_for_request(request)
    return site_cache.remember(
        ("openreferral-scope", site.pk if site else None, language_code),
        lambda: _find_scope(site, language_code),
    )


def _find_scope(site, language_code):
    locale = Locale.objects.filter(language_code=language_code).first()
    directory = site_directory(site)
    if locale is None or directory is None:
        return Scope((), locale or Locale.get_default()), locale
    in_language = DirectoryIndexPage.objects.live().public().filter(locale=locale)
    # The site's own directory in that language; else another site's (Gaelic is published by
    # the Scotland site only: asked of the England site, its directory in Gaelic is
    # Scotland's, whose search covers every regional directory); else the site's own, whose
    # activities are then served in the languages they exist in.
    translated = (
        in_language.filter(translation_key=directory.translation_key).first()
        or in_language.order_by("path").first()
    )
    return activity_scope(translated or directory, locale), locale
