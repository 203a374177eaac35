import random

from django.conf import settings
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page, Site
from wagtail.search.utils import normalise_query_string

from search.forms import SiteSearchForm
from search.query import search_terms

RESULTS_PER_PAGE = 10


def searchable_pages(request):
    """Live, public pages of the current site in the reader's language.

    A site's tree holds one language; its translations are sibling trees rooted at the
    translations of the site's home page, so the search root is the home page's translation.
    """
    site = Site.find_for_request(request)
    if site is None:
        return Page.objects.none()
    locale = Locale.get_active()
    root = site.root_page.get_translations(inclusive=True).filter(locale=locale).first()
    if root is None:
        return Page.objects.none()
    return Page.objects.live().public().descendant_of(root, inclusive=True).filter(locale=locale)


def promoted_results(query_string, pages):
    """Editors' picks for this query, limited to pages the reader may see here.

    Looks the query up without creating it, so arbitrary queries do not add rows.
    """
    query = Query.objects.filter(query_string=normalise_query_string(query_string)).first()
    if query is None:
        return []
    picks = query.editors_picks.select_related("page").order_by("sort_order")
    picks = list(picks)
    page_ids = [pick.page_id for pick in picks if pick.page_id]
    visible_ids = set(pages.filter(pk__in=page_ids).values_list("pk", flat=True))
    return [
        pick
        for pick in picks
        if pick.page_id in visible_ids or (not pick.page_id and pick.external_link_url)
    ]


def _with_sections(results):
    """The results, each given the title of the page it sits under (an activity's provider, a
    story's index), so results with the same title can be told apart. One query per page."""
    results = list(results)
    parents = {
        page.path: page.title
        for page in Page.objects.filter(
            path__in={result.path[: -result.steplen] for result in results}, depth__gt=2
        ).only("path", "title")
    }
    for result in results:
        result.section_title = parents.get(result.path[: -result.steplen])
    return results


def record_hit(request, query_string, found):
    """Count the search for the editors' "Popular search terms" report, without letting
    anonymous traffic grow the database at will.

    Each new query adds a row (and one per query per day): a crawler sending endless distinct
    queries would add rows without limit. So a signed-in user's search is always counted; an
    anonymous one only when it found something (random strings find nothing) and then one in
    ``SEARCH_HIT_SAMPLE``: popular terms still rise to the top in proportion, at a tenth of the
    writes, and nonsense never reaches the table.
    """
    if not request.user.is_authenticated:
        if not found:
            return
        sample = settings.SEARCH_HIT_SAMPLE
        # Not a secret: sampling only needs to be unbiased.
        if sample > 1 and random.randrange(sample) != 0:  # noqa: S311
            return
    Query.get(query_string).add_hit()


def search(request):
    form = SiteSearchForm(request.GET)
    query_string = ""
    results_page = None
    promotions = []
    status = 200
    if form.is_valid():
        query_string = form.cleaned_data["q"].strip()
        terms = search_terms(query_string)
        if query_string:
            pages = searchable_pages(request)
            results = pages.specific().search(terms, operator="and") if terms else pages.none()
            paginator = Paginator(results, RESULTS_PER_PAGE)
            results_page = paginator.get_page(form.cleaned_data["page"] or 1)
            results_page.object_list = _with_sections(results_page.object_list)
            promotions = promoted_results(query_string, pages)
            record_hit(request, query_string, found=paginator.count > 0)
    else:
        status = 400

    return TemplateResponse(
        request,
        "search/search.html",
        {
            "form": form,
            "search_query": query_string,
            "results_page": results_page,
            "promotions": promotions,
        },
        status=status,
    )
