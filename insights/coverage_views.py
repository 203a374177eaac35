"""Reports › Coverage: the table of local authorities × art forms, its map, and its CSV and
Excel exports (Wagtail's report view writes both from the same rows as the screen;
insights/spreadsheets.py writes the Excel file)."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from directory.models import ArtForm, Format
from insights.coverage import CoverageQuery, coverage_rows
from insights.coverage_map import HEIGHT, WIDTH, map_dots
from insights.permissions import InsightsPermissionMixin
from insights.spreadsheets import FastXlsxMixin
from places.models import Place
from places.stages import STAGES_BY_NATION, stages_for

PERIODS = [
    ("30", _("Last 30 days")),
    ("90", _("Last 90 days")),
    ("365", _("Last year")),
    ("all", _("All")),
]


def _english_choices(queryset, key="code"):
    return [("", _("All"))] + list(
        queryset.filter(locale__language_code=settings.LANGUAGE_CODE).values_list(key, "name")
    )


class CoverageFilterForm(forms.Form):
    nation = forms.ChoiceField(label=_("Nation"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    art_form = forms.ChoiceField(label=_("Art form"), required=False)
    stage = forms.ChoiceField(
        label=_("Stage"),
        required=False,
        help_text=_("Key stages of the nation chosen (England's by default)."),
    )
    format = forms.ChoiceField(label=_("Format"), required=False)
    period = forms.ChoiceField(label=_("Period"), choices=PERIODS, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nation"].choices = _english_choices(
            Place.objects.filter(kind=Place.Kind.NATION).order_by("name")
        )
        self.fields["region"].choices = _english_choices(
            Place.objects.filter(kind=Place.Kind.REGION).order_by("name")
        )
        self.fields["art_form"].choices = _english_choices(
            ArtForm.objects.order_by("sort_order", "name"), key="slug"
        )
        self.fields["format"].choices = _english_choices(
            Format.objects.order_by("sort_order", "name"), key="slug"
        )
        slugs = {
            stage.slug: str(stage.label) for group in STAGES_BY_NATION.values() for stage in group
        }
        self.fields["stage"].choices = [("", _("All")), *sorted(slugs.items())]

    def clean(self):
        data = super().clean()
        slug = data.get("stage")
        if slug:
            found = [s for s in stages_for(data.get("nation") or None) if s.slug == slug]
            if not found:
                self.add_error("stage", _("That stage is not one of the chosen nation's."))
            else:
                data["stage"] = found[0]
        return data

    def query(self):
        """The validated query; the defaults when the form is invalid."""
        if not self.is_valid():
            return CoverageQuery()
        data = self.cleaned_data
        period = data.get("period") or "90"
        return CoverageQuery(
            nation=data.get("nation") or "",
            region=data.get("region") or "",
            art_form=data.get("art_form") or "",
            stage=data.get("stage") or None,
            format=data.get("format") or "",
            days=None if period == "all" else int(period),
        )


COLUMNS = [
    ("authority", _("Local authority")),
    ("region", _("Region")),
    ("nation", _("Nation")),
    ("art_form", _("Art form")),
    ("at_venues", _("At venues")),
    ("to_schools", _("Come to schools")),
    ("online", _("Online")),
    ("total", _("All activities")),
    ("providers", _("Providers")),
    ("searches", _("Searches")),
    ("per_search", _("Activities per search")),
    ("status", _("Cold spot")),
]


class CoverageReport(InsightsPermissionMixin, FastXlsxMixin, ReportView):
    page_title = _("Coverage")
    header_icon = "site"
    template_name = "insights/admin/coverage_report.html"
    index_url_name = "insights_coverage"
    index_results_url_name = "insights_coverage_results"
    paginate_by = 100
    default_ordering = "total"
    no_results_message = _("No local authority matches these filters.")
    list_export = [name for name, _label in COLUMNS]
    export_headings = dict(COLUMNS)
    columns = [Column(name, label=label, sort_key=name) for name, label in COLUMNS]

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.filter_form = CoverageFilterForm(request.GET or None)
        self.coverage_query = self.filter_form.query()

    def get_base_queryset(self):
        return coverage_rows(self.coverage_query)

    def filter_queryset(self, queryset):
        return queryset  # the filters were applied when the rows were counted

    def order_queryset(self, queryset):
        ordering = self.ordering or self.default_ordering
        key = ordering.lstrip("-")

        def sort_key(row):
            value = row[key]
            # Empty ratios (nobody searched) sort as the smallest, like an empty cell would.
            return (value != "", value if value != "" else 0, row["authority"])

        return sorted(queryset, key=sort_key, reverse=ordering.startswith("-"))

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["filter_form"] = self.filter_form
        context["dots"] = map_dots(self.object_list)
        context["map_width"] = WIDTH
        context["map_height"] = HEIGHT
        return context
