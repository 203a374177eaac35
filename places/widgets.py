"""The place checklist in page editors: UK places, with enough context to tell them apart."""

from django.utils.translation import gettext_lazy as _

from core.widgets import Checklist


class PlaceChecklist(Checklist):
    """Places as a filterable checklist (type "Leic" to find Leicester and Leicestershire).

    Each option names what the place is part of, so "Newport" in Wales and a town of the same
    name elsewhere, or a council and the region around it, cannot be confused.
    """

    def __init__(self, attrs=None, choices=()):
        super().__init__(attrs, choices, filter_label=_("Find a place"))

    def optgroups(self, name, value, attrs=None):
        # One query for the places and their parents, not one more per option.
        queryset = getattr(self.choices, "queryset", None)
        if queryset is not None:
            self.choices.queryset = queryset.select_related("parent")
        return super().optgroups(name, value, attrs)

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        place = getattr(value, "instance", None)
        if place is not None:
            option["label"] = place_label(place)
            option["attrs"]["data-kind"] = place.kind
        return option


def place_label(place):
    parent = place.parent if place.parent_id else None
    kind = place.get_kind_display()
    if parent is None:
        return f"{place.name} ({kind})"
    return f"{place.name} ({kind}, {parent.name})"
