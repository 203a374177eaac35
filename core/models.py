"""What every app's models build on: the site's image model and the abstract base page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.images import get_image_model_string
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.admin_forms import BasePageForm


class SiteImage(AbstractImage):
    """The site's image model. A credit travels with the image; alt text does not, because the
    right description depends on where an image is used, so blocks ask for it each time."""

    credit = models.CharField(
        _("credit"), max_length=200, blank=True, help_text=_("Photographer or rights holder.")
    )

    admin_form_fields = (*Image.admin_form_fields, "credit")


class SiteRendition(AbstractRendition):
    image = models.ForeignKey(SiteImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class BasePage(Page):
    """Fields every page type carries: how it appears in listings and when shared.

    Listing fields feed cards, search results and the meta description; social fields feed
    Open Graph. Each falls back sensibly so editors only fill them when they want to.
    """

    listing_title = models.CharField(
        _("listing title"),
        max_length=255,
        blank=True,
        help_text=_("Shorter title for cards and search results. Defaults to the page title."),
    )
    listing_summary = models.TextField(
        _("listing summary"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences for cards, search results and the meta description."),
    )
    listing_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    social_title = models.CharField(
        _("social title"),
        max_length=255,
        blank=True,
        help_text=_("Title when shared on social media. Defaults to the listing title."),
    )
    social_text = models.TextField(
        _("social text"),
        max_length=300,
        blank=True,
        help_text=_("Description when shared. Defaults to the listing summary."),
    )
    social_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("social image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when shared. Defaults to the listing image."),
    )

    # Choices in the page's own language, and a taken slug explained (core/admin_forms.py).
    base_form_class = BasePageForm

    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel(
            [
                FieldPanel("listing_title"),
                FieldPanel("listing_summary"),
                FieldPanel("listing_image"),
            ],
            heading=_("Listings"),
        ),
        MultiFieldPanel(
            [FieldPanel("social_title"), FieldPanel("social_text"), FieldPanel("social_image")],
            heading=_("Social sharing"),
        ),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("listing_summary"),
    ]

    # What wagtail-localize sends to translators and what it copies from the source page.
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("listing_title"),
        TranslatableField("listing_summary"),
        TranslatableField("social_title"),
        TranslatableField("social_text"),
        SynchronizedField("show_in_menus"),
        SynchronizedField("listing_image", overridable=True),
        SynchronizedField("social_image", overridable=True),
    ]

    class Meta:
        abstract = True

    @property
    def card_title(self):
        return self.listing_title or self.title

    @property
    def card_image(self):
        """The picture a listing card shows; page types with a picture of their own fall back
        to it."""
        return self.listing_image

    @property
    def card_summary(self):
        return self.listing_summary

    @property
    def meta_description(self):
        return self.search_description or self.listing_summary

    @property
    def og_title(self):
        return self.social_title or self.card_title

    @property
    def og_description(self):
        return self.social_text or self.meta_description

    @property
    def og_image(self):
        return self.social_image or self.listing_image
