"""What the directory's number and date boxes show after a typed address (issue 14): a value
such a box cannot hold is left out, as a browser would leave it, so the page stays valid HTML;
the error still names the field."""

import pytest
from django.http import QueryDict

from directory.forms import DirectorySearchForm

pytestmark = pytest.mark.django_db


def shown(query):
    form = DirectorySearchForm(QueryDict(query))
    form.is_valid()
    return form


@pytest.mark.parametrize(
    ("query", "field", "value"),
    [
        ("age=abc", "age", None),
        ("age=1e999x", "age", None),
        ("max_price=%C2%A35", "max_price", None),
        ("date_from=31-31-2026", "date_from", None),
        ("date_to=2026-02-30", "date_to", None),
        ("date_to=20270101", "date_to", None),
        # Numbers and dates a box can hold are shown, beside their error when out of range.
        ("age=-4", "age", "-4"),
        ("age=8", "age", "8"),
        ("max_price=12.50", "max_price", "12.50"),
        ("date_from=2027-01-01", "date_from", "2027-01-01"),
        # Text boxes show what was typed, whatever it is.
        ("postcode=%3Cb%3E", "postcode", "<b>"),
    ],
)
def test_a_box_shows_only_a_value_it_can_hold(query, field, value):
    assert shown(query)[field].value() == value


def test_the_error_still_names_the_field_whose_value_is_not_shown():
    form = shown("age=abc&date_from=2026-02-30")
    assert set(form.errors) == {"age", "date_from"}
    html = str(form["date_from"])
    assert 'type="date"' in html
    assert "value=" not in html
