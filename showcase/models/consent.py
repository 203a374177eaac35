"""Children as pseudonymous references, and the consent ledger.

A child is known here only by a reference code that the programme's own records tie to a real
child; no name, school or address is ever stored. Consent is a ledger: each entry states the
whole consent as it now stands (who gave it, when, under which privacy-notice version, for which
scopes, until when), or records a withdrawal. Entries are never edited or deleted: a change is
a new entry, and the newest entry for a child is the one that counts.
"""

import re
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Consent lasts one year unless the person giving it says otherwise: the programme runs by
# school year, families are asked again each September, and a year keeps a forgotten consent
# from outliving a child's time at primary school.
DEFAULT_CONSENT_DAYS = 365
REFERENCE_PATTERN = re.compile(r"^[A-Z0-9]{2,6}-[A-Z0-9]{4,12}$")


def new_reference():
    """A random code such as "AB-7K2Q9M": no meaning, nothing to guess from."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "AB-" + "".join(secrets.choice(alphabet) for _ in range(6))


def validate_reference(value):
    if not REFERENCE_PATTERN.match(value or ""):
        raise ValidationError(
            _(
                "Use a reference code such as AB-7K2Q9M (capital letters and digits), never a "
                "child's name."
            ),
            code="reference",
        )


def default_expiry():
    return timezone.now() + timedelta(days=DEFAULT_CONSENT_DAYS)


class Child(models.Model):
    reference = models.CharField(
        _("reference"),
        max_length=20,
        unique=True,
        default=new_reference,
        validators=[validate_reference],
        help_text=_(
            "The code your records use for this child. Never a name: the website holds no "
            "names, schools or addresses."
        ),
    )
    do_not_publish = models.BooleanField(
        _("do not publish"),
        default=False,
        help_text=_(
            "Hides every work this child is part of, group works included, whatever the "
            "consent says. Use it at once if there is any safeguarding concern."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("child")
        verbose_name_plural = _("children")
        ordering = ["reference"]

    def __str__(self):
        return self.reference

    def current_consent(self):
        """The newest ledger entry, which states the consent as it stands (or None)."""
        return self.consent_records.order_by("-pk").first()


def next_consent_change(after):
    """The next moment after ``after`` at which a consent starts or ends, or None.

    Expiry has no event, so a page showing works is cached no longer than this (core/cache.py's
    ``cache_until``). Read over the whole ledger, superseded entries included: at worst a page
    is cached for less time than it could be, never longer."""
    moments = ConsentRecord.objects.filter(kind=ConsentRecord.Kind.GIVEN).aggregate(
        starts=models.Min("given_at", filter=models.Q(given_at__gt=after)),
        ends=models.Min("expires_at", filter=models.Q(expires_at__gt=after)),
    )
    moments = [moment for moment in moments.values() if moment is not None]
    return min(moments) if moments else None


class ConsentQuerySet(models.QuerySet):
    """The ledger refuses bulk edits and bulk deletes; erasing a child (see
    showcase.subject_rights) removes its entries through the child's own deletion."""

    def update(self, **kwargs):
        raise PermissionError("Consent records are never edited; add a new entry instead.")

    def delete(self):
        raise PermissionError("Consent records are never deleted; record a withdrawal instead.")


class ConsentRecord(models.Model):
    class Kind(models.TextChoices):
        GIVEN = "given", _("Consent given")
        WITHDRAWN = "withdrawn", _("Consent withdrawn")

    class GivenBy(models.TextChoices):
        PARENT = "parent_carer", _("Parent or carer")
        AUTHORITY = "responsible_authority", _("Responsible authority (child in care)")

    child = models.ForeignKey(
        Child, verbose_name=_("child"), on_delete=models.CASCADE, related_name="consent_records"
    )
    kind = models.CharField(_("entry"), max_length=20, choices=Kind.choices, default=Kind.GIVEN)
    given_by = models.CharField(
        _("given by"),
        max_length=30,
        choices=GivenBy.choices,
        blank=True,
        help_text=_("For a child in care, consent comes from the responsible authority."),
    )
    authority_name = models.CharField(
        _("responsible authority"),
        max_length=120,
        blank=True,
        help_text=_("The local authority responsible for a child in care (not a person's name)."),
    )
    given_at = models.DateTimeField(
        _("given on"), default=timezone.now, help_text=_("When consent was given or withdrawn.")
    )
    notice_version = models.CharField(
        _("privacy notice version"),
        max_length=40,
        blank=True,
        help_text=_("The version of the privacy notice the family was shown, e.g. 2025-09."),
    )
    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("this regional site"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Publish on this regional site."),
    )
    all_regional_sites = models.BooleanField(
        _("all regional sites"), default=False, help_text=_("Publish on every regional site.")
    )
    print_use = models.BooleanField(
        _("print"), default=False, help_text=_("Use in printed material (not the website).")
    )
    expires_at = models.DateTimeField(
        _("expires"),
        null=True,
        blank=True,
        help_text=_(
            "Leave empty for the default: one year after consent was given. Families are "
            "asked again each school year, so consent never outlives the year it was given for."
        ),
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ConsentQuerySet.as_manager()

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        ordering = ["-pk"]

    def __str__(self):
        return f"{self.child} · {self.get_kind_display()} · {self.given_at:%d %b %Y}"

    def save(self, *args, **kwargs):
        if self.pk is not None or self._state.adding is False:
            raise PermissionError("Consent records are never edited; add a new entry instead.")
        if self.kind == self.Kind.GIVEN and self.expires_at is None:
            self.expires_at = (self.given_at or timezone.now()) + timedelta(
                days=DEFAULT_CONSENT_DAYS
            )
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Consent records are never deleted; record a withdrawal instead.")

    def clean(self):
        super().clean()
        if self.kind == self.Kind.WITHDRAWN:
            return
        errors = {}
        if not self.given_by:
            errors["given_by"] = _("Say who gave consent.")
        if self.given_by == self.GivenBy.AUTHORITY and not self.authority_name.strip():
            errors["authority_name"] = _("Name the authority responsible for the child.")
        if not self.notice_version.strip():
            errors["notice_version"] = _("Record which privacy notice the family saw.")
        if not (self.site_id or self.all_regional_sites or self.print_use):
            errors["all_regional_sites"] = _("Choose at least one scope.")
        if self.expires_at and self.given_at and self.expires_at <= self.given_at:
            errors["expires_at"] = _("The expiry must be after the date consent was given.")
        if errors:
            raise ValidationError(errors)

    def scope_labels(self):
        labels = []
        if self.all_regional_sites:
            labels.append(str(_("all regional sites")))
        elif self.site_id:
            labels.append(str(self.site))
        if self.print_use:
            labels.append(str(_("print")))
        return labels
