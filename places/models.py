"""The UK's places in one tree: nation > region (England's nine) > local authority > town.

A translatable snippet shared by every app: activities and providers are offered in places,
stories are about places, a child's work names its local authority. Codes are the same in every
language, so filters and links match whatever language the reader uses.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class Place(TranslatableMixin, index.Indexed, models.Model):
    """A nation, an English region, a local authority or a town, in one tree.

    ``lineage`` spells out the codes from the nation down to this place ("/GB-ENG/E12000004/
    GB-LCE/"), so "this place and everything beneath it" is one indexed prefix match, identical
    in every language.
    """

    class Kind(models.TextChoices):
        NATION = "nation", _("Nation")
        REGION = "region", _("Region")
        LOCAL_AUTHORITY = "local_authority", _("Local authority")
        TOWN = "town", _("Town or area")

    name = models.CharField(_("name"), max_length=120)
    code = models.CharField(
        _("code"),
        max_length=20,
        help_text=_(
            "Official code: ISO 3166-2 (GB-LCE) or ONS (E12000004). Same in every language."
        ),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    lineage = models.CharField(max_length=255, editable=False, db_index=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    gss_code = models.CharField(_("ONS (GSS) code"), max_length=12, blank=True)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("code"), FieldPanel("kind")]),
        FieldPanel("parent"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        FieldPanel("gss_code"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("code"),
        SynchronizedField("kind"),
        SynchronizedField("parent"),
        SynchronizedField("latitude"),
        SynchronizedField("longitude"),
        SynchronizedField("gss_code"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("kind"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("place")
        verbose_name_plural = _("places")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("code", "locale")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        prefix = self.parent.lineage if self.parent_id else "/"
        self.lineage = f"{prefix}{self.code}/"
        super().save(*args, **kwargs)
        # Keep descendants' lineage in step when a place moves or is re-coded.
        for child in self.children.exclude(lineage__startswith=self.lineage):
            child.save()

    def clean(self):
        super().clean()
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk or ancestor.code == self.code:
                raise ValidationError({"parent": _("A place cannot be part of itself.")})
            ancestor = ancestor.parent

    @property
    def nation_code(self):
        return self.lineage.strip("/").split("/")[0]
