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

import json
from dataclasses import dataclass
from functools import cached_property

from django.conf import settings
from django.db import connections, router
from django.db.models import Exists, OuterRef, Q
from django.db.models.expressions import RawSQL
from wagtail.models import Locale, Page

from core import site_cache
from directory.models import ActivityPage, DirectoryIndexPage, ProviderPage
from regions.models import RegionSettings
from regions.regions import REGIONS_BY_KEY


@dataclass(frozen=True)
class KeptScope:
    """A scope's activities as kept for a site generation (``Scope._kept``)."""

    ids: list  # in the order the scope lists them
    stand_ins: dict  # {locale id: ids} of those found in a language not the reader's
    encoded: str  # ``ids`` written as JSON once (``among``)
    # The same set told by what it leaves out: the pages of the model with a key up to
    # ``highest`` (None when the scope is empty) that are not in it. A page made later has a
    # higher key, so it is left out too, as it is from ``ids``.
    highest: int | None
    outside: list

    @cached_property
    def id_set(self):
        """``ids`` as a set, made once for as long as the process holds this kept scope (a
        hundred thousand ids took several milliseconds to gather into a set every search)."""
        return frozenset(self.ids)

    def condition(self, using):
        """The set as a filter: by the shorter of the two lists. A regional directory's scope
        is nearly every activity; sending, and on the database unpacking, ten thousand ids
        for every set a search reads cost more than the search's own filters."""
        if self.highest is not None and len(self.outside) < len(self.ids):
            return Q(pk__lte=self.highest) & ~Q(pk__in=among(self.outside, using))
        return Q(pk__in=among(self.ids, using, self.encoded))


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
        else the oldest page.

        The pages in the reader's language are taken as they are; the few stand-ins in other
        languages are chosen in a subquery over those pages only, each checked against its own
        translations through the (translation key, locale) index. Asking instead whether a
        key is among every key in the reader's language read the whole directory once more
        for each search. The result stays an ordinary queryset that filters, facets and sorts
        build on."""
        candidates = self._candidates(model)
        if not self.other_roots:
            return candidates
        default = _default_locale()
        preferred = [self.locale.pk] + ([default.pk] if default else [])
        same_key = candidates.filter(translation_key=OuterRef("translation_key"))
        # A page in a language neither the reader's nor the default stands in when its
        # activity has neither of those and no older page in another such language.
        stand_in = (
            ~Q(locale_id__in=preferred)
            & ~Exists(same_key.filter(locale_id__in=preferred))
            & ~Exists(same_key.filter(pk__lt=OuterRef("pk")).exclude(locale_id__in=preferred))
        )
        if default and default.pk != self.locale.pk:
            # The default language's page stands in when there is none in the reader's.
            stand_in |= Q(locale=default) & ~Exists(same_key.filter(locale=self.locale))
        stand_ins = candidates.exclude(locale=self.locale).filter(stand_in).values("pk")
        return candidates.filter(Q(locale=self.locale) | Q(pk__in=stand_ins))

    def activities(self):
        kept = self._kept(ActivityPage)
        if kept is None:
            return self._once_each(ActivityPage)
        return ActivityPage.objects.filter(kept.condition(router.db_for_read(ActivityPage)))

    def kept_ids(self):
        """The ids of ``activities()`` when the scope is kept (else None)."""
        kept = self._kept(ActivityPage)
        return None if kept is None else kept.ids

    def kept_id_set(self):
        """``kept_ids()`` as a set (None when the scope is not kept)."""
        kept = self._kept(ActivityPage)
        return None if kept is None else kept.id_set

    def stand_ins(self):
        """{locale id: ids} of the activities found in a language other than the reader's,
        when the scope is kept (else None: unknown without another query). A text search in
        another language need only look among these: any other match there is an activity
        the reader sees in their own language."""
        kept = self._kept(ActivityPage)
        return None if kept is None else kept.stand_ins

    def _kept(self, model):
        """``_once_each(model)`` as a ``KeptScope``, read once per
        site generation while the site cache is keeping answers (else None): the scope
        changes only when a page, site, locale or restriction does, each of which starts a new
        generation. A search then starts from a list of ids rather than from the scope's
        conditions, which cost more to compile than to run (three times per search) and to
        evaluate against every page of the directory."""
        if not site_cache.keeping():
            return None
        parts = ("search-scope-kept", model._meta.label, *self.cache_key())
        return site_cache.remember(parts, lambda: self._ids_and_stand_ins(model), held=True)

    def cache_key(self):
        """What the scope is made of, for keeping answers about it in the site cache."""
        return (
            self.locale.pk,
            tuple(root.pk for root in self.roots),
            tuple(root.pk for root in self.other_roots),
        )

    def _ids_and_stand_ins(self, model):
        ids, stand_ins = [], {}
        for pk, locale_id in self._once_each(model).values_list("pk", "locale_id"):
            ids.append(pk)
            if locale_id != self.locale.pk:
                stand_ins.setdefault(locale_id, []).append(pk)
        highest = max(ids, default=None)
        outside = []
        if highest is not None:
            inside = set(ids)
            outside = [
                pk
                for pk in model.objects.filter(pk__lte=highest).values_list("pk", flat=True)
                if pk not in inside
            ]
        # Encoded once for ``among``: writing ten thousand ids as JSON took 2-3 ms a search.
        return KeptScope(ids, stand_ins, json.dumps(ids), highest, outside)

    def providers(self):
        """The live, public providers beneath the roots, once each, by the same language rule
        as the activities (the open-data API lists them as organisations)."""
        return self._once_each(ProviderPage)

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

    Its activities with no translation in ``locale`` are found in another language: beneath
    every regional site's directory in each language its region offers, or, outside the
    regions, beneath the directory's own translations. Three queries however many languages
    and sites there are, so the page's query count does not grow with them; none while the
    site is unchanged: the scope is held for the site generation (core/site_cache.py), so
    what it works out once (its private sections, its kept ids) is not worked out again.
    """
    return site_cache.remember(
        ("activity-scope", directory.pk, locale.pk),
        lambda: _activity_scope(directory, locale),
        held=True,
    )


def _activity_scope(directory, locale):
    homes = _regional_home_paths()
    directories = list(
        DirectoryIndexPage.objects.live()
        .select_related("locale")
        .only("path", "depth", "translation_key", "locale_id", "locale__language_code")
        .order_by("path")
    )

    def is_regional(page, language_code):
        return page.path[: -page.steplen] in homes.get(language_code, ())

    if not is_regional(directory, locale.language_code):
        others = [
            page
            for page in directories
            if page.translation_key == directory.translation_key and page.locale_id != locale.pk
        ]
        return Scope((directory,), locale, tuple(others))
    roots = [
        page
        for page in directories
        if page.locale_id == locale.pk
        and page.pk != directory.pk
        and is_regional(page, locale.language_code)
    ]
    others = [
        page
        for page in directories
        if page.locale_id != locale.pk and is_regional(page, page.locale.language_code)
    ]
    return Scope((directory, *roots), locale, tuple(others))


def own_directory_scope(directory, locale):
    """Only the activities beneath ``directory`` itself (its own site's listings)."""
    return Scope((directory,), locale)


def _regional_home_paths():
    """Language code -> paths of the home pages of the regional sites whose region offers that
    language, in that language (a stray translation on a site that does not offer it is never
    served, so its listings must not be found either). Two queries."""
    languages_by_key = {}
    for region, key in RegionSettings.objects.exclude(region="").values_list(
        "region", "site__root_page__translation_key"
    ):
        if region in REGIONS_BY_KEY:
            languages_by_key.setdefault(key, set()).update(REGIONS_BY_KEY[region].languages)
    homes = {}
    for path, key, language in Page.objects.filter(
        translation_key__in=list(languages_by_key)
    ).values_list("path", "translation_key", "locale__language_code"):
        if language in languages_by_key[key]:
            homes.setdefault(language, set()).add(path)
    return homes


def _default_locale():
    return Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()


def among(ids, using, encoded=None):
    """``ids`` as the right-hand side of an ``__in`` filter. A kept scope or a common word's
    matches hold thousands of activities, and each of the search's querysets (every facet's
    set, the sort) would otherwise compile and send one parameter per id: on SQLite and
    PostgreSQL the list travels as a single parameter, unpacked by the database. ``encoded``:
    the ids already written as JSON, when the caller keeps them so."""
    vendor = connections[using].vendor
    if len(ids) < 50 or (encoded is None and not all(type(pk) is int for pk in ids)):
        return ids
    if vendor == "sqlite":
        return RawSQL("SELECT value FROM json_each(%s)", [encoded or json.dumps(ids)])
    if vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::integer[])", [ids])
    return ids
