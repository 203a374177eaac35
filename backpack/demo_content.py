"""The demo's class backpack: a Leicester Year 4 class with five experiences across the year,
one done (with the three answers), one booked, one requested (with its booking request) and
two ideas. Its links are fixed so the README can point at them; safe to run again."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from backpack.factories import (
    BackpackFactory,
    BookingRequestFactory,
    PlannedExperienceFactory,
    SchoolFactory,
)
from backpack.forms import current_school_year
from backpack.models import Backpack
from directory.models import ActivityPage
from places.nations import ENGLAND

EDIT_TOKEN = "demo-leicester-year-4-maple-private"  # noqa: S105 (a demo link, not a secret)
VIEW_TOKEN = "demo-leicester-year-4-maple-shared"  # noqa: S105
SCHOOL_TOKEN = "demo-maple-street-primary-school"  # noqa: S105

# (art form, status, term, days from today or None); one activity per art form.
PLAN = [
    ("museums-heritage", "done", "autumn", -20),
    ("music", "booked", "spring", 70),
    ("dance", "requested", "spring", None),
    ("theatre-drama", "idea", "summer", None),
    ("visual-art-craft", "idea", "summer", None),
]


def _leicester_activity(art_form, taken):
    return (
        ActivityPage.objects.live()
        .filter(locale__language_code="en", art_forms__slug=art_form, places__code="GB-LCE")
        .exclude(pk__in=taken)
        .order_by("title")
        .first()
    )


@transaction.atomic
def load(stdout):
    if Backpack.objects.filter(edit_token=EDIT_TOKEN).exists():
        return
    school_year = current_school_year()
    school = SchoolFactory(name="Maple Street Primary School (demo)", token=SCHOOL_TOKEN)
    backpack = BackpackFactory(
        school=school,
        class_name="Year 4 Maple",
        school_year=school_year,
        year_group="year-4",
        pupils=28,
        school_postcode="LE2 1AA",
        nation=ENGLAND,
        edit_token=EDIT_TOKEN,
        view_token=VIEW_TOKEN,
    )
    today = timezone.localdate()
    taken = []
    for art_form, status, term, days in PLAN:
        activity = _leicester_activity(art_form, taken)
        if activity is None:
            continue
        taken.append(activity.pk)
        experience = PlannedExperienceFactory(
            backpack=backpack,
            activity=activity,
            status=status,
            term=term,
            date=today + timedelta(days=days) if days is not None else None,
        )
        if status == "done":
            experience.took_part_fully = "yes"
            experience.would_recommend = True
            experience.pupils_said = "We want to go back and draw the old machines again."
            experience.answered_at = timezone.now()
            experience.save()
        if status in ("requested", "booked"):
            BookingRequestFactory(
                activity=activity,
                experience=experience,
                school_name="Maple Street Primary School (demo)",
                contact_name="Demo Teacher",
                email="teacher@example.org",
                preferred_dates=str(experience.get_term_display()),
                year_group="Year 4",
                status="accepted" if status == "booked" else "new",
                provider_reply="Booked: we will send the visit pack a fortnight before."
                if status == "booked"
                else "",
            )
    stdout.write(
        f"Class backpack demo: /backpack/class/{EDIT_TOKEN}/ "
        f"(read-only: /backpack/shared/{VIEW_TOKEN}/; school: /backpack/school/{SCHOOL_TOKEN}/)"
    )
