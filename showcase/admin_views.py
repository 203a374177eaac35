"""Admin views for safeguarding review and consent operations."""

import json
from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy

from showcase.forms import EraseForm, ReviewForm, WithdrawForm, consent_problems
from showcase.images import render
from showcase.models import Artwork, Child, ConsentRecord
from showcase.models.pages import MAX_ID, never_kept
from showcase.subject_rights import erase_child, export_child

EXPIRY_WINDOW_DAYS = 30


def _get(model, pk):
    """get_object_or_404 that also answers 404 for ids too large for the database."""
    if pk > MAX_ID:
        raise Http404
    return get_object_or_404(model, pk=pk)


def _require(request, permission):
    if not request.user.has_perm(permission):
        raise PermissionDenied


def review_artwork(request, pk):
    """Approve or send back a work, with the safeguarding checklist."""
    _require(request, "showcase.review_artwork")
    artwork = _get(Artwork, pk)
    form = ReviewForm(request.POST or None, artwork=artwork)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["decision"] == "approve":
            artwork.status = Artwork.Status.APPROVED
            artwork.reviewed_by = request.user
            artwork.reviewed_at = timezone.now()
            action = "showcase.approved"
            messages.success(request, _("“%(title)s” is approved.") % {"title": artwork.title})
        else:
            artwork.status = Artwork.Status.REJECTED
            artwork.reviewed_by = request.user
            artwork.reviewed_at = timezone.now()
            action = "showcase.sent_back"
            messages.warning(request, _("“%(title)s” was sent back.") % {"title": artwork.title})
        artwork.save()
        log(
            artwork,
            action,
            user=request.user,
            data={
                "checklist": {name: form.cleaned_data[name] for name, _l in ReviewForm.CHECKLIST},
                "note": form.cleaned_data["note"],
            },
        )
        return redirect("showcase_artwork:list")
    return TemplateResponse(
        request,
        "showcase/admin/review.html",
        {
            "artwork": artwork,
            "form": form,
            "problems": consent_problems(artwork),
            "preview_url": reverse("showcase_admin_preview", args=(artwork.pk,))
            if artwork.image
            else "",
        },
    )


@require_GET
def preview_artwork(request, pk):
    """The picture for editors and reviewers, whatever its consent state: the admin needs to
    see a work to review it. Signed-in staff with view permission only, never cached."""
    _require(request, "showcase.view_artwork")
    artwork = _get(Artwork, pk)
    if not artwork.image:
        raise Http404
    # Made in memory, never stored: a work under review must leave no file behind.
    response = HttpResponse(render(artwork, "full"), content_type="image/jpeg")
    return never_kept(response)


def withdraw_consent(request, pk):
    """One action: a new ledger entry withdrawing all consent for this child."""
    _require(request, "showcase.add_consentrecord")
    child = _get(Child, pk)
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ConsentRecord.objects.create(
            child=child, kind=ConsentRecord.Kind.WITHDRAWN, recorded_by=request.user
        )
        messages.success(
            request,
            _("Consent withdrawn for %(child)s. Their work is no longer shown anywhere.")
            % {"child": child.reference},
        )
        return redirect("showcase_child:list")
    return TemplateResponse(
        request,
        "showcase/admin/withdraw.html",
        {"child": child, "form": form, "works": child.artworks.all()},
    )


@require_GET
def export_child_data(request, pk):
    _require(request, "showcase.change_child")
    child = _get(Child, pk)
    log(child, "showcase.exported", user=request.user)
    response = HttpResponse(
        json.dumps(export_child(child), indent=2, ensure_ascii=False),
        content_type="application/json",
    )
    response["Content-Disposition"] = f'attachment; filename="{child.reference}.json"'
    return never_kept(response)


def erase_child_data(request, pk):
    _require(request, "showcase.delete_child")
    child = _get(Child, pk)
    form = EraseForm(request.POST or None, child=child)
    if request.method == "POST" and form.is_valid():
        deleted = erase_child(child, user=request.user)
        messages.success(
            request,
            _("Everything held about that child has been erased (%(count)s works).")
            % {"count": deleted},
        )
        return redirect("showcase_child:list")
    return TemplateResponse(
        request,
        "showcase/admin/erase.html",
        {"child": child, "form": form, "works": child.artworks.all()},
    )


def expiring_consents(now=None, days=EXPIRY_WINDOW_DAYS):
    """Newest ledger entries that are consents running out within ``days``."""
    from django.db.models import OuterRef, Subquery

    now = now or timezone.now()
    newest = ConsentRecord.objects.filter(child=OuterRef("child")).order_by("-pk").values("pk")[:1]
    return (
        ConsentRecord.objects.filter(pk=Subquery(newest))
        .filter(
            kind=ConsentRecord.Kind.GIVEN,
            expires_at__gt=now,
            expires_at__lte=now + timedelta(days=days),
        )
        .select_related("child", "site")
        .order_by("expires_at")
    )


def expiry_date(record):
    """The day consent runs out, as a date. Wagtail's date column speaks in time since (made for
    past edits), which turns a date three weeks ahead into "Just now"; a reviewer needs the
    day by which to ask the family again."""
    return date_format(timezone.localtime(record.expires_at), "j F Y")


class ExpiringConsentReport(ReportView):
    page_title = gettext_lazy("Consent expiring within 30 days")
    header_icon = "warning"
    index_url_name = "showcase_expiring_consent"
    index_results_url_name = "showcase_expiring_consent_results"
    permission_policy = ModelPermissionPolicy(ConsentRecord)
    any_permission_required = ["add", "change", "view"]
    no_results_message = gettext_lazy("No consent runs out in the next 30 days.")
    list_export = ["child", "given_by", "notice_version", "expires_at"]
    columns = [
        Column("child", label=gettext_lazy("Child")),
        Column("get_given_by_display", label=gettext_lazy("Given by")),
        Column("notice_version", label=gettext_lazy("Notice version")),
        Column("expires_at", label=gettext_lazy("Expires"), accessor=expiry_date),
    ]

    def get_queryset(self):
        return expiring_consents()
