"""The directory search: validated filters in, a page of activities and facet counts out.

``search_activities`` is what the directory page, feeds, reports and an API call. It keeps to
what every Wagtail search backend supports: the full-text part goes through Wagtail search (the
database backend on SQLite or PostgreSQL, or Elasticsearch), returning the ids of matching
activities; every filter, facet count and sort is then a plain ORM query over those ids. That
is also how facets on many-to-many fields are counted, which the database backend cannot do.
Over a scope kept for the site generation, the filters on terms, places, ages and flags and
every facet count are answered from bit masks held by the process instead (``facets``), once
the words and the other filters have narrowed the matches.

Filters combine with AND across kinds. Within a kind any chosen value matches (art forms,
formats, languages), except access features, which must all be present. The filters are read,
never changed: what the search works out on the way (the postcode's local authority) is passed
along beside them.
"""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.core.paginator import Paginator
from django.db.models import (
    ExpressionWrapper,
    F,
    FloatField,
    OuterRef,
    Q,
    Subquery,
)
from django.db.models.functions import Coalesce
from django.utils import timezone, translation

from core import site_cache
from directory.models import ActivityPage, ActivitySession
from directory.search.cards import prefetch_for_cards_when_shown
from directory.search.facets import (
    count_facets,
    count_kept_facets,
    kept_facet_rows,
    through,
    unmasked,
)
from directory.search.filters import RELATIONS, TAXONOMY_FILTERS
from directory.search.scope import among
from places.models import Place
from places.postcodes import KM_PER_MILE, bounding_box, chord_for_km, distance_km, unit_vector
from search.query import finds_keys_cheaply, result_ids, search_terms

PAGE_SIZE = 20


@dataclass
class DirectoryResults:
    page: object  # django.core.paginator.Page of ActivityPage
    total: int
    facets: dict
    distances: dict  # activity id -> km from the postcode, for located activities
    relaxations: list  # [(filter key, count if it were dropped)] when nothing matched
    sort: str


def _ids_linked(relation, **lookup):
    """Ids of activities linked through ``relation`` to an item matching ``lookup``."""
    return through(relation).objects.filter(**lookup).values("activitypage_id")


def _lineage_prefixes(lineage):
    parts = lineage.strip("/").split("/")
    return ["/" + "/".join(parts[: i + 1]) + "/" for i in range(len(parts))]


def _distance_squared(latitude, longitude):
    """Squared chord between each activity's venue and the point, on the unit sphere.

    It orders and thresholds exactly as the true (great-circle) distance does, using only
    arithmetic every database supports.
    """
    x, y, z = unit_vector(latitude, longitude)
    dx, dy, dz = F("position_x") - x, F("position_y") - y, F("position_z") - z
    return ExpressionWrapper(dx * dx + dy * dy + dz * dz, output_field=FloatField())


def postcode_authority_lineage(district):
    """The lineage of the postcode district's local authority (None if unknown)."""
    if not district.local_authority_code:
        return None
    return (
        Place.objects.filter(code=district.local_authority_code)
        .values_list("lineage", flat=True)
        .first()
    )


def _near_postcode(queryset, district, radius_miles, local_authority):
    radius_km = radius_miles * KM_PER_MILE
    south, north, west, east = bounding_box(district.latitude, district.longitude, radius_km)
    nearby = (
        ActivityPage.objects.filter(latitude__range=(south, north), longitude__range=(west, east))
        .annotate(distance_sq=_distance_squared(district.latitude, district.longitude))
        .filter(distance_sq__lte=chord_for_km(radius_km) ** 2)
        .values("pk")
        .order_by()
    )
    # Activities with no venue (they come to the school, or run online) count as near when
    # they are offered in the postcode's local authority or anywhere that contains it.
    if local_authority:
        served_here = (
            ActivityPage.objects.filter(
                latitude__isnull=True,
                pk__in=_ids_linked("places", place__lineage__in=_lineage_prefixes(local_authority)),
            )
            .values("pk")
            .order_by()
        )
        nearby = nearby.union(served_here)
    # One list of ids, found through the indexes on latitude and on places: written as
    # conditions joined by "or", the database worked out every activity's distance (77 ms
    # among 100,000 on PostgreSQL).
    return queryset.filter(pk__in=nearby)


def _available_between(queryset, date_from, date_to):
    date_to = date_to or date_from
    date_from = date_from or date_to
    zone = timezone.get_current_timezone()
    starts = datetime.combine(date_from, time.min, tzinfo=zone)
    ends = datetime.combine(date_to + timedelta(days=1), time.min, tzinfo=zone)
    sessions = (
        ActivitySession.objects.annotate(until=Coalesce("end", "start"))
        .filter(start__lt=ends, until__gte=starts)
        .values("activity_id")
    )
    dated = Q(availability=ActivityPage.Availability.DATED, pk__in=sessions)
    on_request = (
        Q(availability=ActivityPage.Availability.ON_REQUEST)
        & (Q(available_from__isnull=True) | Q(available_from__lte=date_to))
        & (Q(available_until__isnull=True) | Q(available_until__gte=date_from))
    )
    return queryset.filter(dated | on_request)


def apply_filters(queryset, filters, skip=None, authority_lineage=None):
    """Narrow ``queryset`` by every active filter except ``skip`` (for facet counts).

    ``authority_lineage`` is the lineage of the postcode's local authority, looked up once per
    search (``postcode_authority_lineage``) rather than once per facet.
    """
    if filters.place and skip != "place":
        queryset = queryset.filter(
            pk__in=_ids_linked("places", place__lineage__startswith=filters.place.lineage)
        )
    if filters.postcode and skip != "postcode":
        if "distance_sq" not in queryset.query.annotations:
            queryset = _with_distance(queryset, filters)
        queryset = _near_postcode(queryset, filters.postcode, filters.radius, authority_lineage)
    for name, (relation, column) in RELATIONS.items():
        chosen = getattr(filters, name)
        if not chosen or skip == name:
            continue
        _model, mode = TAXONOMY_FILTERS[name]
        if mode == "all":
            for slug in chosen:
                queryset = queryset.filter(
                    pk__in=_ids_linked(relation, **{f"{column}__slug": slug})
                )
        else:
            queryset = queryset.filter(
                pk__in=_ids_linked(relation, **{f"{column}__slug__in": chosen})
            )
    if skip != "age":
        age_from, age_to = filters.age_range or (None, None)
        if age_from is not None:
            queryset = queryset.filter(age_max__gte=age_from)
        if age_to is not None:
            queryset = queryset.filter(age_min__lte=age_to)
    if filters.stage and skip != "stage":
        # The same rule as the stage labels on cards and pages (places/stages.py).
        queryset = queryset.filter(filters.stage.lookup())
    if filters.free and skip != "free":
        queryset = queryset.filter(is_free=True)
    if filters.max_price is not None and skip != "max_price":
        queryset = queryset.filter(Q(is_free=True) | Q(price__lte=filters.max_price))
    if (filters.date_from or filters.date_to) and skip != "date_from":
        queryset = _available_between(queryset, filters.date_from, filters.date_to)
    if filters.in_care and skip != "in_care":
        queryset = queryset.filter(suitable_for_children_in_care=True)
    if filters.cpd and skip != "cpd":
        queryset = queryset.filter(cpd_for_teachers=True)
    return _apply_narrower(queryset, filters)


def _apply_narrower(queryset, filters):
    """The conditions of ``Filters`` that have no facet (so are never skipped)."""
    youngest, oldest = filters.age_within or (None, None)
    if youngest is not None:
        queryset = queryset.filter(age_min__gte=youngest)
    if oldest is not None:
        queryset = queryset.filter(age_max__lte=oldest)
    if filters.weekdays or filters.time_from or filters.time_to:
        # One session must meet every condition, in the site's time zone (each session keeps
        # its local weekday and times: ActivitySession.set_local_times).
        sessions = ActivitySession.objects.all()
        if filters.weekdays:
            sessions = sessions.filter(local_weekday__in=filters.weekdays)
        if filters.time_from:
            sessions = sessions.filter(local_start_time__gte=filters.time_from)
        if filters.time_to:
            sessions = sessions.filter(local_end_time__lte=filters.time_to)
        queryset = queryset.filter(pk__in=sessions.values("activity_id"))
    if filters.modified_after:
        queryset = queryset.filter(last_published_at__gte=filters.modified_after)
    for name in filters.with_terms:
        relation, _column = RELATIONS[name]
        queryset = queryset.filter(pk__in=_ids_linked(relation))
    if filters.at_venue:
        queryset = queryset.exclude(venue_name="", venue_postcode="")
    return queryset


def _with_distance(queryset, filters):
    if filters.postcode:
        return queryset.annotate(
            distance_sq=_distance_squared(filters.postcode.latitude, filters.postcode.longitude)
        )
    return queryset


def _text_matches(scope, query):
    """Ids of activities matching the words of ``query``, best match first."""
    terms = search_terms(query)
    if not terms:
        return []
    # On PostgreSQL each page is indexed with its own language's text search configuration, and
    # a query is read with the active language's: so the words are read once per language the
    # scope shows (an English-only activity found by a Welsh reader was indexed as English),
    # the reader's language first, whichever language the caller has active.
    # The languages are those of the scope's directories, already at hand (no query).
    locales = [scope.locale]
    for root in sorted(scope.other_roots, key=lambda root: root.locale_id):
        if all(root.locale_id != locale.pk for locale in locales):
            locales.append(root.locale)
    stand_ins = scope.stand_ins()
    kept = scope.kept_id_set()
    if kept is not None and finds_keys_cheaply():
        return _kept_text_matches(terms, locales, scope.locale, kept, stand_ins)
    # Only ids are needed: deferring every other column keeps building the results cheap.
    pages = scope.pages_for_text_search().only("id")
    found = {}
    for locale in locales:
        in_language = pages.filter(locale=locale)
        if stand_ins is not None and locale.pk != scope.locale.pk:
            # Only the stand-ins can be found in another language: any other match there is
            # an activity the reader sees in their own language. (Each search of a language
            # reads every match of the words, whatever its language: most of the cost of
            # a second language.) A plain list: every search backend can filter by one.
            if not stand_ins.get(locale.pk):
                continue
            in_language = in_language.filter(pk__in=stand_ins[locale.pk])
        with translation.override(locale.language_code):
            matches = in_language.search(terms, operator="and", order_by_relevance=True)
            for pk in result_ids(matches):
                found.setdefault(pk, None)
    return list(found)


def _kept_text_matches(terms, locales, reader_locale, kept, stand_ins):
    """``_text_matches`` when the scope's ids are kept: each language's words are looked up
    among every activity page, and the matches kept to the scope here, in its order. The
    search backend restricting the index to the scope itself (a subquery of the scope's
    conditions, or of ten thousand ids) cost twice the lookup. In the reader's language the
    matches are the scope's pages in it; in each other language, its stand-ins only."""
    standing_in = {pk for ids in stand_ins.values() for pk in ids}
    found = {}
    for locale in locales:
        if locale.pk == reader_locale.pk:
            wanted = kept - standing_in if standing_in else kept
        else:
            wanted = set(stand_ins.get(locale.pk, ()))
            if not wanted:
                continue
        with translation.override(locale.language_code):
            matches = ActivityPage.objects.search(terms, operator="and", order_by_relevance=True)
            for pk in result_ids(matches):
                if pk in wanted:
                    found.setdefault(pk, None)
    return list(found)


def ordered(queryset, sort):
    """``queryset`` in the order of ``sort`` (not relevance, which the text search gives)."""
    if sort == "nearest":
        return queryset.order_by(F("distance_sq").asc(nulls_last=True), "title", "pk")
    if sort == "az":
        return queryset.order_by("title", "pk")
    upcoming = ActivitySession.objects.filter(activity=OuterRef("pk"), start__gte=timezone.now())
    queryset = queryset.annotate(
        next_start=Subquery(upcoming.order_by("start").values("start")[:1])
    )
    return queryset.order_by(F("next_start").asc(nulls_last=True), "title", "pk")


class MatchesInOrder:
    """The ids of ``order`` that are in ``wanted``, ``number`` of them, as a sequence a
    paginator slices: a slice reads ``order`` only as far as its end. ``order`` must hold every
    one of the ``number`` matches."""

    def __init__(self, order, wanted, number):
        self.order = order
        self.wanted = wanted
        self.number = number

    def __len__(self):
        return self.number

    def __getitem__(self, index):
        if not isinstance(index, slice) or index.step not in (None, 1):
            raise TypeError("only slices of matches are read")
        start, stop, _step = index.indices(self.number)
        found, seen = [], 0
        if start >= stop:
            return found
        for pk in self.order:
            if pk in self.wanted:
                if seen >= start:
                    found.append(pk)
                seen += 1
                if seen >= stop:
                    break
        return found


def kept_order(scope, sort):
    """The ids of the scope's activities in ``sort`` order ("az" or "soonest"), kept in the
    site cache while the scope is (else None). Sorting every match of a large directory by its
    next session, a subquery per activity, was the costliest part of a broad search; a kept
    order is filtered to the matches instead. A to Z keeps for the site generation; soonest
    first also only until the soonest upcoming session starts, when that activity's next date
    (and so the order) changes."""
    if sort not in ("az", "soonest") or scope.kept_ids() is None:
        return None
    parts = ("search-order", sort, *scope.cache_key())
    kept = site_cache.recall(parts)
    if kept is not site_cache.MISSING:
        valid_until, ids = kept
        if valid_until is None or timezone.now() < valid_until:
            return ids
    if sort == "az":
        ids = list(ordered(scope.activities(), sort).values_list("pk", flat=True))
        valid_until = None
    else:
        rows = list(ordered(scope.activities(), sort).values_list("pk", "next_start"))
        ids = [pk for pk, _next_start in rows]
        valid_until = min((start for _pk, start in rows if start is not None), default=None)
    site_cache.keep(parts, (valid_until, ids))
    return ids


def search_activities(
    scope, filters, nation_code=None, page_size=PAGE_SIZE, for_directory_page=True
):
    """One page of the activities in ``scope`` matching ``filters``, with facet counts (stages
    named for ``nation_code``) and, when nothing matches, what dropping each filter would find.
    ``filters`` is left as it was given.

    ``for_directory_page=False`` (the open-data API, which has no filter panel and no cards)
    skips what only the directory page shows: facet counts (the total is then a plain count,
    a third of the facet statement's time over a large directory), the suggestions when
    nothing matches, and what the cards show beyond the activity itself."""
    authority = postcode_authority_lineage(filters.postcode) if filters.postcode else None
    sort = filters.effective_sort

    activities = scope.activities()
    base = activities
    text_ids = None
    if filters.q:
        text_ids = _text_matches(scope, filters.q)
        base = activities.filter(pk__in=among(text_ids, activities.db))

    # Facets first: the same statement counts the matches, so the paginator need not.
    def matched_without(skip):
        return apply_filters(base, filters, skip=skip, authority_lineage=authority)

    # With nothing but words to narrow it, the matches are the scope's (when it is kept) that
    # the words found: no query needed to list or count them.
    scope_ids = None if filters.narrows() else scope.kept_ids()
    order = kept_order(scope, sort) if sort != "relevance" else None
    facets, total, matched_ids = {}, None, None
    # A search every visitor of the directory makes alike (as it first opens, on its own or
    # with the site's nation chosen), whose answers are kept for the site generation.
    common = (scope_ids is not None and text_ids is None) or filters.nation_alone() is not None
    if for_directory_page and scope_ids is not None and text_ids is None:
        # The directory as it first opens, with no filter: the same counts for every visitor
        # until the site changes, so they are kept for the site generation.
        facets, total, _none = site_cache.remember(
            ("search-facets-unfiltered", nation_code, *scope.cache_key()),
            lambda: count_facets(base, filters, matched_without, nation_code),
        )
    elif for_directory_page and (kept_rows := kept_facet_rows(scope)) is not None:
        # A kept scope: its masks answer the filters on terms, places, ages and flags, once the
        # words and any other filter (a postcode, dates, a price) have narrowed the matches.
        def from_masks():
            nonlocal order
            narrowed = kept_rows.everything if text_ids is None else kept_rows.mask_of(text_ids)
            others = unmasked(filters)
            if others.narrows():
                met = apply_filters(activities, others, authority_lineage=authority)
                if order is None and sort != "relevance":
                    # Nearest first (the orders that are not kept need a postcode): listing what
                    # the other filters leave in that order spares ordering the matches again.
                    order = list(ordered(met, sort).values_list("pk", flat=True))
                    met_ids = order
                else:
                    met_ids = met.values_list("pk", flat=True)
                narrowed &= kept_rows.mask_of(met_ids)
            return count_kept_facets(
                kept_rows, filters, narrowed, nation_code, list_matches=scope_ids is None
            )

        nation = filters.nation_alone()
        if nation is not None:
            # A regional site's directory as it first opens (its nation chosen): the same
            # counts and matches for every visitor until the site changes, held for the site
            # generation like the unfiltered ones (listing most of a national directory's
            # matches from a mask is the costliest part of it).
            def held_from_masks():
                found_facets, found_total, ids = from_masks()
                # Held as a set: each search tests the kept order against it.
                return found_facets, found_total, frozenset(ids)

            facets, total, matched_ids = site_cache.remember(
                ("search-facets-nation", nation.pk, nation_code, *scope.cache_key()),
                held_from_masks,
                held=True,
            )
        else:
            facets, total, matched_ids = from_masks()
    elif for_directory_page:
        # The facet statement also lists the matches (when filters narrow them): ordering them
        # then starts from their ids, rather than running every filter again.
        facets, total, matched_ids = count_facets(
            base, filters, matched_without, nation_code, list_matches=scope_ids is None
        )

    def matched_id_set():
        if scope_ids is not None:
            # Words alone narrow a kept scope to their matches, which were found within it.
            return scope.kept_id_set() if text_ids is None else set(text_ids)
        if isinstance(matched_ids, frozenset):
            return matched_ids
        if matched_ids is not None:
            return set(matched_ids)
        return set(matched_without(None).values_list("pk", flat=True))

    if sort == "relevance" or order is not None:
        # Ids in an order that holds every match (the words' ranking, or a kept order), kept to
        # the matches. With their number known from the facets, only as much of the order is
        # read as the page asked for needs (most of a national directory's matches are never
        # shown); else all of it, to count them.
        if sort == "relevance":
            wanted = scope.kept_id_set() if scope_ids is not None else matched_id_set()
            order = text_ids
        elif scope_ids is not None and text_ids is None:
            wanted = None  # nothing narrows the scope: every activity in it matches
        else:
            wanted = matched_id_set()
        if wanted is None:
            ordered_ids = order
        elif total is not None:
            ordered_ids = MatchesInOrder(order, wanted, total)
        else:
            ordered_ids = [pk for pk in order if pk in wanted]
        paginator = Paginator(ordered_ids, page_size)
        total = len(ordered_ids)
    else:
        if matched_ids is not None:
            listed = ActivityPage.objects.filter(pk__in=among(matched_ids, base.db))
            matched = _with_distance(listed, filters)
        else:
            matched = matched_without(None)
        if total is None:
            total = matched.count()
        # Sort ids only: the database then sorts narrow rows, not every column of every match.
        paginator = Paginator(ordered(matched, sort).values_list("pk", flat=True), page_size)
        paginator.count = total  # a cached property; this spares a COUNT query
    page = paginator.get_page(filters.page)
    ids = list(page.object_list)

    def listed():
        # The ids come from the scope already: fetching them by id spares compiling it again.
        return list(ActivityPage.objects.filter(pk__in=ids))

    # A common search's pages of results, as read (each request gets its own copy): reading
    # twenty pages back from the cache takes a tenth of the time of asking for them again.
    pages = (
        site_cache.remember(("search-result-pages", tuple(ids)), listed)
        if common and for_directory_page
        else listed()
    )
    by_id = {a.pk: a for a in pages}
    page.object_list = [by_id[pk] for pk in ids if pk in by_id]
    if for_directory_page:
        prefetch_for_cards_when_shown(page.object_list, scope.locale)

    distances = {}
    if filters.postcode:
        for activity in page.object_list:
            if activity.latitude is not None:
                distances[activity.pk] = distance_km(
                    filters.postcode.latitude,
                    filters.postcode.longitude,
                    activity.latitude,
                    activity.longitude,
                )

    relaxations = []
    if total == 0 and for_directory_page:
        for key in filters.active_keys():
            count = matched_without(key).count()
            if count:
                relaxations.append((key, count))
    return DirectoryResults(
        page=page,
        total=total,
        facets=facets,
        distances=distances,
        relaxations=relaxations,
        sort=sort,
    )
