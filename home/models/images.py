from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image


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
