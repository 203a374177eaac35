"""Editor-managed vocabularies for the directory: art forms, formats, access features and
languages of delivery (places, shared by every app, are in places/models.py).

Each is a translatable snippet. Filters and URLs use a value that is the same in every language
(a slug, or a place's official code), so a shared search link works whatever language the reader
uses, and translations of an activity match the same filters as the original.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class Taxonomy(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        help_text=_("Used in search addresses. Keep it the same in every language."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order in lists"), default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug"),
        SynchronizedField("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


class ArtForm(Taxonomy):
    class Meta(Taxonomy.Meta):
        verbose_name = _("art form")
        verbose_name_plural = _("art forms")


class Format(Taxonomy):
    class Meta(Taxonomy.Meta):
        verbose_name = _("format")
        verbose_name_plural = _("formats")


class AccessFeature(Taxonomy):
    class Meta(Taxonomy.Meta):
        verbose_name = _("access feature")
        verbose_name_plural = _("access features")


class DeliveryLanguage(Taxonomy):
    class Meta(Taxonomy.Meta):
        verbose_name = _("language of delivery")
        verbose_name_plural = _("languages of delivery")
