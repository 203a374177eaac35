"""A teacher's class backpacks: the plan of a class's cultural experiences for a school year,
the booking requests sent to providers, and the answers given after a visit.

No account and no password: a backpack is reached by its private link (``edit_token``), seen
read-only by its share link (``view_token``), and a school's classes are gathered under a
school link. Each token is 256 random bits, so a link cannot be guessed. Nothing here is
about a child: a class is a name such as "Year 3 Oak", a year group and a number of pupils.
The only personal data is the contact in a booking request, erased on a schedule
(``backpack_retention``).
"""

import secrets

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from places.postcodes import validate_postcode

# Five experiences a year: the programme's promise to every child.
GOAL = 5
MAX_PUPILS = 400
# A backpack holds more than five if a teacher wants, within reason.
MAX_EXPERIENCES = 30


def new_token():
    return secrets.token_urlsafe(32)


class School(models.Model):
    """Several class backpacks under one link, so a head teacher sees each class's progress."""

    name = models.CharField(_("school name"), max_length=200)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    touched_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("school")
        verbose_name_plural = _("schools")

    def __str__(self):
        return self.name


class Term(models.TextChoices):
    AUTUMN = "autumn", _("Autumn term")
    SPRING = "spring", _("Spring term")
    SUMMER = "summer", _("Summer term")


class Backpack(models.Model):
    class_name = models.CharField(
        _("class name"), max_length=80, help_text=_("For example: Year 3 Oak")
    )
    # The calendar year the school year starts in: 2026 is the school year 2026 to 2027.
    school_year = models.PositiveSmallIntegerField(
        _("school year"), validators=[MinValueValidator(2020), MaxValueValidator(2100)]
    )
    year_group = models.CharField(_("year group"), max_length=20)
    pupils = models.PositiveSmallIntegerField(
        _("number of pupils"), validators=[MinValueValidator(1), MaxValueValidator(MAX_PUPILS)]
    )
    school_postcode = models.CharField(
        _("school postcode (optional)"),
        max_length=10,
        blank=True,
        validators=[validate_postcode],
        help_text=_("Only to work out how far each activity is. For example: LE1 6AD"),
    )
    # The nation whose year groups and stages the backpack was planned with (its site's).
    nation = models.CharField(max_length=10, blank=True)
    school = models.ForeignKey(
        School, null=True, blank=True, on_delete=models.SET_NULL, related_name="backpacks"
    )
    edit_token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    view_token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    # Last change by the teacher (or a provider's answer): an untouched backpack is deleted
    # after BACKPACK_IDLE_DAYS.
    touched_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("class backpack")
        verbose_name_plural = _("class backpacks")
        ordering = ["class_name"]

    def __str__(self):
        return self.class_name

    def touch(self):
        self.touched_at = timezone.now()
        self.save(update_fields=["touched_at"])
        if self.school_id:
            School.objects.filter(pk=self.school_id).update(touched_at=self.touched_at)

    @property
    def school_year_label(self):
        return f"{self.school_year}–{(self.school_year + 1) % 100:02d}"


class Status(models.TextChoices):
    IDEA = "idea", _("Idea")
    REQUESTED = "requested", _("Requested")
    BOOKED = "booked", _("Booked")
    DONE = "done", _("Done")


class Answer(models.TextChoices):
    YES = "yes", _("Yes")
    PARTLY = "partly", _("Partly")
    NO = "no", _("No")


class PlannedExperience(models.Model):
    """One experience in a class's year: an activity, when (a term or a date) and how far
    along it is, with the three optional questions answered once it is done."""

    backpack = models.ForeignKey(Backpack, on_delete=models.CASCADE, related_name="experiences")
    # The activity as saved (any language); shown in the reader's language where translated.
    # Kept when the activity goes, so the plan still says what it was.
    activity = models.ForeignKey(
        "directory.ActivityPage", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    activity_key = models.UUIDField(db_index=True)
    activity_title = models.CharField(max_length=255)
    term = models.CharField(_("term"), max_length=10, choices=Term.choices, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.IDEA
    )
    added_at = models.DateTimeField(auto_now_add=True)
    # After the visit (all optional; no names).
    took_part_fully = models.CharField(
        _("Did pupils take part fully?"), max_length=10, choices=Answer.choices, blank=True
    )
    would_recommend = models.BooleanField(
        _("Would you recommend it to another school?"), null=True, blank=True
    )
    pupils_said = models.TextField(
        _("What did pupils say? (no names)"), blank=True, max_length=2000
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("planned experience")
        verbose_name_plural = _("planned experiences")
        # Dated experiences in date order, then those with only a term (on every database).
        ordering = [models.F("date").asc(nulls_last=True), "added_at", "pk"]

    def __str__(self):
        return self.activity_title


class RequestStatus(models.TextChoices):
    NEW = "new", _("Waiting for the provider")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    MORE_INFORMATION = "more_information", _("Provider needs more information")


class BookingRequest(models.Model):
    """A school's request to book an activity, sent to the provider's booking contact and
    answered by the provider's editors in the admin ("Requests")."""

    activity = models.ForeignKey(
        "directory.ActivityPage", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    activity_title = models.CharField(_("activity"), max_length=255)
    # The provider whose editors may read and answer it (the activity's parent page).
    provider = models.ForeignKey(
        "directory.ProviderPage",
        null=True,
        on_delete=models.SET_NULL,
        related_name="booking_requests",
        verbose_name=_("provider"),
    )
    experience = models.ForeignKey(
        PlannedExperience,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="booking_requests",
    )
    school_name = models.CharField(_("school name"), max_length=200)
    contact_name = models.CharField(_("your name"), max_length=120)
    email = models.EmailField(_("your email address"))
    phone = models.CharField(_("phone (optional)"), max_length=40, blank=True)
    preferred_dates = models.CharField(
        _("preferred dates or term"),
        max_length=200,
        help_text=_("For example: any Tuesday in March"),
    )
    pupils = models.PositiveSmallIntegerField(
        _("number of pupils"), validators=[MinValueValidator(1), MaxValueValidator(MAX_PUPILS)]
    )
    adults = models.PositiveSmallIntegerField(
        _("number of adults"), validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    year_group = models.CharField(_("year group"), max_length=80)
    access_needs = models.TextField(
        _("access needs (optional)"),
        blank=True,
        max_length=2000,
        help_text=_("What the class needs to take part fully. No names, please."),
    )
    message = models.TextField(_("message (optional)"), blank=True, max_length=4000)
    language = models.CharField(max_length=8, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=RequestStatus.choices, default=RequestStatus.NEW
    )
    provider_reply = models.TextField(
        _("reply to the school"),
        blank=True,
        max_length=4000,
        help_text=_("Sent to the school with your answer."),
    )
    received_at = models.DateTimeField(_("received"), auto_now_add=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    # When the contact details were erased (see backpack_retention): the request stays for
    # the provider's records and the programme's figures, without a person in it.
    contact_erased_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("booking request")
        verbose_name_plural = _("booking requests")
        ordering = ["-received_at"]

    def __str__(self):
        return f"{self.activity_title} – {self.school_name}"
