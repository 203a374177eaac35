"""Live figures for advocacy: each figure against an independent count over a built set of
places, activities and backpacks (a region's authorities and activities that come to schools
included), the cache (used, then expired), the block in a real story in English and Welsh, and
figures that cannot be computed."""

import time
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale

from backpack.factories import BackpackFactory, PlannedExperienceFactory
from core.live_figures import CACHE_SECONDS, live_figure
from directory.factories import ActivityPageFactory, DirectoryIndexPageFactory, ProviderPageFactory
from home.factories import site_with_home_page
from insights import live_figures
from insights.coverage import CoverageQuery, coverage_rows
from places.loader import load_places
from places.models import Place
from stories.factories import StoryIndexPageFactory, StoryPageFactory
from tests.worlds import module_world

ON_OFFER = live_figures.ACTIVITIES_ON_OFFER
WITHOUT = live_figures.AUTHORITIES_WITHOUT_OFFER
ON_TRACK = live_figures.CLASSES_ON_TRACK

# (slug, places, art forms, formats, venue postcode, live)
ACTIVITIES = [
    ("leicester-concert", ["GB-LCE"], ["music"], ["visit-a-venue"], "LE1", True),
    # For the whole East Midlands, coming to schools: on offer in each of its authorities.
    ("em-band", ["E12000004"], ["music"], ["comes-to-school"], "", True),
    ("england-dance", ["GB-ENG"], ["dance"], ["online"], "", True),
    ("derby-theatre", ["GB-DER"], ["theatre-drama", "music"], ["comes-to-school"], "", True),
    ("draft-drums", ["GB-LCE"], ["music"], ["comes-to-school"], "", False),
    ("cardiff-dance", ["GB-CRF"], ["dance"], ["visit-a-venue"], "CF10", True),
    ("wales-music", ["GB-WLS"], ["music"], ["comes-to-school"], "", True),
    # Two places, one activity: counted once.
    ("fife-and-derby", ["GB-FIF", "GB-DER"], ["music"], ["online"], "", True),
]
AREAS = ["", "GB-ENG", "GB-WLS", "GB-SCT", "GB-NIR", "E12000004", "GB-LCE", "GB-CRF", "GB-SWA"]
ART_FORMS = ["", "music", "dance", "theatre-drama"]


def build_world():
    home = site_with_home_page("insights-live-figures-home")
    load_places()
    directory = DirectoryIndexPageFactory(parent=home)
    provider = ProviderPageFactory(parent=directory, slug="live-provider")
    activities = []
    for slug, places, forms, formats, postcode, live in ACTIVITIES:
        activity = ActivityPageFactory(
            parent=provider,
            slug=slug,
            places=places,
            art_forms=forms,
            formats=formats,
            venue_name="Hall" if postcode else "",
            venue_postcode=postcode,
        )
        if not live:
            activity.unpublish()
        activities.append(activity)
    stories = StoryIndexPageFactory(parent=home)
    return {"home": home, "stories": stories, "provider": provider, "activity": activities[0]}


@pytest.fixture(scope="module")
def shared_world(request):
    yield from module_world(request, "insights-live-figures", build_world)


@pytest.fixture
def world(shared_world, db):
    cache.clear()
    yield shared_world
    cache.clear()


def lineage(code):
    return Place.objects.get(locale__language_code="en", code=code).lineage


def expected_on_offer(area, art_form):
    """Counted by hand: a live activity in the art form with a place within the area or
    containing it."""
    area_lineage = lineage(area) if area else "/"
    count = 0
    for _slug, places, forms, _formats, _postcode, live in ACTIVITIES:
        if not live or (art_form and art_form not in forms):
            continue
        lineages = [lineage(code) for code in places]
        if any(each.startswith(area_lineage) or area_lineage.startswith(each) for each in lineages):
            count += 1
    return count


def expected_without(area, art_form):
    """Counted by hand: the authorities in the area that no live activity in the art form
    covers (its place is the authority or contains it)."""
    area_lineage = lineage(area) if area else "/"
    authorities = Place.objects.filter(
        locale__language_code="en", kind="local_authority", lineage__startswith=area_lineage
    ).values_list("lineage", flat=True)
    offers = [
        [lineage(code) for code in places]
        for _slug, places, forms, _formats, _postcode, live in ACTIVITIES
        if live and (not art_form or art_form in forms)
    ]
    return sum(
        1
        for authority in authorities
        if not any(authority.startswith(each) for places in offers for each in places)
    )


@pytest.mark.parametrize("art_form", ART_FORMS)
def test_activities_on_offer_equal_an_independent_count(world, art_form):
    for area in AREAS:
        figure = live_figure(ON_OFFER, area, art_form, "en")
        assert figure.value == expected_on_offer(area, art_form), (area, art_form)
    # The set is not trivial: the region counts its own and England's offers.
    assert expected_on_offer("E12000004", "music") == 4
    assert expected_on_offer("GB-SWA", "music") == 1  # Wales-wide music only


@pytest.mark.parametrize("art_form", ART_FORMS)
def test_authorities_without_an_offer_equal_an_independent_count(world, art_form):
    for area in ["", "GB-ENG", "GB-WLS", "GB-SCT", "GB-NIR", "E12000004"]:
        figure = live_figure(WITHOUT, area, art_form, "en")
        assert figure.value == expected_without(area, art_form), (area, art_form)


def test_an_authority_figure_is_the_coverage_reports_total(world):
    """The same rule as Reports › Coverage: for each authority of the region and each art
    form, "on offer" is the report's total, and the cold spots are the report's."""
    rows = coverage_rows(CoverageQuery(region="E12000004"))
    for row in rows:
        figure = live_figure(ON_OFFER, row["code"], row["art_form_slug"], "en")
        assert figure.value == row["total"], row["code"]
    for art_form in ["music", "dance", "theatre-drama"]:
        cold = sum(1 for row in rows if row["art_form_slug"] == art_form and row["cold"])
        assert live_figure(WITHOUT, "E12000004", art_form, "en").value == cold


def test_classes_on_track_equal_an_independent_count(world):
    assert live_figure(ON_TRACK, "GB-WLS", "", "en").value is None  # no backpacks yet
    plans = {
        ("GB-WLS", "a"): ["done"] * 3 + ["booked"] * 2,
        ("GB-WLS", "b"): ["done"] * 4 + ["idea", "requested"],
        ("GB-WLS", "c"): ["booked"] * 6,
        ("GB-ENG", "d"): ["done"] * 5,
        ("GB-ENG", "e"): [],
    }
    for (nation, name), statuses in plans.items():
        backpack = BackpackFactory(class_name=f"Class {name}", nation=nation)
        for status in statuses:
            PlannedExperienceFactory(backpack=backpack, activity=world["activity"], status=status)
    cache.clear()

    def expected(nation):
        chosen = [s for (n, _name), s in plans.items() if not nation or n == nation]
        on_track = sum(1 for s in chosen if sum(x in ("booked", "done") for x in s) >= 5)
        return on_track, len(chosen)

    for nation in ["", "GB-WLS", "GB-ENG"]:
        figure = live_figure(ON_TRACK, nation, "", "en")
        on_track, classes = expected(nation)
        assert figure.value == on_track
        assert f"of {classes} class" in figure.label
    # A region has no backpack figure (backpacks know only their nation): nothing is shown.
    assert live_figure(ON_TRACK, "E12000004", "", "en") is None


def test_the_cache_is_used_then_expires(world, django_assert_num_queries):
    first = live_figure(ON_OFFER, "GB-WLS", "", "en")
    with django_assert_num_queries(0):
        again = live_figure(ON_OFFER, "GB-WLS", "", "en")
    assert again == first
    # A new Welsh activity is not seen until the cached figure expires.
    ActivityPageFactory(
        parent=world["provider"],
        slug="swansea-film",
        places=["GB-SWA"],
        art_forms=["film-animation"],
    )
    assert live_figure(ON_OFFER, "GB-WLS", "", "en").value == first.value
    later = time.time() + CACHE_SECONDS + 1
    with mock.patch("django.core.cache.backends.locmem.time.time", return_value=later):
        fresh = live_figure(ON_OFFER, "GB-WLS", "", "en")
    assert fresh.value == first.value + 1
    assert fresh.computed_at >= first.computed_at


def test_the_cache_is_kept_per_language(world, django_assert_num_queries):
    english = live_figure(ON_OFFER, "GB-WLS", "", "en")
    welsh = live_figure(ON_OFFER, "GB-WLS", "", "cy")
    assert welsh.value == english.value
    # The area is named in each language (the places data has Welsh names).
    assert "Wales" in english.label
    assert "Cymru" in welsh.label


def test_a_nation_with_no_data(world):
    assert live_figure(ON_OFFER, "GB-NIR", "dance", "en").value == 0
    authorities = Place.objects.filter(
        locale__language_code="en", kind="local_authority", lineage__startswith="/GB-NIR/"
    ).count()
    assert authorities > 0
    assert live_figure(WITHOUT, "GB-NIR", "dance", "en").value == authorities
    no_classes = live_figure(ON_TRACK, "GB-NIR", "", "en")
    assert no_classes.value is None and "no data yet" in no_classes.label


def test_choices_that_no_longer_exist_give_no_figure(world):
    assert live_figure("no-such-figure", "GB-WLS", "", "en") is None
    assert live_figure(ON_OFFER, "XX-NOWHERE", "", "en") is None
    assert live_figure(ON_OFFER, "GB-WLS", "no-such-art-form", "en") is None
    assert live_figure(ON_OFFER, "GB-WLS'; DROP TABLE", "", "en") is None


def story_with(world, *values):
    body = [{"type": "live_figure", "value": value} for value in values]
    return StoryPageFactory(parent=world["stories"], kind="advocacy", body=body)


def figures_on(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    return html.select(".live-figure")


def test_the_block_renders_in_a_story_in_english_and_welsh(client, world):
    story = story_with(
        world,
        {"figure": ON_OFFER, "area": "GB-WLS", "art_form": ""},
        {"figure": WITHOUT, "area": "GB-ENG", "art_form": "dance"},
        {"figure": ON_TRACK, "area": "GB-SCT", "art_form": ""},
    )
    on_offer, without, classes = figures_on(client, story)
    number = on_offer.select_one(".live-figure__number")
    # The number and its label are one statement, read together.
    assert number.parent is on_offer.select_one(".live-figure__label").parent
    assert number.get_text() == str(expected_on_offer("GB-WLS", ""))
    assert "activities on offer in Wales" in on_offer.get_text(" ", strip=True)
    assert without.select_one(".live-figure__number").get_text() == str(
        expected_without("GB-ENG", "dance")
    )
    assert classes.select_one(".live-figure__number") is None
    assert "no data yet" in classes.get_text()
    stamp = on_offer.select_one("time")
    today = timezone.localdate()
    assert stamp["datetime"] == today.isoformat()
    assert on_offer.select_one(".live-figure__date").get_text(" ", strip=True) == (
        f"Figures as of {today.day} {today:%B %Y}"
    )

    welsh = Locale.objects.get(language_code="cy")
    welsh_story = story.copy_for_translation(welsh, copy_parents=True)
    welsh_story.save_revision().publish()
    welsh_on_offer = figures_on(client, welsh_story)[0]
    assert welsh_on_offer.select_one(".live-figure__number").get_text() == number.get_text()
    assert "Cymru" in welsh_on_offer.get_text()


def test_a_figure_that_fails_leaves_the_page_working(client, world):
    story = story_with(
        world,
        {"figure": ON_OFFER, "area": "GB-WLS", "art_form": ""},
        {"figure": "retired-figure", "area": "", "art_form": ""},
    )
    with mock.patch.object(
        live_figures, "activities_on_offer_count", side_effect=RuntimeError("database gone")
    ):
        assert figures_on(client, story) == []


def test_the_editor_chooses_from_the_figures_places_and_art_forms(admin_client, world):
    story = story_with(world, {"figure": ON_OFFER, "area": "GB-WLS", "art_form": ""})
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[story.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    # The lists are read when the form is built: every figure, place and art form is offered.
    for text in ["Activities on offer in an area", "Classes on track for five", "GB-CRF"]:
        assert text in content
    assert "theatre-drama" in content
