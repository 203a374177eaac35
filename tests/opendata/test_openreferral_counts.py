"""The Open Referral lists are the directory's own search: ``total_items`` equals the count the
directory page shows for the same filters, and the filters the page does not offer select
what an independent reading of the seeded world says they should."""

from datetime import timedelta

import pytest
from django.utils import timezone

from directory.models import AccessFeature, ActivityPage, ArtForm, DeliveryLanguage, Format
from places.postcodes import distance_km, find_district
from tests.opendata.conftest import get, walk

MODELS = {
    "art_form": ArtForm,
    "format": Format,
    "access": AccessFeature,
    "language": DeliveryLanguage,
}


def term_ids(name, slugs):
    model = MODELS[name]
    keys = model.objects.filter(locale__language_code="en", slug__in=slugs).values_list(
        "translation_key", flat=True
    )
    return [str(key) for key in keys]


def directory_count(client, directory_page, query):
    response = client.get(directory_page.url, query)
    assert response.status_code == 200
    return response.context["results"].total


# (the directory page's query, the same filters for Open Referral)
CASES = [
    {},
    {"q": "zebra"},
    {"art_form": ["music", "dance"]},
    {"format": ["online"], "language": ["english"]},
    {"access": ["wheelchair-access", "bsl"]},
    {"q": "quokka", "art_form": ["theatre-drama", "music", "visual-art-craft"]},
]


@pytest.mark.parametrize("query", CASES, ids=lambda query: "&".join(query) or "nothing")
def test_total_items_is_the_directory_pages_count(client, world, directory_page, query):
    parameters = {}
    ids = []
    for name, slugs in query.items():
        if name == "q":
            parameters["search"] = slugs
        else:
            ids += term_ids(name, slugs)
    if ids:
        parameters["taxonomy_term_id"] = ",".join(ids)
    expected = directory_count(client, directory_page, query)
    body = get(client, "services", **parameters).json()
    assert body["total_items"] == expected
    # And the services are the page's activities, every one of them.
    assert len(walk(client, "services", **parameters)) == expected


def test_the_counts_compared_are_not_all_the_same(client, world, directory_page):
    """The cases above narrow the directory differently (a comparison of equal totals would
    prove little if every filter found everything)."""
    counts = {directory_count(client, directory_page, query) for query in CASES}
    assert len(counts) >= 4


def test_age_bounds(client, world):
    def total(**parameters):
        return get(client, "services", **parameters).json()["total_items"]

    assert total(minimum_age=5) == sum(1 for e in world if e.age_min >= 5)
    assert total(maximum_age=7) == sum(1 for e in world if e.age_max <= 7)
    assert total(minimum_age=5, maximum_age=11) == sum(
        1 for e in world if e.age_min >= 5 and e.age_max <= 11
    )
    assert 0 < total(minimum_age=5, maximum_age=11) < len(world)


def test_day_and_time_of_session(client, world):
    zone = timezone.get_current_timezone()

    def dated(condition):
        return sum(
            1
            for e in world
            if any(condition(start.astimezone(zone), end) for start, end in e.sessions)
        )

    def total(**parameters):
        return get(client, "services", **parameters).json()["total_items"]

    # The world's sessions all start at 10:00; most end at noon, some have no end.
    assert total(start_time="09:30") == dated(lambda start, end: True) > 0
    assert total(start_time="10:30") == 0
    assert total(end_time="11:00") == dated(lambda start, end: end is None)
    assert total(end_time="12:00") == dated(lambda start, end: True)
    for day, number in (("MO", 0), ("sa", 5)):
        assert total(day=day) == dated(lambda start, end, n=number: start.weekday() == n)
    assert total(day="MO,TU") == dated(lambda start, end: start.weekday() in (0, 1))


def test_modified_after(client, world):
    last = ActivityPage.objects.order_by("-last_published_at").first()
    later = last.last_published_at + timedelta(days=3)
    ActivityPage.objects.filter(pk=last.pk).update(last_published_at=later)
    body = get(client, "services", modified_after=(later - timedelta(days=1)).isoformat()).json()
    assert [service["name"] for service in body["contents"]] == [last.title]
    assert get(client, "services", modified_after="2000-01-01").json()["total_items"] == len(world)


def test_taxonomy_and_unknown_ids(client, world):
    access = next(
        t for t in get(client, "taxonomies").json()["contents"] if t["name"] == "Access features"
    )
    body = get(client, "services", taxonomy_id=access["id"]).json()
    assert body["total_items"] == sum(1 for e in world if e.access)
    unknown = "00000000-0000-4000-8000-000000000000"
    assert get(client, "services", taxonomy_id=unknown).json()["total_items"] == 0
    assert get(client, "services", taxonomy_term_id=unknown).json()["total_items"] == 0


def test_near_a_postcode_nearest_first(client, world):
    district = find_district("LE1")
    metres = 30_000
    expected = {
        e.title
        for e in world
        if e.latitude is not None
        and distance_km(district.latitude, district.longitude, e.latitude, e.longitude) * 1000
        <= metres
    }
    items = walk(client, "service_at_locations", postcode="LE1 6AD", proximity=metres)
    assert {item["service"]["name"] for item in items} == expected
    distances = [
        distance_km(
            district.latitude,
            district.longitude,
            item["location"]["latitude"],
            item["location"]["longitude"],
        )
        for item in items
    ]
    assert distances == sorted(distances)
    everywhere = walk(client, "service_at_locations")
    assert {item["service"]["name"] for item in everywhere} == {
        e.title for e in world if e.latitude is not None
    }


def test_sessions_are_schedules_and_time_is_uk(client, world):
    dated = next(e for e in world if e.sessions)
    service = next(s for s in walk(client, "services") if s["name"] == dated.title)
    starts = sorted(start for start, _end in dated.sessions)
    assert [s["dtstart"] for s in service["schedules"]] == [
        start.astimezone(timezone.get_current_timezone()).date().isoformat() for start in starts
    ]
    assert all(s["opens_at"].startswith("10:00") for s in service["schedules"])
