"""British date, time and number formats (site/config/formats), in each of the four languages.

Django's own "en" formats are American: "March 5, 2027", "03/05/2027", "2:30 p.m.", weeks that
start on Sunday. Every regional site is in the UK.
"""

from datetime import date, datetime

import pytest
from bs4 import BeautifulSoup
from django import forms
from django.template import Context, Template
from django.utils import formats, translation
from wagtail.models import Locale

from stories.factories import StoryPageFactory
from tests.stories.conftest import make_site

MARCH_5 = date(2027, 3, 5)
AFTERNOON = datetime(2027, 3, 5, 14, 30)


def test_english_dates_are_british():
    with translation.override("en"):
        assert formats.date_format(MARCH_5) == "5 March 2027"
        assert formats.date_format(MARCH_5, "SHORT_DATE_FORMAT") == "05/03/2027"
        assert formats.time_format(AFTERNOON) == "14:30"
        assert formats.date_format(AFTERNOON, "DATETIME_FORMAT") == "5 March 2027, 14:30"
        assert formats.get_format("FIRST_DAY_OF_WEEK") == 1
        assert formats.number_format(1234567.5, 2, force_grouping=True) == "1,234,567.50"
        # The date filter without an argument uses DATE_FORMAT.
        rendered = Template("{{ day|date }}").render(Context({"day": MARCH_5}))
        assert rendered == "5 March 2027"


def test_english_forms_read_dates_day_first():
    field = forms.DateField()
    with translation.override("en"):
        assert field.clean("05/03/2027") == MARCH_5
        assert field.clean("2027-03-05") == MARCH_5


@pytest.mark.parametrize(
    ("language", "long_date"),
    [("cy", "5 Mawrth 2027"), ("gd", "5 Am Màrt 2027"), ("ga", "5 Márta 2027")],
)
def test_other_languages_name_the_month_and_use_uk_numbers(language, long_date):
    with translation.override(language):
        assert formats.date_format(MARCH_5) == long_date
        assert formats.date_format(MARCH_5, "SHORT_DATE_FORMAT") == "05/03/2027"
        assert formats.time_format(AFTERNOON) == "14:30"
        assert formats.get_format("FIRST_DAY_OF_WEEK") == 1
        assert formats.get_format("DECIMAL_SEPARATOR") == "."


@pytest.mark.django_db
def test_a_story_date_reads_naturally_in_english_and_welsh(client):
    _home, index = make_site(slug="formats-home")
    story = StoryPageFactory(
        parent=index, title="Spring concert", slug="spring-concert", date=MARCH_5
    )
    welsh = Locale.objects.get(language_code="cy")
    translated = story.copy_for_translation(welsh, copy_parents=True)
    translated.title = "Cyngerdd y gwanwyn"
    translated.save_revision().publish()

    english_page = client.get("/stories/spring-concert/")
    welsh_page = client.get("/cy/stories/spring-concert/")
    assert english_page.status_code == welsh_page.status_code == 200

    def shown_date(response):
        time = BeautifulSoup(response.content, "html.parser").select_one(".story__byline time")
        return time.get_text(strip=True)

    assert shown_date(english_page) == "5 March 2027"
    assert shown_date(welsh_page) == "5 Mawrth 2027"
