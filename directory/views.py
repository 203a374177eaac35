"""The directory page's response: form -> filters -> search -> presenter -> template."""

from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from wagtail.models import Locale

from core.events import DIRECTORY_SEARCHED, announce
from core.fragments import when_shown
from directory.forms import RADIUS_CHOICES, DirectorySearchForm, resolve_where
from directory.search import TAXONOMY_FILTERS, Filters, activity_scope, presenter, search_activities
from places.nations import nation_code_for_request

SHOWN_ONLY_IN_KEPT_PARTS = (
    "facet_options",
    "stage_options",
    "suggestions",
    "wider",
    "neighbours",
    "chosen_count",
    "site_nation",
    "whole_uk_query",
    "places",
    "has_filters",
)


def quick_search_redirect(page, request):
    """The directory's own address for a quick search (home hero, "directory search" block):
    the "postcode or place" box becomes a postcode or a place, and empty fields are dropped,
    so the address is the one the directory's filters would give and can be shared. The
    fragment takes the reader to the results summary, with or without JavaScript."""
    query = request.GET.copy()
    where = query.pop("where", [""])[-1].strip()
    for key in list(query):
        values = [value for value in query.getlist(key) if value.strip()]
        if values:
            query.setlist(key, values)
        else:
            del query[key]
    if where:
        key, value = resolve_where(where)
        query[key] = value
    address = page.get_url(request)
    return HttpResponseRedirect(
        f"{address}?{query.urlencode()}#results-heading" if query else address
    )


def serve_directory(page, request):
    if "where" in request.GET:
        return quick_search_redirect(page, request)
    nation_code = nation_code_for_request(request)
    form = DirectorySearchForm(request.GET, nation_code=nation_code)
    filters = Filters.from_cleaned_data(form.valid_data())
    scope = activity_scope(page, Locale.get_active())
    results = search_activities(scope, filters, nation_code)
    announce(DIRECTORY_SEARCHED, request, filters, results)

    def shown():
        links = presenter.QueryLinks(request.GET, nation_code, form.default_nation)
        choices = {name: form.fields[name].choices for name in TAXONOMY_FILTERS}
        return {
            "facet_options": presenter.facet_options(results, filters, choices),
            "stage_options": presenter.stage_options(results, filters, form.stages),
            "suggestions": links.suggestions(results),
            "wider": (
                presenter.wider_radius(
                    search_activities,
                    scope,
                    filters,
                    nation_code,
                    request.GET,
                    [value for value, _label in RADIUS_CHOICES],
                )
                if results.total == 0
                else None
            ),
            "neighbours": (
                presenter.neighbouring_choices(results, filters, choices, form.stages, request.GET)
                if results.total == 0
                else []
            ),
            # How many choices the reader made, for the collapsed filters panel's label.
            "chosen_count": len(filters.active_keys())
            + bool(filters.q)
            - bool(form.default_nation),
            # Where a search with no place starts: the first choice of the place picker.
            "site_nation": presenter.site_nation(nation_code, form.default_nation),
            "whole_uk_query": links.without(["place"]),
            "places": presenter.place_choices(),
            "has_filters": presenter.has_filters(filters, form.default_nation),
        }

    context = page.get_context(request)
    context.update(
        {
            "form": form,
            "filters": filters,
            "results": results,
            "default_nation": form.default_nation,
        }
    )
    # What only the page's kept parts show (core/fragments.py), computed only when one of them
    # is rendered: the search itself runs every time (the search log records it).
    context.update(when_shown(shown, *SHOWN_ONLY_IN_KEPT_PARTS))
    status = 400 if form.errors else 200
    return TemplateResponse(request, page.get_template(request), context, status=status)
