"""Booking requests: a school asks a provider for an activity; the provider answers in the
admin; the school's backpack follows.

The provider's email carries what it needs to reply (the school's request and contact), since
replying is the point; the teacher's email carries the provider's answer. Contact details are
erased later by ``backpack_retention``.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_ratelimit.core import get_usage

from backpack.models import BookingRequest, RequestStatus, Status

RATE_LIMIT_GROUP = "backpack.BookingRequest.submit"

# The provider's answer moves the class's plan along.
STATUS_AFTER_ANSWER = {
    RequestStatus.ACCEPTED: Status.BOOKED,
    RequestStatus.DECLINED: Status.IDEA,
    RequestStatus.MORE_INFORMATION: Status.REQUESTED,
}


def is_rate_limited(request, increment=False):
    """Whether this address has used up its requests. Only sent requests count (a teacher
    correcting a mistake is never locked out). django-ratelimit's own check without counting
    lets one more through than the rate says, so the stored count is compared here."""
    usage = get_usage(
        request,
        group=RATE_LIMIT_GROUP,
        key="ip",
        rate=settings.FORM_SUBMISSION_RATE,
        increment=increment,
    )
    if usage is None:
        return False
    return usage["should_limit"] if increment else usage["count"] >= usage["limit"]


def provider_address(activity, provider):
    """Where requests for ``activity`` go: the activity's booking email, else the provider's
    contact email; '' when neither is known (the request still waits in the admin)."""
    return activity.booking_email or (provider.contact_email if provider else "") or ""


def admin_url(booking):
    path = reverse("backpack_bookingrequest:edit", args=(booking.pk,))
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def record_request(form, activity, provider, experience, language):
    with transaction.atomic():
        booking = form.save(commit=False)
        booking.activity = activity
        booking.activity_title = activity.title
        booking.provider = provider
        booking.experience = experience
        booking.language = language[:8]
        booking.save()
        if experience is not None and experience.status == Status.IDEA:
            experience.status = Status.REQUESTED
            experience.save(update_fields=["status"])
            experience.backpack.touch()
    notify_provider(booking, provider_address(activity, provider))
    return booking


def notify_provider(booking, address):
    if not address:
        return 0
    # The provider reads in English unless told otherwise: the admin speaks English.
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Booking request: %(activity)s for %(school)s") % {
            "activity": booking.activity_title,
            "school": booking.school_name,
        }
        lines = [
            _("A school would like to book %(activity)s.") % {"activity": booking.activity_title},
            "",
            f"{_('School')}: {booking.school_name}",
            f"{_('Contact')}: {booking.contact_name} <{booking.email}>"
            + (f", {booking.phone}" if booking.phone else ""),
            f"{_('Preferred dates or term')}: {booking.preferred_dates}",
            f"{_('Pupils')}: {booking.pupils}; {_('adults')}: {booking.adults}",
            f"{_('Year group')}: {booking.year_group}",
        ]
        if booking.access_needs:
            lines.append(f"{_('Access needs')}: {booking.access_needs}")
        if booking.message:
            lines += ["", booking.message]
        lines += [
            "",
            _("Accept it, decline it or ask for more information in the admin: %(url)s")
            % {"url": admin_url(booking)},
        ]
    return send_mail(str(subject), "\n".join(lines), None, [address])


def answer_request(booking, previous_status):
    """After the provider changes a request's status: move the class's plan along and tell
    the teacher. Nothing happens when the status did not change."""
    if booking.status == previous_status or booking.status == RequestStatus.NEW:
        return False
    booking.answered_at = timezone.now()
    booking.save(update_fields=["answered_at"])
    experience = booking.experience
    if experience is not None and experience.status != Status.DONE:
        experience.status = STATUS_AFTER_ANSWER[booking.status]
        experience.save(update_fields=["status"])
        experience.backpack.touch()
    notify_teacher(booking)
    return True


def notify_teacher(booking):
    if not booking.email:
        return 0
    with translation.override(booking.language or settings.LANGUAGE_CODE):
        subject = _("%(activity)s: %(answer)s") % {
            "activity": booking.activity_title,
            "answer": booking.get_status_display(),
        }
        lines = [
            _("The provider has answered your request to book %(activity)s for %(school)s.")
            % {"activity": booking.activity_title, "school": booking.school_name},
            "",
            f"{_('Answer')}: {booking.get_status_display()}",
        ]
        if booking.provider_reply:
            lines += ["", booking.provider_reply]
        if booking.experience_id:
            lines += [
                "",
                _("Your class backpack shows the answer too."),
            ]
    return send_mail(str(subject), "\n".join(lines), None, [booking.email])


__all__ = ["BookingRequest", "answer_request", "record_request"]
