"""The insights reports in the admin's Reports menu, and the permission that opens them."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from core.bootstrap import DEMO_CONTENT
from core.cache import do_not_cache
from core.events import DIRECTORY_SEARCHED
from core.live_figures import LIVE_FIGURES
from insights.coverage_views import CoverageReport
from insights.experiences_views import ExperiencesReport
from insights.permissions import can_view_insights


@hooks.register("register_permissions")
def insights_permission():
    return Permission.objects.filter(content_type__app_label="insights", codename="view_insights")


# Every directory search, once, into the search log (insights.search_log says what is kept).
# A search with filters is never stored by the page cache (core/cache.py): a copy served from
# it would never reach the log. The bare directory, with no filters, may be: it says nothing
# about what anyone looked for.
@hooks.register(DIRECTORY_SEARCHED)
def log_directory_search(request, filters, results):
    from insights.search_log import record_search

    if request.GET:
        do_not_cache(request, "a search the search log must see")
    record_search(request, filters, results)


# Reports > Unmet demand: the searches that found nothing (insights.unmet_demand).
@hooks.register("register_admin_urls")
def unmet_demand_urls():
    from django.urls import path

    from insights.unmet_demand_views import UnmetDemandReport

    return [
        path(
            "reports/unmet-demand/",
            UnmetDemandReport.as_view(),
            name="insights_unmet_demand",
        ),
        path(
            "reports/unmet-demand/results/",
            UnmetDemandReport.as_view(results_only=True),
            name="insights_unmet_demand_results",
        ),
    ]


class InsightsMenuItem(MenuItem):
    """Shown in the Reports menu only to those who may see insights."""

    def is_shown(self, request):
        return can_view_insights(request.user)


@hooks.register("register_reports_menu_item")
def unmet_demand_menu_item():
    return InsightsMenuItem(
        _("Unmet demand"),
        reverse("insights_unmet_demand"),
        name="insights-unmet-demand",
        icon_name="search",
        order=910,
    )


# After the directory's (20, 60) and the backpack's (40) demo content: searches over the demo
# activities, so the insights reports are not empty.
@hooks.register(DEMO_CONTENT, order=70)
def demo_searches(setup):
    from insights import demo_content

    demo_content.load(setup.stdout)


# Part B: Reports › Coverage and Reports › Experiences per pupil.


@hooks.register("register_admin_urls")
def coverage_and_experiences_urls():
    return [
        path("reports/coverage/", CoverageReport.as_view(), name="insights_coverage"),
        path(
            "reports/coverage/results/",
            CoverageReport.as_view(results_only=True),
            name="insights_coverage_results",
        ),
        path("reports/experiences/", ExperiencesReport.as_view(), name="insights_experiences"),
        path(
            "reports/experiences/results/",
            ExperiencesReport.as_view(results_only=True),
            name="insights_experiences_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def coverage_menu_item():
    return InsightsMenuItem(
        "Coverage",
        reverse("insights_coverage"),
        name="insights-coverage",
        icon_name="site",
        order=960,
    )


@hooks.register("register_reports_menu_item")
def experiences_menu_item():
    return InsightsMenuItem(
        _("Experiences per pupil"),
        reverse("insights_experiences"),
        name="insights-experiences",
        icon_name="group",
        order=961,
    )


# Live figures for stories and pages (core/live_figures.py shows them; insights.live_figures
# computes them).
@hooks.register(LIVE_FIGURES)
def insights_live_figures():
    from insights.live_figures import source

    return source()
