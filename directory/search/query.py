"""The directory search: validated filters in, a page of activities and facet counts out.

One module, used by the directory page now and by feeds and reports later. It keeps to what
every Wagtail search backend supports: the full-text part goes through Wagtail search (the
database backend on SQLite or PostgreSQL, or Elasticsearch), returning the ids of matching
activities; every filter, facet count and sort is then a plain ORM query over those ids. That
is also how facets on many-to-many fields are counted, which the database backend cannot do.

Filters combine with AND across kinds. Within a kind any chosen value matches (art forms,
formats, languages), except access features, which must all be present.
"""

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from functools import cached_property

from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import (
    ExpressionWrapper,
    F,
    FloatField,
    Min,
    OuterRef,
    Q,
    Subquery,
)
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from wagtail.models import Page

from core.localized import localized_name
from directory.forms import DEFAULT_RADIUS, TAXONOMY_FILTERS
from directory.models import ActivityPage, ActivitySession, DirectoryIndexPage
from places.models import Place
from places.postcodes import KM_PER_MILE, bounding_box, chord_for_km, distance_km, unit_vector
from places.stages import stages_for
from regions.sites import regional_home_keys
from search.query import search_terms

PAGE_SIZE = 20
BOOLEAN_FILTERS = ("free", "in_care", "cpd")


@dataclass
class Filters:
    q: str = ""
    place: Place | None = None
    postcode: object | None = None  # a places.postcodes.District
    radius: int = DEFAULT_RADIUS  # miles
    art_form: list = field(default_factory=list)
    age_range: tuple | None = None  # (from, to); either end may be None
    stage: object | None = None  # a places.stages.Stage
    format: list = field(default_factory=list)
    free: bool = False
    max_price: object | None = None
    date_from: object | None = None
    date_to: object | None = None
    access: list = field(default_factory=list)
    language: list = field(default_factory=list)
    in_care: bool = False
    cpd: bool = False
    sort: str = ""
    page: int = 1
    # Set by search_activities, not by the reader: the site's nation (for stage facets) and
    # the postcode's local authority (looked up once, used by every facet query).
    nation_code: str | None = field(default=None, repr=False)
    postcode_authority_lineage: str | None = field(default=None, repr=False)

    @classmethod
    def from_cleaned_data(cls, data):
        names = cls.__dataclass_fields__
        values = {name: data[name] for name in names if data.get(name) not in (None, "")}
        values.setdefault("radius", DEFAULT_RADIUS)
        values.setdefault("page", 1)
        return cls(**values)

    def active_keys(self):
        """The filters in use, by the name a suggestion would drop (text excluded)."""
        keys = []
        for name in ("place", "postcode", "stage", "date_from", "max_price"):
            if getattr(self, name):
                keys.append(name)
        if self.age_range:
            keys.append("age")
        for name in (*TAXONOMY_FILTERS, *BOOLEAN_FILTERS):
            if getattr(self, name):
                keys.append(name)
        return keys

    @property
    def effective_sort(self):
        """The sort asked for, unless it needs a postcode or keywords that are missing."""
        usable = {"nearest": bool(self.postcode), "relevance": bool(self.q)}
        if self.sort and usable.get(self.sort, True):
            return self.sort
        if self.q:
            return "relevance"
        if self.postcode:
            return "nearest"
        return "soonest"


@dataclass
class DirectoryResults:
    page: object  # django.core.paginator.Page of ActivityPage
    total: int
    facets: dict
    distances: dict  # activity id -> km from the postcode, for located activities
    relaxations: list  # [(filter key, count if it were dropped)] when nothing matched
    sort: str


@dataclass(frozen=True)
class Scope:
    """Where a search looks: the live, public activities beneath some directory pages, in one
    language (so never drafts, private pages, other languages, or sites outside the scope)."""

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


def _through(name):
    return ActivityPage._meta.get_field(name).remote_field.through


def _ids_linked(relation, **lookup):
    """Ids of activities linked through ``relation`` to an item matching ``lookup``."""
    return _through(relation).objects.filter(**lookup).values("activitypage_id")


RELATIONS = {
    "art_form": ("art_forms", "artform"),
    "format": ("formats", "format"),
    "access": ("access_features", "accessfeature"),
    "language": ("delivery_languages", "deliverylanguage"),
}
RELATIONS_BY_FIELD = dict(RELATIONS.values())


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


def _local_authority_lineage(district):
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
    within = Q(
        latitude__range=(south, north),
        longitude__range=(west, east),
        distance_sq__lte=chord_for_km(radius_km) ** 2,
    )
    # Activities with no venue (they come to the school, or run online) count as near when
    # they are offered in the postcode's local authority or anywhere that contains it.
    served_here = Q(pk__in=[])
    if local_authority:
        served_here = Q(
            latitude__isnull=True,
            pk__in=_ids_linked("places", place__lineage__in=_lineage_prefixes(local_authority)),
        )
    return queryset.filter(within | served_here)


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


def apply_filters(queryset, filters, skip=None):
    """Narrow ``queryset`` by every active filter except ``skip`` (for facet counts)."""
    if filters.place and skip != "place":
        queryset = queryset.filter(
            pk__in=_ids_linked("places", place__lineage__startswith=filters.place.lineage)
        )
    if filters.postcode and skip != "postcode":
        if "distance_sq" not in queryset.query.annotations:
            queryset = _with_distance(queryset, filters)
        queryset = _near_postcode(
            queryset, filters.postcode, filters.radius, filters.postcode_authority_lineage
        )
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
        queryset = queryset.filter(
            age_min__lte=filters.stage.age_max, age_max__gte=filters.stage.age_min
        )
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
    # Only ids are needed: deferring every other column keeps building the results cheap.
    pages = scope.pages_for_text_search().only("id")
    # The words are read in the scope's language (on PostgreSQL each language has its own text
    # search configuration), whichever language the caller has active.
    with translation.override(scope.locale.language_code):
        matches = pages.search(terms, operator="and", order_by_relevance=True)
    return [page.pk for page in matches]


def _ordered(queryset, sort):
    if sort == "nearest":
        return queryset.order_by(F("distance_sq").asc(nulls_last=True), "title", "pk")
    if sort == "az":
        return queryset.order_by("title", "pk")
    upcoming = ActivitySession.objects.filter(activity=OuterRef("pk"), start__gte=timezone.now())
    queryset = queryset.annotate(
        next_start=Subquery(upcoming.order_by("start").values("start")[:1])
    )
    return queryset.order_by(F("next_start").asc(nulls_last=True), "title", "pk")


# Yes/no facets: the filter name and the activity column it counts.
FLAG_COLUMNS = {
    "free": "is_free",
    "in_care": "suitable_for_children_in_care",
    "cpd": "cpd_for_teachers",
}
# The columns of a matched set that the stage and yes/no counts read.
COUNTED_COLUMNS = ("pk", "age_min", "age_max", *FLAG_COLUMNS.values())


class _FacetStatement:
    """Every facet count and the total in one SQL statement.

    A facet counts over the activities matching every active filter except its own, so choosing
    one art form still shows how many activities each other art form has. Facets whose filter is
    not in use all count over the same fully matched set. Each distinct set is written once, as
    a common table expression; because several counts read it, SQLite (3.35+) and PostgreSQL
    (12+) evaluate it once, instead of scanning the directory again for every count. The sets
    themselves are ORM querysets (``apply_filters``), so scope and filters stay in one place.
    """

    def __init__(self, base, filters):
        self.base = base
        self.filters = filters
        self.active = set(filters.active_keys())
        self.connection = connections[base.db]
        self.sets = {}  # skip key -> (alias, sql, params), or None when it cannot match
        self.branches = []  # (sql, params) of each count, in the order of self.labels
        self.labels = []  # (facet, stage slug or None) for each branch
        self.empty = []  # labels of counts over a set that cannot match

    def _matched(self, facet):
        """The alias of the set that ``facet`` counts over, or None if it is certainly empty."""
        skip = facet if facet in self.active else None
        if skip not in self.sets:
            queryset = apply_filters(self.base, self.filters, skip=skip)
            try:
                sql, params = queryset.order_by().values(*COUNTED_COLUMNS).query.sql_with_params()
            except EmptyResultSet:
                self.sets[skip] = None
            else:
                self.sets[skip] = (f"matched_{len(self.sets)}", sql, params)
        found = self.sets[skip]
        return found[0] if found else None

    def _add(self, label, matched, sql, params=()):
        if matched is None:
            self.empty.append(label)
            return
        self.labels.append(label)
        self.branches.append((f"SELECT {len(self.branches)}, {sql}", list(params)))

    def build(self):
        quote = self.connection.ops.quote_name
        m = self._matched(None)
        self._add(("total", None), m, f"NULL, COUNT(*) FROM {m}")
        # Only identifiers from model metadata and our own aliases are written into the SQL;
        # every value a reader chose travels as a parameter (inside each matched set's SQL).
        for name, (relation, column) in RELATIONS.items():
            link = _through(relation)
            term = link._meta.get_field(column)
            activity_id = quote(link._meta.get_field("activitypage").column)
            term_id = quote(term.column)
            m = self._matched(name)
            self._add(
                (name, None),
                m,
                f"term.{quote('slug')}, linked.n FROM ("  # noqa: S608 - see above
                # CROSS JOIN keeps the matched set as the outer loop on SQLite (one index seek
                # per match instead of probing a temporary index per link); PostgreSQL plans
                # it like any join.
                f"SELECT links.{term_id} AS term_id, COUNT(*) AS n "
                f"FROM {m} CROSS JOIN {quote(link._meta.db_table)} links "
                f"WHERE links.{activity_id} = {m}.pk GROUP BY links.{term_id}) linked "
                f"INNER JOIN {quote(term.related_model._meta.db_table)} term "
                f"ON term.{quote('id')} = linked.term_id",
            )
        for stage in stages_for(self.filters.nation_code):
            m = self._matched("stage")
            self._add(
                ("stage", stage.slug),
                m,
                f"NULL, COUNT(*) FROM {m} WHERE age_min <= %s AND age_max >= %s",
                [stage.age_max, stage.age_min],
            )
        for name, column in FLAG_COLUMNS.items():
            m = self._matched(name)
            self._add((name, None), m, f"NULL, COUNT(*) FROM {m} WHERE {column} = %s", [True])
        return self

    def run(self):
        """(facets, total)."""
        facets = {name: {} for name in RELATIONS}
        facets["stage"] = {}
        counts = dict.fromkeys(self.empty, 0)
        if self.branches:
            ctes, params = [], []
            for found in self.sets.values():
                if found:
                    alias, sql, set_params = found
                    ctes.append(f"{alias} ({', '.join(COUNTED_COLUMNS)}) AS ({sql})")
                    params.extend(set_params)
            sql = "WITH " + ", ".join(ctes) + " " + " UNION ALL ".join(b[0] for b in self.branches)
            for branch_params in (b[1] for b in self.branches):
                params.extend(branch_params)
            with self.connection.cursor() as cursor:
                cursor.execute(sql, params)
                for index, value, count in cursor.fetchall():
                    facet, stage = self.labels[index]
                    if facet in RELATIONS:
                        facets[facet][value] = count
                    else:
                        counts[(facet, stage)] = count
        for (facet, stage), count in counts.items():
            if facet == "stage":
                facets["stage"][stage] = count
            elif facet in FLAG_COLUMNS:
                facets[facet] = count
        return facets, counts.get(("total", None), 0)


def count_facets(base, filters):
    """Facet counts for every filter, and the number of activities matching all of them."""
    return _FacetStatement(base, filters).build().run()


def search_activities(scope, filters, nation_code=None, page_size=PAGE_SIZE):
    filters.nation_code = nation_code
    filters.postcode_authority_lineage = (
        _local_authority_lineage(filters.postcode) if filters.postcode else None
    )
    sort = filters.effective_sort

    activities = scope.activities()
    base = activities
    text_ids = None
    if filters.q:
        text_ids = _text_matches(scope, filters.q)
        base = activities.filter(pk__in=text_ids)

    # Facets first: the same statement counts the matches, so the paginator need not.
    facets, total = count_facets(base, filters)
    matched = apply_filters(base, filters)
    if sort == "relevance":
        matched_ids = set(matched.values_list("pk", flat=True))
        ordered_ids = [pk for pk in text_ids if pk in matched_ids]
        paginator = Paginator(ordered_ids, page_size)
    else:
        # Sort ids only: the database then sorts narrow rows, not every column of every match.
        paginator = Paginator(_ordered(matched, sort).values_list("pk", flat=True), page_size)
        paginator.count = total  # a cached property; this spares a COUNT query
    page = paginator.get_page(filters.page)
    by_id = {a.pk: a for a in activities.filter(pk__in=list(page.object_list))}
    page.object_list = [by_id[pk] for pk in page.object_list if pk in by_id]
    _prefetch_for_cards(page.object_list, scope.locale)

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
    if total == 0:
        for key in filters.active_keys():
            count = apply_filters(base, filters, skip=key).count()
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


def _prefetch_for_cards(activities, locale):
    """Load what a result card shows in a fixed number of queries, however many results: the
    provider's title, the next date, and art form and format names in the reader's language (a
    term without a translation keeps the name it was entered with)."""
    ids = [activity.pk for activity in activities]
    for relation, attribute in (("art_forms", "art_form_names"), ("formats", "format_names")):
        names = {pk: [] for pk in ids}
        for activity_id, name in _term_names(relation, ids, locale):
            names[activity_id].append(name)
        for activity in activities:
            setattr(activity, attribute, names[activity.pk])
    # The next session each card shows: the same "upcoming" rule as the soonest-first sort.
    next_starts = dict(
        ActivitySession.objects.filter(activity_id__in=ids, start__gte=timezone.now())
        .values("activity_id")
        .annotate(next_start=Min("start"))
        .values_list("activity_id", "next_start")
    )
    for activity in activities:
        activity.next_start = next_starts.get(activity.pk)
    parent_paths = {activity.path[: -activity.steplen] for activity in activities}
    providers = {
        page.path: page for page in Page.objects.filter(path__in=parent_paths).only("path", "title")
    }
    for activity in activities:
        activity.provider_page = providers.get(activity.path[: -activity.steplen])


def _term_names(relation, activity_ids, locale):
    """(activity id, term name in ``locale``) for each term linked through ``relation``, in the
    terms' list order."""
    link = _through(relation)
    column = RELATIONS_BY_FIELD[relation]
    term_model = link._meta.get_field(column).related_model
    return (
        link.objects.filter(activitypage_id__in=activity_ids)
        .annotate(name=localized_name(term_model, column, locale.language_code))
        .order_by(f"{column}__sort_order", f"{column}__name")
        .values_list("activitypage_id", "name")
    )


def featured_activities(request, home_page, limit=3):
    """The soonest upcoming activities on this home page's site, for the home page."""
    from wagtail.models import Locale

    directory = DirectoryIndexPage.objects.child_of(home_page).live().first()
    if directory is None:
        return []
    # The home page features its own site's offers, not every regional site's.
    activities = own_directory_scope(directory, Locale.get_active()).activities()
    return list(_ordered(activities, "soonest")[:limit])
