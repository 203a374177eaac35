"""Artworks and the one rule that decides whether a work may be shown."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from showcase.images import clean_upload, delete_renditions
from showcase.models.consent import Child, ConsentRecord
from showcase.storage import original_upload_path, private_storage
from showcase.validators import validate_alt_text, validate_display_name


def children_consented_for(site, now):
    """Children whose newest ledger entry is a consent covering this website, in force now,
    and who are not flagged "do not publish"."""
    newest = ConsentRecord.objects.filter(child=OuterRef("pk")).order_by("-pk").values("pk")[:1]
    in_force = ConsentRecord.objects.filter(
        pk=OuterRef("newest_entry"),
        kind=ConsentRecord.Kind.GIVEN,
        given_at__lte=now,
        expires_at__gt=now,
    ).filter(Q(all_regional_sites=True) | Q(site=site))
    return (
        Child.objects.filter(do_not_publish=False)
        .annotate(newest_entry=Subquery(newest))
        .filter(Exists(in_force))
    )


class ArtworkQuerySet(models.QuerySet):
    def publicly_visible(self, site):
        """Works the public may see on ``site``, right now.

        Every public route (pages, listings, the work page, the sitemap, media) asks this and
        nothing else. A work is visible only when a safeguarding reviewer has approved it, it
        involves at least one child, and every one of its children has consent in force for
        this site and is not flagged "do not publish". The time is read here, at query time,
        so an expiry takes effect on the next request with no job having to run.
        """
        if site is None:
            return self.none()
        now = timezone.now()
        consented = children_consented_for(site, now)
        involvement = ArtworkChild.objects.filter(artwork=OuterRef("pk"))
        return self.filter(
            Exists(involvement),
            ~Exists(involvement.exclude(child__in=consented.values("pk"))),
            status=Artwork.Status.APPROVED,
        )

    def visible_somewhere(self):
        """Works visible on at least one site (for tidying files, never for display)."""
        from wagtail.models import Site

        visible = self.none()
        for site in Site.objects.all():
            visible = visible | self.publicly_visible(site)
        return visible


class Artwork(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        AWAITING_REVIEW = "awaiting_review", _("Awaiting safeguarding review")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Sent back")

    class Medium(models.TextChoices):
        PAINTING = "painting", _("Painting")
        DRAWING = "drawing", _("Drawing")
        COLLAGE = "collage", _("Collage")
        PRINT = "print", _("Printmaking")
        SCULPTURE = "sculpture", _("Sculpture or model")
        TEXTILE = "textile", _("Textiles")
        PHOTOGRAPHY = "photography", _("Photography")
        DIGITAL = "digital", _("Digital art or animation")
        WRITING = "writing", _("Writing or poetry")
        OTHER = "other", _("Other")

    title = models.CharField(_("title"), max_length=120)
    display_name = models.CharField(
        _("display name"),
        max_length=30,
        blank=True,
        validators=[validate_display_name],
        help_text=_("The child's first name only, or leave empty. Never a surname."),
    )
    childs_words = models.TextField(
        _("the child's words"),
        max_length=1200,
        blank=True,
        help_text=_("What the child said about the work, in their own words."),
    )
    medium = models.CharField(_("medium"), max_length=20, choices=Medium.choices)
    image = models.FileField(
        _("picture"),
        storage=private_storage,
        upload_to=original_upload_path,
        blank=True,
        help_text=_(
            "JPEG, PNG, WebP or GIF. Location and camera details are removed on upload, and "
            "the file is never published directly."
        ),
    )
    alt_text = models.CharField(
        _("alt text"),
        max_length=300,
        blank=True,
        help_text=_("Describe the picture for people who cannot see it. Required with a picture."),
    )
    text = models.TextField(
        _("written work"),
        max_length=4000,
        blank=True,
        help_text=_("A poem or story, when the work is writing."),
    )
    age = models.PositiveSmallIntegerField(
        _("age"),
        null=True,
        blank=True,
        validators=[MinValueValidator(3), MaxValueValidator(14)],
    )
    year_group = models.CharField(
        _("year group"), max_length=30, blank=True, help_text=_("For example Year 4, or P5.")
    )
    place = models.ForeignKey(
        "places.Place",
        verbose_name=_("local authority"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"kind": "local_authority"},
        help_text=_("A local authority at most: never a school, street or town."),
    )
    activity = models.ForeignKey(
        "directory.ActivityPage",
        verbose_name=_("activity"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The activity that inspired the work."),
    )
    project = models.CharField(
        _("project"),
        max_length=80,
        blank=True,
        help_text=_("A project name shared by works shown together, e.g. Leicester pilot 2025."),
    )
    children = models.ManyToManyField(
        Child,
        through="ArtworkChild",
        related_name="artworks",
        verbose_name=_("children"),
        help_text=_("Every child who made this work. Each one needs consent for it to show."),
    )
    status = models.CharField(
        _("moderation"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ArtworkQuerySet.as_manager()

    class Meta:
        verbose_name = _("artwork")
        verbose_name_plural = _("artworks")
        ordering = ["-created_at", "-pk"]
        permissions = [("review_artwork", "Can approve artwork in safeguarding review")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # A new file is cleaned here, whichever way it arrived (admin, demo, import), so no
        # path can store an original with its metadata.
        replaced = None
        if self.image and not self.image._committed:
            if self.pk:
                replaced = Artwork.objects.filter(pk=self.pk).values_list("image", flat=True)
                replaced = replaced.first()
            cleaned = clean_upload(self.image.file)
            self.image.save(cleaned.name, cleaned, save=False)
        super().save(*args, **kwargs)
        if replaced and replaced != self.image.name:
            # The old picture and its renditions go at once: nothing may linger that a later
            # erasure or withdrawal would not know about.
            private_storage().delete(replaced)
            delete_renditions(self.pk)

    def clean(self):
        super().clean()
        errors = {}
        if not self.image and not self.text.strip():
            errors["image"] = _("Add a picture of the work, or its text if it is writing.")
        if self.image:
            try:
                validate_alt_text(self.alt_text, self.title)
            except ValidationError as error:
                errors["alt_text"] = error.messages
        if errors:
            raise ValidationError(errors)

    @property
    def age_or_year(self):
        if self.year_group:
            return self.year_group
        if self.age:
            return _("Age %(age)s") % {"age": self.age}
        return ""


class ArtworkChild(models.Model):
    artwork = models.ForeignKey(Artwork, on_delete=models.CASCADE, related_name="involvement")
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="involvement")

    class Meta:
        unique_together = [("artwork", "child")]
        verbose_name = _("child in the work")

    def __str__(self):
        return f"{self.child} in {self.artwork}"
