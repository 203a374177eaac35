"""Where a search looks: the live, public activities beneath some directory pages, each
once, in the reader's language where it has been translated into it.

The four regional sites share one UK-wide directory, so the scope of a regional site's search
is every regional site's directory page; the site's nation is only a default place filter (set
by the page, not here). Most providers write in English and few activities are translated, so
a reader of Welsh, Gaelic or Irish who saw only pages in their own language would miss most of
the directory: an activity with no translation in the reader's language is found in the
language it exists in (English first, else any one), once, and its card says which language
that is.
"""

from dataclasses import dataclass
from functools import cached_property

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from wagtail.models import Locale, Page

from directory.models import ActivityPage, DirectoryIndexPage
from regions.sites import regional_home_keys


@dataclass(frozen=True)
class Scope:
    """The live, public activities beneath some directory pages, in one language (so never
    drafts, private pages, other languages, or sites outside the scope)."""

    roots: tuple  # DirectoryIndexPages in the reader's language
    locale: object
    # DirectoryIndexPages in other languages whose activities are found when they have no
    # translation in the reader's language (empty: only the reader's language).
    other_roots: tuple = ()

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

    @cached_property
    def _beneath_other_roots(self):
        beneath = Q(pk__in=[])
        for root in self.other_roots:
            beneath |= Page.objects.descendant_of_q(root)
        return beneath

    def _candidates(self, model):
        """Live, public pages of ``model`` beneath the roots, in any of their languages."""
        return (
            model.objects.live()
            .exclude(self._private_sections)
            .filter(
                Q(self._beneath_roots, locale=self.locale)
                | (self._beneath_other_roots & ~Q(locale=self.locale))
            )
        )

    def _once_each(self, model):
        """One page per translation key: the reader's language, else the default language,
        else the oldest page. Written as conditions on the rows (no grouping), so the result
        stays an ordinary queryset that filters, facets and sorts build on."""
        candidates = self._candidates(model)
        if not self.other_roots:
            return candidates
        default = _default_locale()
        preferred = [self.locale.pk] + ([default.pk] if default else [])
        in_reader = candidates.filter(locale=self.locale).values("translation_key")
        in_preferred = candidates.filter(locale_id__in=preferred).values("translation_key")
        older = candidates.filter(
            translation_key=OuterRef("translation_key"), pk__lt=OuterRef("pk")
        )
        return candidates.filter(
            Q(locale=self.locale)
            | (Q(locale=default) & ~Q(translation_key__in=in_reader) if default else Q(pk__in=[]))
            | (
                ~Q(locale_id__in=preferred)
                & ~Q(translation_key__in=in_preferred)
                & ~Exists(older.exclude(locale_id__in=preferred))
            )
        )

    def activities(self):
        return self._once_each(ActivityPage)

    def pages_for_text_search(self):
        """The activities' pages in every language the scope may show, as plain pages. Full-text
        search hands back model instances, and plain pages are much cheaper to build than
        activity pages with all their inline relations. The choice of one page per activity is
        left to ``activities()``, which the matches are intersected with: the search backend
        (database or Elasticsearch) sees only filters every backend supports."""
        return self._candidates(Page).type(ActivityPage)


def activity_scope(directory, locale):
    """The activities a search from ``directory`` covers.

    The four regional sites share one UK-wide directory: a teacher on any of them can widen a
    search from their own nation to the whole UK, and a provider listed on the Wales site is
    found from England's too. So a regional site's directory searches every regional site's
    directory page in the same language (the site's nation is a default place filter, not a
    scope). A directory on a site outside the regions searches only itself.
    """
    roots = tuple(_regional_directories(directory, locale))
    return Scope(roots, locale, tuple(_other_language_directories(roots, directory, locale)))


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


def _default_locale():
    return Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()


def _other_language_directories(roots, directory, locale):
    """The directory pages, in languages other than ``locale``, whose activities a search from
    ``directory`` also finds when they have no translation in ``locale``: every regional
    site's directory in each language its region offers, or the directory's own translations
    on a site outside the regions."""
    if roots == (directory,) and not _is_regional(directory, locale):
        return (
            DirectoryIndexPage.objects.live()
            .filter(translation_key=directory.translation_key)
            .exclude(locale=locale)
            .only("path", "depth")
        )
    found = []
    for other in Locale.objects.exclude(pk=locale.pk):
        homes = set(
            Page.objects.filter(
                locale=other, translation_key__in=regional_home_keys(other.language_code)
            ).values_list("path", flat=True)
        )
        if not homes:
            continue
        found.extend(
            page
            for page in DirectoryIndexPage.objects.live().filter(locale=other).only("path", "depth")
            if page.path[: -page.steplen] in homes
        )
    return found


def _is_regional(directory, locale):
    home_keys = regional_home_keys(locale.language_code)
    return Page.objects.filter(
        locale=locale, translation_key__in=home_keys, path=directory.path[: -directory.steplen]
    ).exists()
