"""Authors and themes: translatable snippets editors manage, linked to stories by foreign key
(not many-to-many, which wagtail-localize cannot translate)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from directory.models import Taxonomy


class Theme(Taxonomy):
    """What a story is about (wellbeing and resilience, children in care…). The slug is the
    same in every language, so a filtered address works whatever language the reader uses."""

    class Meta(Taxonomy.Meta):
        verbose_name = _("story theme")
        verbose_name_plural = _("story themes")


class Author(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(
        _("role"), max_length=200, blank=True, help_text=_("For example: Director, Arts Connect")
    )

    panels = [FieldPanel("name"), FieldPanel("role")]
    translatable_fields = [SynchronizedField("name"), TranslatableField("role")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        ordering = ["name"]

    def __str__(self):
        return self.name
