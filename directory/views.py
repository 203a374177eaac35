"""The directory page's response: form -> filters -> search -> presenter -> template."""

from django.template.response import TemplateResponse
from wagtail.models import Locale

from directory.forms import DirectorySearchForm
from directory.search import TAXONOMY_FILTERS, Filters, activity_scope, presenter, search_activities
from places.nations import nation_code_for_request


def serve_directory(page, request):
    nation_code = nation_code_for_request(request)
    form = DirectorySearchForm(request.GET, nation_code=nation_code)
    filters = Filters.from_cleaned_data(form.valid_data())
    results = search_activities(activity_scope(page, Locale.get_active()), filters, nation_code)

    links = presenter.QueryLinks(request.GET, nation_code, form.default_nation)
    choices = {name: form.fields[name].choices for name in TAXONOMY_FILTERS}
    context = page.get_context(request)
    context.update(
        {
            "form": form,
            "filters": filters,
            "results": results,
            "facet_options": presenter.facet_options(results, filters, choices),
            "stage_options": presenter.stage_options(results, filters, form.stages),
            "suggestions": links.suggestions(results),
            "default_nation": form.default_nation,
            # Where a search with no place starts: the first choice of the place picker.
            "site_nation": presenter.site_nation(nation_code, form.default_nation),
            "whole_uk_query": links.without(["place"]),
            "places": presenter.place_choices(),
            "has_filters": presenter.has_filters(filters, form.default_nation),
        }
    )
    status = 400 if form.errors else 200
    return TemplateResponse(request, page.get_template(request), context, status=status)
