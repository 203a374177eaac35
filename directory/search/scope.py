"""Where a search looks: the live, public activities beneath some directory pages, in one
language.

The four regional sites share one UK-wide directory, so the scope of a regional site's search
is every regional site's directory page in that language; the site's nation is only a default
place filter (set by the page, not here).
"""

from dataclasses import dataclass
from functools import cached_property

from django.db.models import Q
from wagtail.models import Page

from directory.models import ActivityPage, DirectoryIndexPage
from regions.sites import regional_home_keys


@dataclass(frozen=True)
class Scope:
    """The live, public activities beneath some directory pages, in one language (so never
    drafts, private pages, other languages, or sites outside the scope)."""

    roots: tuple  # DirectoryIndexPages
    locale: object

    @cached_property
    def _private_sections(self):
        """Pages inside private sections, as a condition. Wagtail's ``public()`` looks the
        sections up on every call; a search needs them once."""
        return Page.objects.all().private_q()

    @cached_property
    def _beneath_roots(self):
        beneath = Q(pk__in=[])
        for root in self.roots:
            beneath |= Page.objects.descendant_of_q(root)
        return beneath

    def activities(self):
        return (
            ActivityPage.objects.live()
            .exclude(self._private_sections)
            .filter(self._beneath_roots, locale=self.locale)
        )

    def pages_for_text_search(self):
        """The same activities as plain pages. Full-text search hands back model instances, and
        plain pages are much cheaper to build than activity pages with all their inline
        relations, while matching exactly the same index entries in the same order."""
        return (
            Page.objects.live()
            .exclude(self._private_sections)
            .filter(self._beneath_roots, locale=self.locale)
            .type(ActivityPage)
        )


def activity_scope(directory, locale):
    """The activities a search from ``directory`` covers.

    The four regional sites share one UK-wide directory: a teacher on any of them can widen a
    search from their own nation to the whole UK, and a provider listed on the Wales site is
    found from England's too. So a regional site's directory searches every regional site's
    directory page in the same language (the site's nation is a default place filter, not a
    scope). A directory on a site outside the regions searches only itself.
    """
    return Scope(tuple(_regional_directories(directory, locale)), locale)


def own_directory_scope(directory, locale):
    """Only the activities beneath ``directory`` itself (its own site's listings)."""
    return Scope((directory,), locale)


def _regional_directories(directory, locale):
    # Home pages of the regional sites that offer this language (a stray translation on a site
    # that does not offer it is never served, so its listings must not be found either).
    home_keys = regional_home_keys(locale.language_code)
    regional_homes = set(
        Page.objects.filter(locale=locale, translation_key__in=home_keys).values_list(
            "path", flat=True
        )
    )
    if directory.path[: -directory.steplen] not in regional_homes:
        return [directory]
    others = [
        page
        for page in DirectoryIndexPage.objects.live()
        .filter(locale=locale)
        .exclude(pk=directory.pk)
        .only("path", "depth")
        if page.path[: -page.steplen] in regional_homes
    ]
    return [directory, *others]
