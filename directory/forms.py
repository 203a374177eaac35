"""Validation of the directory's query string. Every parameter a reader can send goes through
this form; the search package (``directory/search/``) only ever sees cleaned values, as
``Filters``. The search's own constants (radius, taxonomy filters, "whole UK") come from it."""

import re
from datetime import date

from django import forms
from django.forms.boundfield import BoundField
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from core.site_cache import remember
from directory.search.filters import DEFAULT_RADIUS, TAXONOMY_FILTERS, WHOLE_UK
from places.models import Place
from places.nations import NORTHERN_IRELAND
from places.postcodes import PostcodeError, find_district
from places.stages import stages_for

RADIUS_CHOICES = [
    (2, _("2 miles")),
    (5, _("5 miles")),
    (10, _("10 miles")),
    (25, _("25 miles")),
    (50, _("50 miles")),
    (100, _("100 miles")),
]
SORT_CHOICES = [
    ("relevance", _("Best match")),
    ("soonest", _("Soonest")),
    ("nearest", _("Nearest")),
    ("az", _("A to Z")),
]
MAX_QUERY_LENGTH = 200
MAX_PAGE = 10_000
# Northern Ireland's postcode districts are not openly licensed (see the README), so its site
# says so up front and a BT postcode gets a way forward instead of "not found".
NO_BT_POSTCODES = _(
    "Postcode search does not cover Northern Ireland (BT) postcodes yet. Choose your council "
    "area under “Place” instead."
)


def resolve_where(text):
    """What the quick search's one "postcode or place" box means, as the directory's own
    parameters: ``("postcode", text)`` when it reads as a known postcode district,
    ``("place", code)`` when it names a place, and otherwise ``("postcode", text)``, so the
    directory page says what it could not use and how to put it right."""
    text = " ".join(text.split())[:100]
    try:
        find_district(text)
    except PostcodeError:
        pass
    else:
        return "postcode", text
    places = Place.objects.order_by("lineage", "id")
    for lookup in ("name__iexact", "name__istartswith"):
        place = places.filter(**{lookup: text}).first()
        if place is not None:
            return "place", place.code
    return "postcode", text


def taxonomy_choices(model, locale):
    """(slug, name) pairs, named in the reader's language where a translation exists.

    The same for every reader in a language, and asked for by the directory's form and the
    home page's search box: kept in the site cache (core/site_cache.py), which a saved or
    deleted term drops (the taxonomies are declared in directory/wagtail_hooks.py)."""
    return remember(
        ("taxonomy-choices", model._meta.label, locale.pk),
        lambda: _taxonomy_choices(model, locale),
    )


def _taxonomy_choices(model, locale):
    rows = {}
    for item in model.objects.select_related("locale").order_by("sort_order", "name"):
        if item.slug not in rows or item.locale_id == locale.pk:
            rows[item.slug] = item
    return [(slug, item.name) for slug, item in rows.items()]


# What HTML allows as the value of a number box and a date box ("valid floating-point number",
# "valid date string"); see BrowserValueBoundField.
HTML_NUMBER = re.compile(r"-?(\d+(\.\d+)?|\.\d+)([eE][-+]?\d+)?")
HTML_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def fits_the_box(field, value):
    """Whether ``value``, as sent, may stand in the number or date box that shows ``field``."""
    if isinstance(field, (forms.IntegerField, forms.DecimalField, forms.FloatField)):
        return bool(HTML_NUMBER.fullmatch(value))
    if isinstance(field, forms.DateField):
        try:
            return bool(HTML_DATE.fullmatch(value)) and date.fromisoformat(value) is not None
        except ValueError:
            return False
    return True


class BrowserValueBoundField(BoundField):
    """Echoes a typed address's value into a number or date box only when the box could hold
    it, as a browser would: ``?age=abc`` or ``?date_from=2026-02-30`` leaves the box empty
    (the error above the form still names the field), where the raw text would make the page
    invalid HTML. An out-of-range number such as ``-4`` is still shown beside its error."""

    def value(self):
        value = super().value()
        if isinstance(value, str) and not fits_the_box(self.field, value):
            return None
        return value


class DirectorySearchForm(forms.Form):
    bound_field_class = BrowserValueBoundField

    q = forms.CharField(
        label=_("Keywords"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={
            "max_length": _("Please shorten your keywords to %(limit_value)d characters or fewer.")
        },
    )
    place = forms.CharField(label=_("Place"), required=False, max_length=20)
    postcode = forms.CharField(
        label=_("Near postcode"),
        required=False,
        max_length=20,
        error_messages={
            "max_length": _("A UK postcode has at most eight characters, such as LE1 6AD.")
        },
        help_text=_("Your school's postcode, or just its first part (such as LE1)."),
    )
    radius = forms.TypedChoiceField(
        label=_("Within"),
        choices=RADIUS_CHOICES,
        coerce=int,
        required=False,
        empty_value=DEFAULT_RADIUS,
    )
    art_form = forms.MultipleChoiceField(label=_("Art forms"), required=False)
    age = forms.IntegerField(label=_("Child's age"), required=False, min_value=2, max_value=18)
    age_from = forms.IntegerField(label=_("Ages from"), required=False, min_value=2, max_value=18)
    age_to = forms.IntegerField(label=_("Ages to"), required=False, min_value=2, max_value=18)
    stage = forms.ChoiceField(label=_("School stage"), required=False)
    format = forms.MultipleChoiceField(label=_("Format"), required=False)
    free = forms.BooleanField(label=_("Free only"), required=False)
    max_price = forms.DecimalField(
        label=_("Maximum price (£)"), required=False, min_value=0, max_digits=8, decimal_places=2
    )
    date_from = forms.DateField(
        label=_("Available from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("Available until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    access = forms.MultipleChoiceField(label=_("Access"), required=False)
    language = forms.MultipleChoiceField(label=_("Language of delivery"), required=False)
    in_care = forms.BooleanField(label=_("Suitable for children in care"), required=False)
    cpd = forms.BooleanField(label=_("Professional development for teachers"), required=False)
    sort = forms.ChoiceField(label=_("Sort by"), choices=SORT_CHOICES, required=False)
    page = forms.IntegerField(label=_("Page"), required=False, min_value=1, max_value=MAX_PAGE)

    def __init__(self, *args, nation_code=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.nation_code = nation_code
        # The nation's Place when the search was narrowed to it by default, not by the reader.
        self.default_nation = None
        locale = Locale.get_active()
        for name, (model, _mode) in TAXONOMY_FILTERS.items():
            self.fields[name].choices = taxonomy_choices(model, locale)
        self.stages = stages_for(nation_code)
        if nation_code == NORTHERN_IRELAND:
            self.fields["postcode"].help_text = NO_BT_POSTCODES
        self.fields["stage"].choices = [("", _("Any stage"))] + [
            (s.slug, s.label) for s in self.stages
        ]

    def clean_q(self):
        return self.cleaned_data["q"].strip()

    def clean_place(self):
        code = self.cleaned_data["place"].strip()
        if not code or code.lower() == WHOLE_UK:
            return None
        place = Place.objects.filter(code__iexact=code).order_by("id").first()
        if place is None:
            raise forms.ValidationError(_("We do not know that place. Choose one from the list."))
        return place

    def clean_postcode(self):
        text = self.cleaned_data["postcode"].strip()
        if not text:
            return None
        try:
            return find_district(text)
        except PostcodeError as error:
            if str(error) == "unknown district" and text.upper().startswith("BT"):
                raise forms.ValidationError(NO_BT_POSTCODES) from None
            if str(error) == "unknown district":
                raise forms.ValidationError(
                    _(
                        "We could not find the area of postcode %(postcode)s. Try a nearby "
                        "postcode, or search by place instead."
                    ),
                    params={"postcode": text.upper()},
                ) from None
            raise forms.ValidationError(
                _(
                    "“%(postcode)s” does not look like a UK postcode. Try one like LE1 6AD, or "
                    "just LE1."
                ),
                params={"postcode": text},
            ) from None

    def clean_stage(self):
        slug = self.cleaned_data["stage"]
        return next((stage for stage in self.stages if stage.slug == slug), None)

    def clean(self):
        cleaned = super().clean()
        age = cleaned.get("age")
        age_from, age_to = cleaned.get("age_from"), cleaned.get("age_to")
        if age is not None:
            age_from = age_to = age
        if age_from is not None and age_to is not None and age_from > age_to:
            self.add_error("age_to", _("“Ages to” must be the same as or above “ages from”."))
            age_from = age_to = None
        cleaned["age_range"] = (age_from, age_to) if (age_from, age_to) != (None, None) else None
        date_from, date_to = cleaned.get("date_from"), cleaned.get("date_to")
        if date_from and date_to and date_from > date_to:
            self.add_error("date_to", _("“Available until” must be on or after “available from”."))
            cleaned["date_from"] = cleaned["date_to"] = None
        if cleaned.get("sort") == "nearest" and not cleaned.get("postcode"):
            cleaned["sort"] = ""
        return cleaned

    def valid_data(self):
        """The cleaned values of the fields that passed, so one bad parameter does not throw
        away the rest of a teacher's search."""
        self.is_valid()
        data = {name: value for name, value in self.cleaned_data.items() if name not in self.errors}
        data.setdefault("age_range", None)
        asked_for_place = (self.data.get("place") or "").strip() or self.data.get("postcode")
        if self.nation_code and not asked_for_place:
            code = self.nation_code
            self.default_nation = remember(
                ("nation-place", code),
                lambda: Place.objects.filter(code=code).order_by("id").first(),
            )
            data["place"] = self.default_nation
        return data
