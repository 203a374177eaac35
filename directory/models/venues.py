"""Venues: one model, owned by a provider, chosen by its activities.

A provider lists its venues once (``ProviderVenue``). An activity either chooses one of its
provider's venues (``ActivityPage.venue_key``) or describes its own (or none, when it comes to
the school or runs online). Either way the activity holds a copy of the venue's name, address,
postcode and position in its own fields, because those are what the directory search, the page,
its calendar and its structured data read; the copy is made here, in ``apply_venue``, and its
position comes from ``places.postcodes.locate``, the one place a postcode is turned into a
location.

A venue with ``hide_exact_address`` (a provider who works from home) publishes only its postcode
district: every public output (the pages, calendar files, structured data and open data) reads
the venue's address through ``published_address``, the one place that rule is applied.

A venue is known by its ``key``, not its database id: wagtail-localize copies a provider's
venues to each translation as new rows (``SynchronizedField("venues")``) but keeps every other
field, so the key is the same in every language and an activity's choice survives translation.
"""

import uuid
from typing import NamedTuple

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from places.postcodes import Location, PostcodeError, locate, outward_code, validate_postcode

HIDE_EXACT_ADDRESS_LABEL = _("hide exact address")
HIDE_EXACT_ADDRESS_HELP = _(
    "Tick for a venue that is someone's home. The site, calendar files and open data then "
    "show only the postcode district (for example “LE1 area”), never the street address or "
    "the full postcode. The venue name is still shown, so keep the address out of it."
)


class PublishedAddress(NamedTuple):
    """A venue's address as it may be shown to the public."""

    street: str  # empty when the exact address is hidden
    postcode: str  # the full postcode, or only its district when the exact address is hidden
    district_only: bool


def published_address(address, postcode, hide_exact_address):
    if not hide_exact_address:
        return PublishedAddress(address, postcode, False)
    try:
        district = outward_code(postcode)
    except PostcodeError:
        district = ""  # never show a postcode that cannot be cut down to its district
    return PublishedAddress("", district, True)


class ProviderVenue(Orderable):
    provider = ParentalKey(
        "directory.ProviderPage", on_delete=models.CASCADE, related_name="venues"
    )
    # Shared by a venue and its copies in the provider's translations; activities choose by it.
    key = models.UUIDField(default=uuid.uuid4, editable=False, db_index=True)
    name = models.CharField(_("venue name"), max_length=200)
    address = models.TextField(_("address"), blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, validators=[validate_postcode])
    # The postcode district's centroid, kept in step with the postcode on every save (an
    # editable pair went stale when the postcode changed).
    latitude = models.FloatField(_("latitude"), null=True, blank=True, editable=False)
    longitude = models.FloatField(_("longitude"), null=True, blank=True, editable=False)
    hide_exact_address = models.BooleanField(
        HIDE_EXACT_ADDRESS_LABEL, default=False, help_text=HIDE_EXACT_ADDRESS_HELP
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("address"),
        FieldPanel("postcode"),
        FieldPanel("hide_exact_address"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("venue")

    def __str__(self):
        return f"{self.name}, {self.postcode}" if self.postcode else self.name

    @property
    def published_address(self):
        return published_address(self.address, self.postcode, self.hide_exact_address)

    @property
    def location(self):
        if self.latitude is None or self.longitude is None:
            return None
        return Location(self.latitude, self.longitude)

    def save(self, *args, **kwargs):
        location = locate(self.postcode)
        self.latitude, self.longitude = (
            (location.latitude, location.longitude) if location else (None, None)
        )
        super().save(*args, **kwargs)


# The activity fields a chosen venue fills in, from the venue's fields.
COPIED = {
    "venue_name": "name",
    "venue_address": "address",
    "venue_postcode": "postcode",
    "hide_exact_address": "hide_exact_address",
}
LOCATION_FIELDS = ["latitude", "longitude", "position_x", "position_y", "position_z"]


def apply_venue(activity, venue=None):
    """Fill in ``activity``'s venue copy and position; return the names of changed fields.

    With ``venue`` (the provider venue it chose) the name, address, postcode and whether the
    exact address is hidden are copied
    from it; without, the activity's own venue fields stand. The position always follows the
    postcode, through ``locate``.
    """
    before = {name: getattr(activity, name) for name in [*COPIED, *LOCATION_FIELDS]}
    if venue is not None:
        for field, source in COPIED.items():
            setattr(activity, field, getattr(venue, source))
    location = locate(activity.venue_postcode)
    activity.latitude, activity.longitude = (
        (location.latitude, location.longitude) if location else (None, None)
    )
    activity.position_x, activity.position_y, activity.position_z = (
        location.vector if location else (None, None, None)
    )
    return [name for name, value in before.items() if getattr(activity, name) != value]
