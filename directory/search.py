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

from django.core.paginator import Paginator
from django.db.models import (
    Count,
    ExpressionWrapper,
    F,
    FloatField,
    OuterRef,
    Q,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.models import Page

from directory.forms import DEFAULT_RADIUS, TAXONOMY_FILTERS
from directory.models import ActivityPage, ActivitySession, DirectoryIndexPage, Place
from directory.postcodes import KM_PER_MILE, bounding_box, chord_for_km, distance_km, unit_vector
from directory.stages import stages_for
from search.query import search_terms

PAGE_SIZE = 20
BOOLEAN_FILTERS = ("free", "in_care", "cpd")


@dataclass
class Filters:
    q: str = ""
    place: Place | None = None
    postcode: object | None = None  # a directory.postcodes.District
    radius: int = DEFAULT_RADIUS  # miles
    art_form: list = field(default_factory=list)
    age_range: tuple | None = None  # (from, to); either end may be None
    stage: object | None = None  # a directory.stages.Stage
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
    """Where a search looks: the live, public activities beneath a directory page, in one
    language (so never drafts, private pages, other sites or other languages)."""

    root: object  # the DirectoryIndexPage
    locale: object

    def activities(self):
        return (
            ActivityPage.objects.live().public().descendant_of(self.root).filter(locale=self.locale)
        )

    def pages_for_text_search(self):
        """The same activities as plain pages. Full-text search hands back model instances, and
        plain pages are much cheaper to build than activity pages with all their inline
        relations, while matching exactly the same index entries in the same order."""
        return (
            Page.objects.live()
            .public()
            .descendant_of(self.root)
            .filter(locale=self.locale)
            .type(ActivityPage)
        )


def activity_scope(root, locale):
    return Scope(root, locale)


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
    return [page.pk for page in pages.search(terms, operator="and", order_by_relevance=True)]


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


def count_facets(base, filters):
    # One query for the four taxonomy facets: a UNION ALL of per-taxonomy counts, each over the
    # activities that match every other active filter.
    parts = []
    for name, (relation, column) in RELATIONS.items():
        matched = apply_filters(base, filters, skip=name)
        parts.append(
            _through(relation)
            .objects.filter(activitypage_id__in=matched.values("pk"))
            .values(facet=Value(name), value=F(f"{column}__slug"))
            # Each (activity, term) pair appears once in the link table: no DISTINCT needed.
            .annotate(count=Count("activitypage_id"))
            .order_by()
        )
    facets = {name: {} for name in RELATIONS}
    for row in parts[0].union(*parts[1:], all=True):
        facets[row["facet"]][row["value"]] = row["count"]

    # Stage and yes/no facets are conditional counts. Those whose own filter is not in use count
    # over the same matched set, so they share one aggregate query.
    flags = {
        "free": Q(is_free=True),
        "in_care": Q(suitable_for_children_in_care=True),
        "cpd": Q(cpd_for_teachers=True),
    }
    stages = stages_for(filters.nation_code)
    stage_counts = {
        stage.slug: Count("pk", filter=Q(age_min__lte=stage.age_max, age_max__gte=stage.age_min))
        for stage in stages
    }
    shared = {}
    if not filters.stage:
        shared.update(stage_counts)
    for name, condition in flags.items():
        if not getattr(filters, name):
            shared[f"flag:{name}"] = Count("pk", filter=condition)
    if shared:
        counts = apply_filters(base, filters).aggregate(**shared)
        if not filters.stage:
            facets["stage"] = {stage.slug: counts[stage.slug] for stage in stages}
        for name in flags:
            if f"flag:{name}" in counts:
                facets[name] = counts[f"flag:{name}"]
    if filters.stage:
        matched = apply_filters(base, filters, skip="stage")
        facets["stage"] = matched.aggregate(**stage_counts)
    for name, condition in flags.items():
        if getattr(filters, name):
            matched = apply_filters(base, filters, skip=name)
            facets[name] = matched.filter(condition).count()
    return facets


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

    matched = apply_filters(base, filters)
    if sort == "relevance":
        matched_ids = set(matched.values_list("pk", flat=True))
        ordered_ids = [pk for pk in text_ids if pk in matched_ids]
        paginator = Paginator(ordered_ids, page_size)
        page = paginator.get_page(filters.page)
        by_id = {a.pk: a for a in activities.filter(pk__in=list(page.object_list))}
        page.object_list = [by_id[pk] for pk in page.object_list if pk in by_id]
    else:
        paginator = Paginator(_ordered(matched, sort), page_size)
        page = paginator.get_page(filters.page)
        page.object_list = list(page.object_list)
    _prefetch_for_cards(page.object_list)

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

    total = paginator.count
    relaxations = []
    if total == 0:
        for key in filters.active_keys():
            count = apply_filters(base, filters, skip=key).count()
            if count:
                relaxations.append((key, count))
    return DirectoryResults(
        page=page,
        total=total,
        facets=count_facets(base, filters),
        distances=distances,
        relaxations=relaxations,
        sort=sort,
    )


def _prefetch_for_cards(activities):
    """Load what a result card shows in a fixed number of queries, however many results."""
    from django.db.models import prefetch_related_objects
    from wagtail.models import Page

    prefetch_related_objects(activities, "art_forms", "formats")
    names = _names_in_active_locale(activities, ("art_forms", "formats"))
    parent_paths = {activity.path[: -activity.steplen] for activity in activities}
    providers = {page.path: page for page in Page.objects.filter(path__in=parent_paths)}
    for activity in activities:
        activity.provider_page = providers.get(activity.path[: -activity.steplen])
        activity.art_form_names = [names[i.translation_key] for i in activity.art_forms.all()]
        activity.format_names = [names[i.translation_key] for i in activity.formats.all()]


def _names_in_active_locale(activities, relations):
    """translation key -> name in the reader's language (or as stored when untranslated)."""
    from wagtail.models import Locale

    locale = Locale.get_active()
    names = {}
    for relation in relations:
        items = {item for activity in activities for item in getattr(activity, relation).all()}
        names.update({item.translation_key: item.name for item in items})
        model = ActivityPage._meta.get_field(relation).related_model
        translated = model.objects.filter(
            locale=locale, translation_key__in=[item.translation_key for item in items]
        )
        names.update({item.translation_key: item.name for item in translated})
    return names


def featured_activities(request, home_page, limit=3):
    """The soonest upcoming activities on this home page's site, for the home page."""
    from wagtail.models import Locale

    directory = DirectoryIndexPage.objects.child_of(home_page).live().first()
    if directory is None:
        return []
    activities = activity_scope(directory, Locale.get_active()).activities()
    return list(_ordered(activities, "soonest")[:limit])
