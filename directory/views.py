"""The directory page's response: validate the query string, search, render."""

from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from directory.forms import TAXONOMY_FILTERS, WHOLE_UK, DirectorySearchForm
from directory.search import Filters, activity_scope, search_activities
from places.nations import nation_code_for_request

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


def _without(query_dict, keys, form):
    """The query string with some filters dropped, meaning what the counts beside it mean.

    On a regional site a search with no place starts from the nation, so the nation chosen by
    default is written out, and a search left with neither place nor postcode asks for the
    whole UK.
    """
    query = query_dict.copy()
    if form.default_nation is not None:
        query["place"] = form.default_nation.code
    for key in [*keys, "page"]:
        query.pop(key, None)
    if form.nation_code and not query.get("place") and not query.get("postcode"):
        query["place"] = WHOLE_UK
    return query.urlencode()


def serve_directory(page, request):
    nation_code = nation_code_for_request(request)
    form = DirectorySearchForm(request.GET, nation_code=nation_code)
    data = form.valid_data()
    filters = Filters.from_cleaned_data(data)
    results = search_activities(activity_scope(page, Locale.get_active()), filters, nation_code)

    facet_options = {}
    for name in TAXONOMY_FILTERS:
        counts = results.facets[name]
        chosen = set(getattr(filters, name))
        facet_options[name] = [
            {
                "value": slug,
                "label": label,
                "count": counts.get(slug, 0),
                "selected": slug in chosen,
            }
            for slug, label in form.fields[name].choices
            if counts.get(slug) or slug in chosen
        ]
    stage_options = [
        {
            "value": stage.slug,
            "label": stage.label,
            "count": results.facets["stage"].get(stage.slug, 0),
            "selected": filters.stage is not None and filters.stage.slug == stage.slug,
        }
        for stage in form.stages
    ]
    suggestions = [
        {
            "label": FILTER_LABELS[key][0],
            "count": count,
            "query": _without(request.GET, FILTER_LABELS[key][1], form),
        }
        for key, count in results.relaxations
    ]
    context = page.get_context(request)
    context.update(
        {
            "form": form,
            "filters": filters,
            "results": results,
            "facet_options": facet_options,
            "stage_options": stage_options,
            "suggestions": suggestions,
            "default_nation": form.default_nation,
            # Where a search with no place starts: the first choice of the place picker.
            "site_nation": _site_nation(nation_code, form.default_nation),
            "whole_uk_query": _without(request.GET, ["place"], form),
            "places": _place_choices(),
            # The nation a regional site starts from is not a filter the reader can clear.
            "has_filters": bool(
                filters.q
                or [
                    key
                    for key in filters.active_keys()
                    if key != "place" or not form.default_nation
                ]
            ),
        }
    )
    status = 400 if form.errors else 200
    return TemplateResponse(request, page.get_template(request), context, status=status)


def _site_nation(nation_code, default_nation):
    """The regional site's nation, named in the reader's language (None outside the regions)."""
    from places.models import Place

    if not nation_code:
        return None
    nation = default_nation or Place.objects.filter(code=nation_code).order_by("id").first()
    return nation.localized if nation else None


def _place_choices():
    """Places for the place picker, grouped by nation, in the reader's language where
    translated."""
    from places.models import Place

    locale = Locale.get_active()
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
