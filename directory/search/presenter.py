"""What the directory page shows of a search: facet options with their counts, the empty
state's suggestions, and the place picker.

It reads results and filters, and the choices the page offers (passed in, so this package
never imports the form layer).
"""

from dataclasses import replace

from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from core.site_cache import remember
from directory.search.filters import TAXONOMY_FILTERS, WHOLE_UK
from places.models import Place

# What a suggestion in the empty state calls each filter, and the query-string keys it drops.
FILTER_LABELS = {
    "place": (_("the place"), ["place"]),
    "postcode": (_("the postcode"), ["postcode", "radius"]),
    "stage": (_("the school stage"), ["stage"]),
    "age": (_("the age"), ["age", "age_from", "age_to"]),
    "date_from": (_("the dates"), ["date_from", "date_to"]),
    "max_price": (_("the maximum price"), ["max_price"]),
    "art_form": (_("the art forms"), ["art_form"]),
    "format": (_("the formats"), ["format"]),
    "access": (_("the access needs"), ["access"]),
    "language": (_("the languages"), ["language"]),
    "free": (_("“free only”"), ["free"]),
    "in_care": (_("“suitable for children in care”"), ["in_care"]),
    "cpd": (_("“professional development”"), ["cpd"]),
}


def facet_options(results, filters, choices):
    """For each taxonomy filter, the options worth showing: those with matches, and those
    chosen. ``choices`` maps a filter name to its (slug, label) pairs in display order."""
    options = {}
    for name in TAXONOMY_FILTERS:
        counts = results.facets[name]
        chosen = set(getattr(filters, name))
        options[name] = [
            {
                "value": slug,
                "label": label,
                "count": counts.get(slug, 0),
                "selected": slug in chosen,
            }
            for slug, label in choices[name]
            if counts.get(slug) or slug in chosen
        ]
    return options


def stage_options(results, filters, stages):
    return [
        {
            "value": stage.slug,
            "label": stage.label,
            "count": results.facets["stage"].get(stage.slug, 0),
            "selected": filters.stage is not None and filters.stage.slug == stage.slug,
        }
        for stage in stages
    ]


class QueryLinks:
    """Links that change the reader's query string, meaning what the counts beside them mean.

    On a regional site a search with no place starts from the nation, so the nation chosen by
    default is written out, and a search left with neither place nor postcode asks for the
    whole UK.
    """

    def __init__(self, query_dict, nation_code=None, default_nation=None):
        self.query_dict = query_dict
        self.nation_code = nation_code
        self.default_nation = default_nation

    def without(self, keys):
        query = self.query_dict.copy()
        if self.default_nation is not None:
            query["place"] = self.default_nation.code
        for key in [*keys, "page"]:
            query.pop(key, None)
        if self.nation_code and not query.get("place") and not query.get("postcode"):
            query["place"] = WHOLE_UK
        return query.urlencode()

    def suggestions(self, results):
        """For an empty result: each filter whose removal would find something, and how many."""
        return [
            {
                "label": FILTER_LABELS[key][0],
                "count": count,
                "query": self.without(FILTER_LABELS[key][1]),
            }
            for key, count in results.relaxations
        ]


def has_filters(filters, default_nation):
    """Whether the reader narrowed the search (the nation a regional site starts from is not a
    filter the reader can clear)."""
    return bool(
        filters.q or [key for key in filters.active_keys() if key != "place" or not default_nation]
    )


def site_nation(nation_code, default_nation):
    """The regional site's nation, named in the reader's language (None outside the regions)."""
    if not nation_code:
        return None
    nation = default_nation or Place.objects.filter(code=nation_code).order_by("id").first()
    return nation.localized if nation else None


def place_choices():
    """Places for the place picker, grouped by nation, in the reader's language where
    translated. The same on every directory page in a language: kept in the site cache
    (core/site_cache.py), which a saved or deleted place drops (places/wagtail_hooks.py)."""
    locale = Locale.get_active()
    return remember(("place-choices", locale.pk), lambda: _place_choices(locale))


def _place_choices(locale):
    chosen = {}
    for place in Place.objects.only("code", "name", "kind", "lineage", "locale_id").order_by(
        "lineage"
    ):
        if place.code not in chosen or place.locale_id == locale.pk:
            chosen[place.code] = place
    groups = {}
    for place in sorted(
        chosen.values(), key=lambda p: (p.lineage.split("/")[1], p.kind != "nation", p.name)
    ):
        nation = chosen.get(place.nation_code)
        groups.setdefault(nation.name if nation else place.nation_code, []).append(place)
    return groups


# The empty state's further suggestions: a wider radius, a neighbouring art form or stage, and
# the nearest activities that would match, each with how far away it is.
NEAREST_SHOWN = 3
# Far enough to cover the whole UK from any postcode: how far the nearest match is, when no
# radius the reader can choose finds one.
ANYWHERE_RADIUS_MILES = 1000


def _query_with(query_dict, **values):
    query = query_dict.copy()
    query.pop("page", None)
    for key, value in values.items():
        query.setlist(key, value if isinstance(value, list) else [str(value)])
    return query.urlencode()


def wider_radius(search, scope, filters, nation_code, query_dict, radii):
    """For an empty search near a postcode: the first of the larger ``radii`` (miles) that finds
    something, with how many it finds and a link to them, and the nearest matches with their
    distances (from anywhere, when no radius finds one, and then also activities with no
    venue, saying where they come to). ``search`` is the directory search
    (``search_activities``), passed in so this module keeps to presenting."""
    if not filters.postcode:
        return None
    for radius in sorted(r for r in radii if r > filters.radius):
        wider = replace(filters, radius=radius, sort="nearest", page=1)
        found = search(scope, wider, nation_code, NEAREST_SHOWN)
        if found.total:
            return {
                "radius": radius,
                "count": found.total,
                "query": _query_with(query_dict, radius=radius),
                "nearest": _nearest(found),
            }
    found = search(
        scope,
        replace(filters, radius=ANYWHERE_RADIUS_MILES, sort="nearest", page=1),
        nation_code,
        NEAREST_SHOWN,
    )
    nearest = _nearest(found)
    if len(nearest) < NEAREST_SHOWN:
        # Activities with no venue have no distance: say where they come to instead.
        elsewhere = search(scope, replace(filters, postcode=None, page=1), nation_code, 10)
        shown = {item["activity"].pk for item in nearest}
        nearest += [
            {"activity": activity, "distance": None}
            for activity in elsewhere.page.object_list
            if activity.pk not in shown and activity.latitude is None
        ][: NEAREST_SHOWN - len(nearest)]
    if not nearest:
        return None
    return {"radius": None, "count": found.total, "query": None, "nearest": nearest}


def _nearest(found):
    return [
        {"activity": activity, "distance": found.distances.get(activity.pk)}
        for activity in found.page.object_list
    ]


def neighbouring_choices(results, filters, choices, stages, query_dict, limit=2):
    """For an empty search with an art form or a stage chosen: the other art forms, and the
    stages either side of the one chosen, that would find something with every other choice
    kept, most matches first."""
    suggestions = []
    if filters.art_form:
        counts = results.facets["art_form"]
        chosen = set(filters.art_form)
        others = sorted(
            (
                (counts.get(slug, 0), label, slug)
                for slug, label in choices["art_form"]
                if slug not in chosen and counts.get(slug)
            ),
            key=lambda row: (-row[0], row[1]),
        )
        for count, label, slug in others[:limit]:
            suggestions.append(
                {"label": label, "count": count, "query": _query_with(query_dict, art_form=[slug])}
            )
    if filters.stage is not None:
        slugs = [stage.slug for stage in stages]
        if filters.stage.slug in slugs:
            at = slugs.index(filters.stage.slug)
            counts = results.facets["stage"]
            for stage in [stages[i] for i in (at - 1, at + 1) if 0 <= i < len(stages)]:
                if counts.get(stage.slug):
                    suggestions.append(
                        {
                            "label": stage.label,
                            "count": counts[stage.slug],
                            "query": _query_with(query_dict, stage=stage.slug),
                        }
                    )
    return suggestions
