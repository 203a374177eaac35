from django import forms
from django.utils.translation import gettext_lazy as _

MAX_QUERY_LENGTH = 200


class SiteSearchForm(forms.Form):
    """Validates the search query string. Django's CharField already rejects NUL characters,
    which PostgreSQL cannot store or search."""

    q = forms.CharField(
        label=_("Search this site"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={
            "max_length": _("Please shorten your search to %(limit_value)d characters or fewer.")
        },
    )
    page = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=10_000,
        error_messages={"invalid": _("The page number must be a whole number.")},
    )
