"""Requests from families to take a child's work down or withdraw consent.

A request is what a family told us, exactly as they told it: the work or child is a free-text
reference, never a link to an ``Artwork`` or ``Child``. Matching it to the programme's records
is the safeguarding team's job, done in the admin; the public form never looks anything up, so
it cannot tell a visitor whether a child or a work exists.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class WithdrawalRequest(models.Model):
    class Relationship(models.TextChoices):
        PARENT = "parent", _("Parent or carer")
        AUTHORITY = "authority", _("Responsible authority (child in care)")
        CHILD = "child", _("I made the work")
        SCHOOL = "school", _("School or teacher")
        OTHER = "other", _("Someone else")

    class Status(models.TextChoices):
        RECEIVED = "received", _("Received")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done: work taken down or consent withdrawn")
        NO_MATCH = "no_match", _("Closed: no matching work found")
        CLOSED = "closed", _("Closed: nothing needed")

    received_at = models.DateTimeField(_("received"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("site"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    language = models.CharField(_("language"), max_length=8, blank=True, editable=False)
    work_reference = models.CharField(
        _("which work or child"),
        max_length=500,
        help_text=_("As the family gave it: a title, a page address, a first name or a code."),
    )
    request_all = models.BooleanField(
        _("withdraw consent for everything"),
        default=False,
        help_text=_("Take down every work by this child, not only the one named."),
    )
    relationship = models.CharField(
        _("relationship to the child"), max_length=16, choices=Relationship.choices
    )
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("email address"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    details = models.TextField(_("anything else"), blank=True, max_length=2000)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.RECEIVED
    )
    team_notes = models.TextField(
        _("team notes"),
        blank=True,
        help_text=_("Only the safeguarding team sees these: what was matched and what was done."),
    )

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("withdrawal request")
        verbose_name_plural = _("withdrawal requests")

    def __str__(self):
        return f"{self.reference}: {self.get_status_display()}"

    @property
    def reference(self):
        return f"WR-{self.pk:05d}" if self.pk else "WR-new"
