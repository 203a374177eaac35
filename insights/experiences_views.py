"""Reports › Experiences per pupil (see insights/experiences.py for what counts)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from backpack.models import Backpack
from insights import experiences
from insights.permissions import InsightsPermissionMixin
from insights.spreadsheets import FastXlsxMixin

COLUMNS = [
    ("name", _("Local authority")),
    ("classes", _("Classes with a backpack")),
    ("pupils", _("Pupils")),
    ("booked", _("Experiences booked")),
    ("done", _("Experiences done")),
    ("on_track", _("Classes on track for five")),
    ("on_track_share", _("Share on track (%)")),
]


class ExperiencesReport(InsightsPermissionMixin, FastXlsxMixin, ReportView):
    """Per local authority in the table and exports; per nation and the providers' digest
    beside it on the screen."""

    page_title = _("Experiences per pupil")
    header_icon = "group"
    template_name = "insights/admin/experiences_report.html"
    index_url_name = "insights_experiences"
    index_results_url_name = "insights_experiences_results"
    paginate_by = 100
    no_results_message = _("No data yet: no class has a backpack.")
    list_export = [name for name, _label in COLUMNS]
    export_headings = dict(COLUMNS)
    columns = [Column(name, label=label) for name, label in COLUMNS]

    def get_base_queryset(self):
        return experiences.by_authority()

    def order_queryset(self, queryset):
        return queryset

    def filter_queryset(self, queryset):
        return queryset

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["has_data"] = Backpack.objects.exists()
        context["nations"] = experiences.by_nation()
        context["digest"] = experiences.provider_digest()
        context["on_track"] = experiences.ON_TRACK
        return context
