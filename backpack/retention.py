"""How long the class backpack keeps what it keeps (README, "Class backpack"; run daily by
``manage.py backpack_retention``):

- a booking request's contact details (the teacher's name, email address and phone number) are
  erased ``BACKPACK_REQUEST_CONTACT_DAYS`` after the experience's date, or after the request
  was received when its plan names no date; the rest of the request (activity, school, numbers,
  the provider's answer) stays for the provider's records and the programme's figures;
- a class backpack untouched for ``BACKPACK_IDLE_DAYS`` is deleted with its plan (its booking
  requests stay, no longer linked to it); a school link left with no class is deleted too.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from backpack.models import Backpack, BookingRequest, School

ERASED = ""


def erase_old_contacts(now=None):
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.BACKPACK_REQUEST_CONTACT_DAYS)
    due = BookingRequest.objects.filter(contact_erased_at__isnull=True).filter(
        Q(experience__date__lt=cutoff.date())
        | (Q(experience__date__isnull=True) & Q(received_at__lt=cutoff))
    )
    return due.update(contact_name=ERASED, email=ERASED, phone=ERASED, contact_erased_at=now)


def delete_idle_backpacks(now=None):
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.BACKPACK_IDLE_DAYS)
    with transaction.atomic():
        idle = Backpack.objects.filter(touched_at__lt=cutoff)
        deleted = idle.count()
        idle.delete()
        School.objects.filter(backpacks__isnull=True, touched_at__lt=cutoff).delete()
    return deleted


def apply_retention(now=None):
    return {"contacts_erased": erase_old_contacts(now), "deleted": delete_idle_backpacks(now)}
