"""The family's withdrawal path: the public form on the showcase index, its confirmation page,
and the email that tells the safeguarding team a request is waiting.

The email says only that a request arrived and where to read it in the admin. What the family
wrote (names, contact details, the work) stays in the database, behind the reviewers' admin
permission, rather than copied into mailboxes that the programme cannot erase on request.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import is_ratelimited
from wagtail.models import Site

from showcase.models.withdrawals import WithdrawalRequest

RATE_LIMIT_GROUP = "showcase.WithdrawalRequest.submit"
REVIEWERS = "Safeguarding reviewers"


def is_rate_limited(request, increment=False):
    """The same per-address limit as the site's other public forms. Only accepted requests
    count, so a family correcting a mistake is never locked out."""
    return is_ratelimited(
        request,
        group=RATE_LIMIT_GROUP,
        key="ip",
        rate=settings.FORM_SUBMISSION_RATE,
        increment=increment,
    )


def team_addresses():
    """Where the team is told: ``SAFEGUARDING_EMAILS`` if set, otherwise every active member
    of the safeguarding reviewers group with an email address."""
    configured = list(getattr(settings, "SAFEGUARDING_EMAILS", []) or [])
    if configured:
        return configured
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    users = users.filter(Q(groups__name=REVIEWERS) | Q(is_superuser=True)).distinct()
    return sorted({user.email for user in users})


def admin_url(withdrawal):
    path = reverse("showcase_withdrawalrequest:edit", args=(withdrawal.pk,))
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def notify_team(withdrawal):
    recipients = team_addresses()
    if not recipients:
        return 0
    subject = _("Withdrawal request %(reference)s: take-down needed") % {
        "reference": withdrawal.reference
    }
    body = _(
        "A family has asked for a child's work to be taken down or for consent to be "
        "withdrawn (request %(reference)s).\n\n"
        "Read it and act on it in the admin: %(url)s\n\n"
        "The family has been told that the work comes down by the end of the next working day "
        "and that we reply within two working days."
    ) % {"reference": withdrawal.reference, "url": admin_url(withdrawal)}
    return send_mail(str(subject), str(body), None, recipients)


def record_request(form, request):
    withdrawal = form.save(commit=False)
    withdrawal.site = Site.find_for_request(request)
    withdrawal.language = getattr(request, "LANGUAGE_CODE", "")[:8]
    withdrawal.save()
    notify_team(withdrawal)
    return withdrawal


__all__ = ["WithdrawalRequest", "is_rate_limited", "notify_team", "record_request"]
