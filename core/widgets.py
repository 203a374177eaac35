"""Admin widgets shared by every app's page editor."""

from django import forms
from django.utils.translation import gettext_lazy as _


class Checklist(forms.CheckboxSelectMultiple):
    """Checkboxes for a many-to-many choice, with a filter box once the list is long.

    Wagtail has no chooser for many-to-many fields (its choosers pick one object, or fill an
    InlinePanel), and a plain multi-select is unusable past a dozen options: one slip of the
    mouse without Ctrl loses every choice. Checkboxes keep each choice independent and post
    the same values as the multi-select, so nothing changes on the model or in saving. The
    filter box and the "chosen" summary are drawn by static/js/admin/checklist.js; without it
    the list is still complete and saveable.
    """

    template_name = "core/admin/widgets/checklist.html"
    # Below this many options the filter box is not shown: a short list is read at a glance.
    FILTER_FROM = 10

    def __init__(self, attrs=None, choices=(), filter_label=None):
        super().__init__(attrs, choices)
        self.filter_label = filter_label

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"].update(
            filter_from=self.FILTER_FROM,
            filter_label=self.filter_label or _("Filter this list"),
        )
        return context

    @property
    def media(self):
        return forms.Media(js=["js/admin/checklist.js"], css={"all": ["css/admin/checklist.css"]})
