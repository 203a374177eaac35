"""The activity editor's form: the venue is chosen from the provider's own venues."""

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from core.admin_forms import BasePageForm
from directory.models.venues import ProviderVenue


def _as_uuid(value):
    return uuid.UUID(str(value))


class ActivityPageForm(BasePageForm):
    """Offers exactly the parent provider's venues (same language) for ``venue_key``.

    Wagtail passes the parent page to the form when creating and editing, so the choices are
    the venues of the provider the activity sits under. Leaving it blank keeps the activity's
    own venue fields (or none, for an activity that comes to the school or runs online).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "venue_key" not in self.fields:
            return
        venues = (
            ProviderVenue.objects.filter(provider_id=self.parent_page.pk)
            if self.parent_page is not None
            else ProviderVenue.objects.none()
        )
        choices = [(str(venue.key), str(venue)) for venue in venues.order_by("sort_order", "pk")]
        current = self.instance.venue_key
        help_text = _(
            "Choose one of the provider's venues: its name, address and postcode are then "
            "used and kept up to date. Leave blank to describe a venue below, or none if the "
            "activity comes to the school or runs online."
        )
        if current is not None and str(current) not in dict(choices):
            # The venue was removed from the provider: the fields below keep its last copy.
            self.initial["venue_key"] = None
            help_text = _(
                "The venue this activity used is no longer one of the provider's venues; "
                "the details below are its last copy. Choose another venue or edit them."
            )
        self.fields["venue_key"] = forms.TypedChoiceField(
            label=_("Provider's venue"),
            choices=[("", _("None: describe the venue below"))] + choices,
            coerce=_as_uuid,
            empty_value=None,
            required=False,
            help_text=help_text,
        )
