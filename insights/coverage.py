"""Coverage: for every local authority and art form, what the directory offers there and how
often teachers searched for it. The report view, its exports and the map all read the rows
made here, so the screen, the spreadsheets and the picture can never disagree.

"Offered there" follows the directory's own rule (directory/search/query.py): an activity is
offered in a local authority when one of its places is that authority or contains it (a
region, a nation). Which activities count at all (live, public, once per translation) and the
stage and format filters are the directory search's own code (``Scope``, ``apply_filters``),
so the report can never count what a teacher could not find.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import connection
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale

from directory.models import ActivityPage, ArtForm, DirectoryIndexPage, Format
from directory.search.filters import Filters
from directory.search.query import apply_filters
from directory.search.scope import Scope
from insights.models import SearchLog, as_list
from places.models import Place

ONLINE = "online"
# Fewer activities than this per search made in the period marks a thin spot.
THIN_RATIO = 0.5


@dataclass(frozen=True)
class CoverageQuery:
    """What the report was asked for (already validated)."""

    nation: str = ""  # Place code
    region: str = ""  # Place code
    art_form: str = ""  # slug
    stage: object | None = None  # places.stages.Stage
    format: str = ""  # slug
    days: int | None = 90  # None: all time


def _english():
    return Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()


def directory_scope():
    """Every live directory page in the default language, with the other languages' pages for
    activities not translated into it: the whole UK directory, each activity once."""
    english = _english()
    roots = tuple(DirectoryIndexPage.objects.live().filter(locale=english).only("path", "depth"))
    others = tuple(DirectoryIndexPage.objects.live().exclude(locale=english).only("path", "depth"))
    return Scope(roots, english, others)


def counted_activities(query):
    """The activities the report counts, as a queryset of ids (the directory's own filters)."""
    filters = Filters(stage=query.stage, format=(query.format,) if query.format else ())
    return apply_filters(directory_scope().activities(), filters).values("pk")


def authorities(query):
    """The local authorities shown, in the default language, with region and nation names."""
    places = Place.objects.filter(locale=_english(), kind=Place.Kind.LOCAL_AUTHORITY)
    for code in (query.nation, query.region):
        if code:
            lineage = (
                Place.objects.filter(locale=_english(), code=code)
                .values_list("lineage", flat=True)
                .first()
            )
            places = places.filter(lineage__startswith=lineage or "/nowhere/")
    return places.select_related("parent", "parent__parent").order_by("lineage")


def art_forms(query):
    forms = ArtForm.objects.filter(locale=_english()).order_by("sort_order", "name")
    if query.art_form:
        forms = forms.filter(slug=query.art_form)
    return list(forms.values_list("slug", "name"))


def ancestry():
    """(local authority id, id of a place that is it or contains it) pairs: every place whose
    lineage starts the authority's, in any language, as the directory's rule reads it. Worked
    out here from a few hundred places so the grouped query joins on ids, which SQLite can look
    up in an index, rather than comparing every authority's lineage with every place's."""
    places = list(Place.objects.values_list("pk", "lineage"))
    return [
        (authority, place)
        for authority, lineage in Place.objects.filter(
            locale=_english(), kind=Place.Kind.LOCAL_AUTHORITY
        ).values_list("pk", "lineage")
        for place, prefix in places
        if lineage[: len(prefix)] == prefix
    ]


def provision(query):
    """{(authority id, art form slug): (at venues, to schools, online, total, providers)}.

    One query reads each counted activity's places and art forms (a few rows per activity);
    each row is then rolled up here to every local authority its place is or contains. Counting
    distinct activities per authority in SQL instead joined every authority to every activity
    offered over it, which took seconds at 10,000 activities."""
    covered = {}
    for authority, place in ancestry():
        covered.setdefault(place, []).append(authority)
    if not covered:
        return {}
    ids_sql, ids_params = counted_activities(query).query.sql_with_params()
    places_link = ActivityPage.places.through._meta.db_table
    forms_link = ActivityPage.art_forms.through._meta.db_table
    formats_link = ActivityPage.formats.through._meta.db_table
    sql = f"""
        SELECT lp.place_id, a.page_ptr_id, af.slug, a.latitude IS NOT NULL,
            a.page_ptr_id IN (
                SELECT lf.activitypage_id FROM {formats_link} lf
                JOIN {Format._meta.db_table} f ON f.id = lf.format_id WHERE f.slug = %s
            ),
            SUBSTR(pg.path, 1, LENGTH(pg.path) - 4)
        FROM {places_link} lp
        JOIN {ActivityPage._meta.db_table} a ON a.page_ptr_id = lp.activitypage_id
        JOIN wagtailcore_page pg ON pg.id = a.page_ptr_id
        JOIN {forms_link} laf ON laf.activitypage_id = a.page_ptr_id
        JOIN {ArtForm._meta.db_table} af ON af.id = laf.artform_id
        WHERE a.page_ptr_id IN ({ids_sql})
    """  # noqa: S608 (table names come from the models; values are parameters)
    # Per (authority, art form): activity ids at venues, to schools, online, all; providers.
    found = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, [ONLINE, *ids_params])
        for place, activity, slug, located, online, provider in cursor.fetchall():
            kind = 0 if located else (2 if online else 1)
            for authority in covered.get(place, ()):
                sets = found.get((authority, slug))
                if sets is None:
                    sets = found[(authority, slug)] = (set(), set(), set(), set(), set())
                sets[kind].add(activity)
                sets[3].add(activity)
                sets[4].add(provider)
    return {key: tuple(len(each) for each in sets) for key, sets in found.items()}


def searches(query, slugs):
    """{(local authority code, art form slug): searches in the period}, in one grouped query.

    The log is grouped by authority and stored art-form list (",dance,music,"): there are few
    distinct lists, so the rows are few, and each list is split here once. One scan of the
    log (read from its covering index) instead of one LIKE per art form."""
    logs = SearchLog.objects.exclude(local_authority_code="").exclude(art_forms="")
    if query.days:
        logs = logs.filter(searched_at__gte=timezone.now() - timedelta(days=query.days))
    counts = logs.values_list("local_authority_code", "art_forms").annotate(Count("pk")).order_by()
    wanted = set(slugs)
    found = {}
    for code, stored, count in counts:
        for slug in set(as_list(stored)) & wanted:
            found[(code, slug)] = found.get((code, slug), 0) + count
    return found


def status(total, searched):
    if not total:
        return _("Cold spot: nothing on offer")
    if searched and total / searched < THIN_RATIO:
        return _("Thin: few activities for the searches made")
    return ""


def coverage_rows(query):
    """One row per local authority and art form (dicts, ready for the table and exports)."""
    forms = art_forms(query)
    places = list(authorities(query))
    offered = provision(query) if places else {}
    searched = searches(query, [slug for slug, _name in forms])
    rows = []
    for place in places:
        region = place.parent if place.parent and place.parent.kind == Place.Kind.REGION else None
        nation = region.parent if region else place.parent
        for slug, name in forms:
            venue, school, online, total, providers = offered.get((place.pk, slug), (0,) * 5)
            count = searched.get((place.code, slug), 0)
            rows.append(
                {
                    "code": place.code,
                    "authority": place.name,
                    "region": region.name if region else "",
                    "nation": nation.name if nation else "",
                    "art_form": name,
                    "art_form_slug": slug,
                    "at_venues": venue,
                    "to_schools": school,
                    "online": online,
                    "total": total,
                    "providers": providers,
                    "searches": count,
                    # Empty, not 0, when nobody searched: no demand is not the same as no supply.
                    "per_search": round(total / count, 2) if count else "",
                    "status": status(total, count),
                    "cold": not total,
                    "latitude": place.latitude,
                    "longitude": place.longitude,
                }
            )
    return rows
