from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from regions.regions import REGION_CHOICES


@register_setting(icon="globe")
class RegionSettings(BaseSiteSetting):
    """Which region a Wagtail ``Site`` serves (Settings → Region in the admin).

    A setting of its own rather than a field on the home app's site settings, so the regional
    sites (languages, sitemaps, a site's nation) can be worked out by an app that depends on
    no other project app.
    """

    region = models.CharField(
        _("region"),
        max_length=20,
        choices=REGION_CHOICES,
        blank=True,
        help_text=_(
            "The nation this site serves. It decides the site's languages, where its directory "
            "starts and how school stages are named. Leave empty for a site outside the four "
            "regional sites."
        ),
    )

    panels = [FieldPanel("region")]

    class Meta:
        verbose_name = _("region")
