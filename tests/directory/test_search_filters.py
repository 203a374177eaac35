"""Every directory filter, alone and combined, returns exactly what the rules say."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.test import override_settings
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Locale

from core import site_cache
from directory.search import Filters, activity_scope, search_activities
from directory.search.facets import kept_facet_rows
from places.models import Place
from places.postcodes import distance_km, find_district
from places.stages import stages_for
from tests.directory import oracle

pytestmark = pytest.mark.django_db

ART_FORMS = ["music", "dance", "theatre-drama", "visual-art-craft", "museums-heritage"]
FORMATS = ["comes-to-school", "visit-a-venue", "online"]
ACCESS = ["wheelchair-access", "bsl", "captions", "relaxed"]
LANGUAGES = ["english", "welsh", "bilingual"]


def place(code):
    return Place.objects.get(code=code, locale__language_code="en")


def run(directory_page, filters, nation_code=None, kept=False):
    """The search as a request makes it; ``kept``: with the site cache keeping answers, so the
    scope is kept and its masks answer the filters on terms, places, ages and flags
    (directory/search/facets.py) instead of the facet statement."""
    scope = activity_scope(directory_page, Locale.objects.get(language_code="en"))
    if not kept:
        return search_activities(scope, filters, nation_code, page_size=1000)
    with override_settings(CACHE_SHARED_BY_ALL_PROCESSES=True), site_cache.serving():
        assert kept_facet_rows(scope) is not None
        return search_activities(scope, filters, nation_code, page_size=1000)


def found_ids(results):
    return {activity.pk for activity in results.page.object_list}


def local_authority_lineage(filters):
    if not filters.postcode:
        return None
    return place(filters.postcode.local_authority_code).lineage


def check(directory_page, world, filters, nation_code=None):
    """The matches and their number are the rules', with the scope kept or not; so are the
    facet counts (both ways the same)."""
    expected = oracle.expected_ids(world, filters, local_authority_lineage(filters))
    results, kept = (run(directory_page, filters, nation_code, kept) for kept in (False, True))
    for answer in (results, kept):
        assert found_ids(answer) == expected
        assert answer.total == len(expected)
    assert kept.facets == results.facets
    return results


def single_filters():
    today = timezone.localdate()
    return {
        "nothing": lambda: Filters(),
        "place: a local authority": lambda: Filters(place=place("GB-LCE")),
        "place: a region includes its authorities": lambda: Filters(place=place("E12000004")),
        "place: a nation includes everything beneath": lambda: Filters(place=place("GB-ENG")),
        "near LE1 within 10 miles": lambda: Filters(postcode=find_district("LE1 6AD"), radius=10),
        "near B15 within 25 miles": lambda: Filters(postcode=find_district("B15 2TT"), radius=25),
        "near CV1 within 2 miles": lambda: Filters(postcode=find_district("CV1"), radius=2),
        "one art form": lambda: Filters(art_form=["music"]),
        "several art forms (any)": lambda: Filters(art_form=["music", "dance", "theatre-drama"]),
        "a child's age": lambda: Filters(age_range=(6, 6)),
        "an age range that overlaps": lambda: Filters(age_range=(9, 12)),
        "England stage KS1": lambda: Filters(stage=stages_for("GB-ENG")[1]),
        "format": lambda: Filters(format=["visit-a-venue", "online"]),
        "free only": lambda: Filters(free=True),
        "maximum price": lambda: Filters(max_price=Decimal("7.50")),
        "one date": lambda: Filters(date_from=today + timedelta(days=10)),
        "between dates": lambda: Filters(date_from=today, date_to=today + timedelta(days=30)),
        "access features (all)": lambda: Filters(access=["wheelchair-access", "bsl"]),
        "language of delivery": lambda: Filters(language=["welsh", "bilingual"]),
        "children in care": lambda: Filters(in_care=True),
        "CPD for teachers": lambda: Filters(cpd=True),
    }


@pytest.mark.parametrize("name", list(single_filters()))
def test_each_filter_alone(directory_page, world, name):
    filters = single_filters()[name]()
    results = check(directory_page, world, filters)
    if name != "nothing":
        # A filter that matched everything or nothing would prove little.
        assert 0 < results.total < len(world), name


def test_scottish_stages_label_and_filter_by_level(directory_page, world):
    second_level = stages_for("GB-SCT")[2]
    assert "Second level" in str(second_level.label)
    check(directory_page, world, Filters(stage=second_level), nation_code="GB-SCT")


filters_strategy = st.fixed_dictionaries(
    {},
    optional={
        "place": st.sampled_from(
            ["GB-LCE", "E12000004", "E12000005", "GB-ENG", "GB-WLS", "GB-BIR"]
        ),
        "postcode": st.sampled_from(["LE1", "DE1", "CV3", "B1", "NG1", "CF10"]),
        "radius": st.sampled_from([2, 5, 10, 25, 50]),
        "art_form": st.lists(st.sampled_from(ART_FORMS), min_size=1, max_size=3, unique=True),
        "format": st.lists(st.sampled_from(FORMATS), min_size=1, max_size=2, unique=True),
        "access": st.lists(st.sampled_from(ACCESS), min_size=1, max_size=2, unique=True),
        "language": st.lists(st.sampled_from(LANGUAGES), min_size=1, max_size=2, unique=True),
        "age_range": st.tuples(st.integers(3, 14), st.integers(0, 4)).map(
            lambda t: (t[0], t[0] + t[1])
        ),
        "stage": st.integers(0, 3),
        "free": st.booleans(),
        "max_price": st.sampled_from([Decimal("3"), Decimal("8"), Decimal("200")]),
        "days": st.tuples(st.integers(-10, 100), st.integers(0, 40)),
        "in_care": st.booleans(),
        "cpd": st.booleans(),
    },
)


def build_filters(spec):
    today = timezone.localdate()
    values = dict(spec)
    if "place" in values:
        values["place"] = place(values["place"])
    if "postcode" in values:
        values["postcode"] = find_district(values["postcode"])
    if "stage" in values:
        values["stage"] = stages_for("GB-ENG")[values["stage"]]
    if "days" in values:
        start, length = values.pop("days")
        values["date_from"] = today + timedelta(days=start)
        values["date_to"] = values["date_from"] + timedelta(days=length)
    return Filters(**values)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(spec=filters_strategy)
def test_filters_combined_match_the_rules(directory_page, world, spec):
    filters = build_filters(spec)
    check(directory_page, world, filters)


@pytest.mark.parametrize(
    "spec",
    [
        {},
        {"art_form": ["music", "dance"], "free": True},
        {"place": "E12000004", "access": ["bsl"], "age_range": (7, 9)},
        {"postcode": "LE1", "radius": 50, "format": ["comes-to-school"], "cpd": True},
        {"language": ["english"], "stage": 2, "in_care": True, "max_price": Decimal("8")},
    ],
)
@pytest.mark.parametrize("kept", [False, True], ids=["statement", "kept masks"])
def test_facet_counts_respect_the_other_filters(directory_page, world, spec, kept):
    filters = build_filters(spec)
    results = run(directory_page, filters, kept=kept)
    expected = oracle.expected_facets(world, filters, None, local_authority_lineage(filters))
    for name in ("art_form", "format", "access", "language"):
        assert {k: v for k, v in results.facets[name].items() if v} == expected[name], name
    assert results.facets["stage"] == expected["stage"]
    for name in ("free", "in_care", "cpd"):
        assert results.facets[name] == expected[name], name


def test_nearest_first_follows_true_distance(directory_page, world):
    district = find_district("LE1 6AD")
    results = run(directory_page, Filters(postcode=district, radius=50, sort="nearest"))
    activities = results.page.object_list
    located = [a for a in activities if a.latitude is not None]
    distances = [
        distance_km(district.latitude, district.longitude, a.latitude, a.longitude) for a in located
    ]
    assert len(located) >= 5
    assert distances == sorted(distances)
    # Activities without a venue (they come to the school) follow the located ones.
    first_unlocated = next(
        (i for i, a in enumerate(activities) if a.latitude is None), len(activities)
    )
    assert all(a.latitude is None for a in activities[first_unlocated:])
    for activity in located:
        assert results.distances[activity.pk] == pytest.approx(
            distance_km(
                district.latitude, district.longitude, activity.latitude, activity.longitude
            )
        )


def test_a_to_z_and_soonest_orders(directory_page, world):
    titles = [a.title for a in run(directory_page, Filters(sort="az")).page.object_list]
    assert titles == sorted(titles)
    now = timezone.now()
    soonest = run(directory_page, Filters(sort="soonest")).page.object_list

    def next_start(activity):
        record = next(r for r in world if r.pk == activity.pk)
        upcoming = [start for start, _end in record.sessions if start >= now]
        return min(upcoming) if upcoming else None

    starts = [next_start(a) for a in soonest]
    dated = [s for s in starts if s is not None]
    assert dated == sorted(dated)
    assert starts[: len(dated)] == dated  # activities with no upcoming session come last


def test_text_search_combines_with_filters(directory_page, world):
    with_marker = {r.pk for r in world if "zebra" in r.title}
    results = run(directory_page, Filters(q="zebra"))
    assert found_ids(results) == with_marker
    combined = run(directory_page, Filters(q="zebra", free=True))
    assert found_ids(combined) == {r.pk for r in world if "zebra" in r.title and r.is_free}
    assert run(directory_page, Filters(q="zebra quokka")).total == 0


def test_pagination_is_stable_and_complete(directory_page, world):
    scope = activity_scope(directory_page, Locale.objects.get(language_code="en"))
    seen = []
    for number in (1, 2, 3):
        page = search_activities(scope, Filters(sort="az", page=number), page_size=20).page
        seen += [a.pk for a in page.object_list]
    assert len(seen) == len(set(seen)) == len(world)
