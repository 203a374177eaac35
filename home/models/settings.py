from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import TranslatableField

from core.blocks import LinkBlock


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting, ClusterableModel):
    """What differs between regional sites: name, contact details, navigation, footer. (Which
    region a site serves is a setting of the regions app: ``regions.RegionSettings``.)

    Navigation points at pages, so its labels are the pages' own (translated) titles and each
    link follows the reader's language. The footer is a translatable snippet for the same reason.
    """

    site_name = models.CharField(_("site name"), max_length=120, default="Arts Backpack")
    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    contact_address = models.TextField(_("postal address"), blank=True)
    footer = models.ForeignKey(
        "home.Footer",
        verbose_name=_("footer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown in the reader's language when a translation exists."),
    )

    # Read with the settings (Wagtail's BaseSiteSetting.base_queryset): every page shows it.
    select_related = ["footer"]

    panels = [
        MultiFieldPanel(
            [FieldPanel("site_name"), FieldPanel("tagline")],
            heading=_("Identity"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_address"),
            ],
            heading=_("Contact"),
        ),
        InlinePanel("navigation_links", label=_("Main navigation")),
        FieldPanel("footer"),
    ]

    class Meta:
        verbose_name = _("site settings")


class NavigationLink(Orderable):
    settings = ParentalKey(SiteSettings, on_delete=models.CASCADE, related_name="navigation_links")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("page")]

    def __str__(self):
        return str(self.page)


class Footer(TranslatableMixin, models.Model):
    name = models.CharField(_("name"), max_length=100, help_text=_("Only shown in the admin."))
    text = RichTextField(_("text"), blank=True, features=["bold", "italic", "link"])
    links = StreamField([("link", LinkBlock())], blank=True, verbose_name=_("links"))

    panels = [FieldPanel("name"), FieldPanel("text"), FieldPanel("links")]

    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("text"),
        TranslatableField("links"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer")

    def __str__(self):
        return self.name
