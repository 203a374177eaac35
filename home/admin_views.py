"""Reports › Mailing list: the confirmed addresses, for editors to export (CSV or Excel)."""

from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from home.models import Subscriber


class MailingListReport(ReportView):
    page_title = gettext_lazy("Mailing list")
    header_icon = "mail"
    index_url_name = "mailing_list_report"
    index_results_url_name = "mailing_list_report_results"
    permission_policy = ModelPermissionPolicy(Subscriber)
    any_permission_required = ["view"]
    no_results_message = gettext_lazy("Nobody has confirmed a sign-up yet.")
    list_export = ["email", "answers_text", "language", "confirmed_at"]
    export_headings = {
        "email": gettext_lazy("Email address"),
        "answers_text": gettext_lazy("Answers"),
        "language": gettext_lazy("Language"),
        "confirmed_at": gettext_lazy("Confirmed"),
    }
    columns = [
        Column("email", label=gettext_lazy("Email address")),
        Column("answers_text", label=gettext_lazy("Answers")),
        Column("language", label=gettext_lazy("Language")),
        DateColumn("confirmed_at", label=gettext_lazy("Confirmed")),
    ]

    def get_queryset(self):
        # Only confirmed addresses are ever stored (home/mailing_list.py), so this is the list.
        return Subscriber.objects.order_by("-confirmed_at")
