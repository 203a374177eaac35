"""The demo directory supports a teacher's journey in each pilot area: for every primary year
group and each of the five core art forms, at least three activities near the school (within
ten miles of its postcode, or in its council area where postcodes have no location), one of
them coming to the school, from at least two providers; Welsh-medium offers in Wales,
translated into Welsh; and activities that never contradict themselves."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Locale, Site

from directory.models import ActivityPage, DirectoryIndexPage
from directory.search import Filters, activity_scope, search_activities
from places.models import Place
from places.postcodes import find_district

pytestmark = pytest.mark.django_db

ART_FORMS = ["music", "dance", "theatre-drama", "visual-art-craft", "museums-heritage"]
# A primary year group's children are these ages during the year (reception or P1 to year 6
# or P7).
PRIMARY_AGES = range(4, 12)
# How a teacher in each pilot area searches: near the school's postcode within ten miles, or,
# in Northern Ireland (no open postcode locations), by council area.
PILOT_AREAS = {
    "Leicester": ("england", {"postcode": "LE1 6AA"}),
    "Cardiff": ("wales", {"postcode": "CF10 1AA"}),
    "Fife": ("scotland", {"postcode": "KY1 2AB"}),
    "Belfast": ("northern-ireland", {"place": "GB-BFS"}),
}


def _scope(region_key, language="en"):
    from regions.models import RegionSettings

    site = RegionSettings.objects.get(region=region_key).site
    locale = Locale.objects.get(language_code=language)
    directory = DirectoryIndexPage.objects.child_of(site.root_page).get()
    if language != "en":
        directory = directory.get_translation(locale)
    return activity_scope(directory, locale)


def _where(search):
    if "postcode" in search:
        return {"postcode": find_district(search["postcode"]), "radius": 10}
    return {"place": Place.objects.get(code=search["place"], locale__language_code="en")}


@pytest.mark.parametrize("area", PILOT_AREAS)
def test_every_year_group_finds_three_activities_of_each_art_form_nearby(demo_site, area):
    region, search = PILOT_AREAS[area]
    scope = _scope(region)
    shortfalls = []
    for art_form in ART_FORMS:
        for age in PRIMARY_AGES:
            filters = Filters(**_where(search), art_form=(art_form,), age_range=(age, age))
            results = search_activities(scope, filters, page_size=50)
            found = list(results.page.object_list)
            comes_to_school = [
                a for a in found if a.formats.filter(slug="comes-to-school").exists()
            ]
            if results.total < 3 or not comes_to_school:
                shortfalls.append((art_form, age, results.total, len(comes_to_school)))
    assert shortfalls == [], area


COUNCIL_AREAS = {"Leicester": "GB-LCE", "Cardiff": "GB-CRF", "Fife": "GB-FIF", "Belfast": "GB-BFS"}


@pytest.mark.parametrize("area", PILOT_AREAS)
def test_every_art_form_nearby_comes_from_more_than_one_provider(demo_site, area):
    """A teacher compares providers, not only one provider's offers: whatever their class's
    year group, near the school and in its council area, each core art form's results come
    from at least two providers."""
    region, search = PILOT_AREAS[area]
    scope = _scope(region)
    council = Place.objects.get(code=COUNCIL_AREAS[area], locale__language_code="en")
    shortfalls = []
    # Every year group near the school; the youngest, a middle and the oldest in the council
    # area (the same providers, so fewer searches keep the test quick).
    for where, ages in ((_where(search), PRIMARY_AGES), ({"place": council}, (4, 7, 11))):
        for art_form in ART_FORMS:
            for age in ages:
                filters = Filters(**where, art_form=(art_form,), age_range=(age, age))
                results = search_activities(scope, filters, page_size=50)
                found = list(results.page.object_list)
                assert len(found) == results.total  # every result is on this one page
                # An activity is its provider's child page: the parent's tree path, without
                # a query per result.
                providers = {activity.path[: -ActivityPage.steplen] for activity in found}
                if results.total < 3 or len(providers) < 2:
                    shortfalls.append((sorted(where), art_form, age, results.total, providers))
    assert shortfalls == [], area


def test_the_same_is_true_by_council_area(demo_site):
    for area, code in COUNCIL_AREAS.items():
        scope = _scope(PILOT_AREAS[area][0])
        place = Place.objects.get(code=code, locale__language_code="en")
        for art_form in ART_FORMS:
            for age in (4, 7, 11):
                filters = Filters(place=place, art_form=(art_form,), age_range=(age, age))
                assert search_activities(scope, filters).total >= 3, (area, art_form, age)


def test_in_wales_some_of_each_art_form_are_delivered_in_welsh_and_translated(demo_site):
    welsh_reader = _scope("wales", "cy")
    place = Place.objects.get(code="GB-CRF", locale__language_code="en")
    for art_form in ART_FORMS:
        filters = Filters(place=place, art_form=(art_form,), language=("welsh",))
        results = search_activities(welsh_reader, filters)
        in_welsh = [a for a in results.page.object_list if a.locale.language_code == "cy"]
        assert in_welsh, art_form
        for activity in in_welsh:
            assert activity.delivery_languages.filter(slug="welsh").exists()


def _english_activities():
    return ActivityPage.objects.filter(locale__language_code="en").prefetch_related(
        "formats", "sessions"
    )


def test_demo_slugs_are_readable(demo_site):
    slugs = list(ActivityPage.objects.values_list("slug", flat=True))
    assert slugs
    assert [slug for slug in slugs if re.search(r"-\d+$", slug)] == []


def test_no_demo_activity_contradicts_itself(demo_site):
    problems = []
    for activity in _english_activities():
        formats = {term.slug for term in activity.formats.all()}
        has_venue = bool(activity.venue_name or activity.venue_postcode)
        title = activity.title.lower()
        checks = {
            "online has no venue and is not outdoors": "online" not in formats
            or (not has_venue and "outdoors-community" not in formats),
            "a walk is not online": "walk" not in title or "online" not in formats,
            "a visit has a venue": ("visit-a-venue" in formats) == has_venue,
            "comes to school has no venue": "comes-to-school" not in formats or not has_venue,
            "whole school is not one class at a time": not (
                activity.group_size == "Whole school" and "one class" in activity.description
            )
            and not (
                activity.group_size.startswith("One class")
                and "whole school" in activity.description
            ),
            "ages in order": activity.age_min <= activity.age_max,
            "dated or on request": bool(activity.sessions.all())
            == (activity.availability == "dated"),
        }
        # Dates and times as a teacher reads them (weekly sessions keep their local time
        # across a change of the clocks).
        sessions = [
            (timezone.localtime(s.start), timezone.localtime(s.end))
            for s in sorted(activity.sessions.all(), key=lambda s: s.start)
        ]
        lengths = {end - start for start, end in sessions}
        if activity.duration == "1 hour":
            checks["one-hour sessions"] = lengths <= {timedelta(hours=1)}
        elif activity.duration.startswith("Half a day"):
            checks["half-day sessions"] = all(
                timedelta(hours=2) <= n <= timedelta(hours=3) for n in lengths
            )
        elif activity.duration == "A full school day":
            checks["full-day sessions"] = all(n >= timedelta(hours=5) for n in lengths)
        elif activity.duration.startswith("Six weekly"):
            checks["six weekly sessions"] = not sessions or (
                len(sessions) == 6
                and all(
                    b[0].date() - a[0].date() == timedelta(weeks=1)
                    for a, b in zip(sessions, sessions[1:], strict=False)
                )
            )
        else:
            checks["a known duration"] = False
        checks["sessions on weekdays"] = all(start.weekday() < 5 for start, _end in sessions)
        problems += [(activity.slug, name) for name, ok in checks.items() if not ok]
    assert problems == []


def test_demo_prices_and_dates_vary(demo_site):
    activities = list(_english_activities())
    prices = {(a.price, a.price_unit) for a in activities if not a.is_free}
    assert len(prices) >= 10
    assert sum(a.is_free for a in activities) >= 10
    starts = {s.start.date() for a in activities for s in a.sessions.all()}
    assert len(starts) >= 30
    assert ActivityPage.objects.filter(availability="on_request").exists()
    assert Site.objects.count() == 4


def test_a_provider_offers_named_ideas_in_other_art_forms_for_every_year_group():
    from directory.demo_content import plan_offers

    spec = {
        "slug": "example-touring-company",
        "places": ["GB-LCE"],
        "forms": [],
        "also": {"music": "Big sing assembly", "dance": "Dance assembly"},
    }
    offers = [(form, idea["title"], ages) for form, idea, ages, _language in plan_offers(spec)]
    assert [(form, title) for form, title, _ages in offers] == [
        ("music", "Big sing assembly"),
        ("dance", "Dance assembly"),
    ]
    assert all(age_min <= 4 and age_max >= 11 for _form, _title, (age_min, age_max) in offers)
    # A provider with no venue cannot host a visit: a data mistake stops the load.
    with pytest.raises(ValueError, match="Dance studio day"):
        plan_offers({**spec, "also": {"dance": "Dance studio day"}})
    with pytest.raises(ValueError, match="No such idea"):
        plan_offers({**spec, "also": {"dance": "No such idea"}})
