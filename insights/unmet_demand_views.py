"""Admin report: unmet demand (directory searches that found nothing), on screen and as CSV or
Excel. One view serves both tables, chosen by ``?by=keywords``; the exports follow the same
choice, so a download always holds the rows of the table on screen."""

from django.core.exceptions import PermissionDenied
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.defaults import permission_denied
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from insights.permissions import InsightsPermissionMixin, can_view_insights
from insights.spreadsheets import FastXlsxMixin
from insights.unmet_demand import BY_KEYWORDS, BY_PLACE, describe, unmet_groups

PLACE_COLUMNS = [
    ("place", _("Place")),
    ("place_code", _("Place code")),
    ("art_forms", _("Art forms")),
    ("stage", _("Stage")),
    ("last_30", _("Searches, last 30 days")),
    ("last_90", _("Searches, last 90 days")),
    ("latest", _("Latest search")),
    ("nearest", _("Nearest live activity in the art forms")),
    ("nearest_miles", _("Distance (miles)")),
]
KEYWORD_COLUMNS = [
    ("keywords", _("Keywords")),
    ("last_30", _("Searches, last 30 days")),
    ("last_90", _("Searches, last 90 days")),
    ("latest", _("Latest search")),
]


class UnmetDemandReport(InsightsPermissionMixin, FastXlsxMixin, ReportView):
    page_title = _("Unmet demand")
    header_icon = "search"
    index_url_name = "insights_unmet_demand"
    index_results_url_name = "insights_unmet_demand_results"
    results_template_name = "insights/unmet_demand_results.html"
    export_filename = "unmet-demand"
    no_results_message = _("Every directory search in the last 90 days found something.")
    # The permission is checked by InsightsPermissionMixin, not a model policy.
    permission_policy = None

    def dispatch(self, request, *args, **kwargs):
        # Wagtail's admin turns a raised PermissionDenied into a redirect to the dashboard; the
        # report (and its exports) must answer a plain 403 instead, so refuse before that.
        if not can_view_insights(request.user):
            return permission_denied(request, PermissionDenied())
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def by(self):
        return BY_KEYWORDS if self.request.GET.get("by") == BY_KEYWORDS else BY_PLACE

    @cached_property
    def _columns(self):
        return KEYWORD_COLUMNS if self.by == BY_KEYWORDS else PLACE_COLUMNS

    @property
    def list_export(self):
        return [name for name, _label in self._columns]

    @property
    def export_headings(self):
        return {name: str(label) for name, label in self._columns}

    @property
    def columns(self):
        return [Column(name, label=label) for name, label in self._columns]

    def get_filename(self):
        return f"{self.export_filename}-by-{self.by}"

    def get_queryset(self):
        # Grouped once: the paginator counts the groups from these rows instead of running
        # the GROUP BY a second time inside a COUNT(*).
        return list(unmet_groups(self.by))

    def paginate_queryset(self, queryset, page_size):
        # Only the rows on screen get their names and nearest offer looked up, and before the
        # table is built from them (ReportView decorates only after that).
        paginator, page, object_list, is_paginated = super().paginate_queryset(queryset, page_size)
        return paginator, page, describe(object_list, self.by), is_paginated

    def decorate_paginated_queryset(self, object_list):
        # An export is not paginated: every group is described here instead.
        return describe(object_list, self.by) if self.is_export else object_list

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["by"] = self.by
        return context
