"""The insights reports in the admin's Reports menu, and the permission that opens them."""

from django.contrib.auth.models import Permission
from wagtail import hooks


@hooks.register("register_permissions")
def insights_permission():
    return Permission.objects.filter(content_type__app_label="insights", codename="view_insights")


# Part B: Reports › Coverage and Reports › Experiences per pupil.
from django.urls import path, reverse  # noqa: E402
from django.utils.translation import gettext_lazy as _  # noqa: E402
from wagtail.admin.menu import MenuItem  # noqa: E402

from insights.coverage_views import CoverageReport  # noqa: E402
from insights.experiences_views import ExperiencesReport  # noqa: E402
from insights.permissions import can_view_insights  # noqa: E402


class InsightsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_insights(request.user)


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
