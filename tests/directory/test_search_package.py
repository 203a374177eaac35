"""The seams of the search package: frozen filters, a search that leaves them alone, and the
page returning what ``search_activities`` returns for the same filters."""

import dataclasses
from datetime import UTC
from decimal import Decimal

import pytest
from wagtail.models import Locale

from directory.search import Filters, activity_scope, search_activities
from places.models import Place
from places.postcodes import find_district

pytestmark = pytest.mark.django_db


def test_filters_cannot_be_changed():
    filters = Filters(art_form=["music"], age_range=[6, 7])
    assert filters.art_form == ("music",)
    assert filters.age_range == (6, 7)
    with pytest.raises(dataclasses.FrozenInstanceError):
        filters.q = "clay"
    with pytest.raises(AttributeError):
        filters.art_form.append("dance")


def test_the_search_leaves_its_filters_as_given(directory_page, world):
    place = Place.objects.get(code="E12000004", locale__language_code="en")
    filters = Filters(
        q="music",
        place=place,
        postcode=find_district("LE1 6AD"),
        radius=25,
        art_form=["music", "dance"],
        access=["bsl"],
        max_price=Decimal("5"),
        sort="nearest",
    )
    before = dataclasses.replace(filters)
    scope = activity_scope(directory_page, Locale.objects.get(language_code="en"))
    search_activities(scope, filters, "GB-ENG")
    search_activities(scope, filters)
    assert dataclasses.asdict(filters) == dataclasses.asdict(before)


@pytest.mark.parametrize(
    ("query", "filters"),
    [
        ({}, {}),
        ({"art_form": ["music", "dance"], "sort": "az"}, {"art_form": ["music", "dance"]}),
        ({"postcode": "LE1 6AD", "radius": "25"}, {"postcode": "LE1 6AD", "radius": 25}),
        ({"age": "7", "free": "on", "page": "2"}, {"age_range": (7, 7), "free": True}),
    ],
)
def test_the_page_shows_what_search_activities_finds(client, directory_page, world, query, filters):
    response = client.get(directory_page.url, query)
    assert response.status_code == 200
    on_page = [activity.pk for activity in response.context["results"].page.object_list]

    values = dict(filters)
    if "postcode" in values:
        values["postcode"] = find_district(values["postcode"])
    values["sort"] = query.get("sort", "")
    values["page"] = int(query.get("page", 1))
    scope = activity_scope(directory_page, Locale.objects.get(language_code="en"))
    results = search_activities(scope, Filters(**values))
    assert on_page == [activity.pk for activity in results.page.object_list]
    assert response.context["results"].total == results.total


def test_a_long_list_of_text_matches_travels_as_one_parameter(home_page):
    # A common word matches thousands of activities: their ids go to the database as one
    # parameter (a JSON list on SQLite, an array on PostgreSQL), and select the same rows.
    from wagtail.models import Page

    from directory.search.scope import among

    pages = list(Page.objects.values_list("pk", flat=True))
    ids = pages + list(range(10**6, 10**6 + 200))  # and ids that match nothing
    matched = Page.objects.filter(pk__in=among(ids, "default")).values_list("pk", flat=True)
    _sql, params = matched.query.sql_with_params()
    assert len(params) == 1  # not one parameter per id
    assert set(matched) == set(pages)
    assert among([1, 2], "default") == [1, 2]  # a short list stays a plain list


def test_narrows_knows_every_filter():
    """``Filters.narrows`` decides whether a search may skip the database; a filter it forgot
    would be ignored by that shortcut. Every field but the words, order, page and radius must
    narrow, including the values that are false but still filter (a maximum price of 0)."""
    from datetime import date, datetime, time

    samples = {
        "place": object(),
        "postcode": object(),
        "art_form": ("music",),
        "age_range": (None, 7),
        "stage": object(),
        "format": ("workshop",),
        "free": True,
        "max_price": Decimal("0"),
        "date_from": None,
        "date_to": date(2026, 1, 5),
        "access": ("bsl",),
        "language": ("cy",),
        "in_care": True,
        "cpd": True,
        "age_within": (5, None),
        "weekdays": (1,),
        "time_from": time(9),
        "time_to": time(15),
        "modified_after": datetime(2026, 1, 1, tzinfo=UTC),
        "with_terms": ("art_form",),
        "at_venue": True,
    }
    names = {field.name for field in dataclasses.fields(Filters)}
    assert set(samples) == names - {"q", "sort", "page", "radius"}
    for name, value in samples.items():
        if value is not None:
            assert Filters(**{name: value}).narrows(), name
    assert Filters(date_from=date(2026, 1, 5)).narrows()
    assert not Filters(q="music", sort="az", page=3, radius=25).narrows()


@pytest.mark.parametrize(
    "values",
    [
        {},
        {"sort": "az"},
        {"q": "music"},
        {"q": "music", "sort": "az"},
        {"q": "dance"},
        {"q": "music", "free": True},
        {"free": True},
        {"free": True, "sort": "az"},
        {"art_form": ("music", "dance"), "page": 2},
        {"place": "GB-ENG"},  # a regional directory as it opens: held for the generation
        {"place": "GB-ENG", "sort": "az", "page": 2},
        {"place": "E12000004", "access": ("bsl",), "age_range": (7, 9)},
        {"postcode": "LE1", "radius": 25, "art_form": ("music",)},
    ],
)
@pytest.mark.parametrize("for_directory_page", [False, True])
def test_a_kept_scope_finds_what_the_database_finds(
    directory_page, world, settings, values, for_directory_page
):
    """With the scope kept, searches narrowed by words only (or nothing) are answered without
    asking the database to list or count the matches, results are put in a kept A to Z or
    soonest-first order, and the unfiltered facet counts are kept: the answers, counts and
    facets are those of the full queries, twice running (the second from what was kept)."""
    from core import site_cache

    scope = activity_scope(directory_page, Locale.objects.get(language_code="en"))
    values = dict(values)
    if "place" in values:
        values["place"] = Place.objects.get(code=values["place"], locale__language_code="en")
    if "postcode" in values:
        values["postcode"] = find_district(values["postcode"])
    filters = Filters(**values)

    def search():
        return search_activities(
            scope, filters, "GB-ENG", page_size=10, for_directory_page=for_directory_page
        )

    afresh = search()
    settings.CACHE_SHARED_BY_ALL_PROCESSES = True
    with site_cache.serving():
        assert site_cache.keeping()
        kept = [search(), search()]
    for answer in kept:
        assert answer.total == afresh.total > 0
        assert [a.pk for a in answer.page.object_list] == [a.pk for a in afresh.page.object_list]
        assert answer.facets == afresh.facets


def test_the_kept_soonest_order_is_renewed_when_its_first_session_passes(
    directory_page, world, settings, monkeypatch
):
    from django.utils import timezone

    from core import site_cache
    from directory.models import ActivitySession
    from directory.search.query import kept_order, ordered

    scope = activity_scope(directory_page, Locale.objects.get(language_code="en"))
    settings.CACHE_SHARED_BY_ALL_PROCESSES = True
    now = timezone.now()
    upcoming = ActivitySession.objects.filter(start__gte=now).order_by("start")
    first, later = upcoming[0].start, upcoming[1].start
    assert first < later
    with site_cache.serving():
        before = kept_order(scope, "soonest")
        assert before == list(ordered(scope.activities(), "soonest").values_list("pk", flat=True))
        # The soonest session has passed: its activity's next date is later now.
        moment = first + (later - first) / 2
        monkeypatch.setattr(timezone, "now", lambda: moment)
        after = kept_order(scope, "soonest")
        assert after == list(ordered(scope.activities(), "soonest").values_list("pk", flat=True))
    assert after != before


def test_active_keys_name_every_filter_apply_filters_applies():
    """A filter in use is offered as one to drop when nothing matches: a maximum price of 0
    and a date range with only its end given are in use too."""
    from datetime import date

    assert "max_price" in Filters(max_price=Decimal("0")).active_keys()
    assert "date_from" in Filters(date_to=date(2026, 1, 5)).active_keys()
    assert Filters(q="music").active_keys() == []


def test_a_backend_that_builds_objects_searches_within_the_scope(
    directory_page, world, settings, monkeypatch
):
    """With a backend whose matches are objects (Elasticsearch), the words are searched within
    the scope rather than across the index: the same answers either way."""
    from core import site_cache
    from directory.search import query

    scope = activity_scope(directory_page, Locale.objects.get(language_code="en"))
    filters = Filters(q="music")
    afresh = search_activities(scope, filters, "GB-ENG", page_size=10)
    settings.CACHE_SHARED_BY_ALL_PROCESSES = True
    monkeypatch.setattr(query, "finds_keys_cheaply", lambda: False)
    searched = []
    monkeypatch.setattr(query, "_kept_text_matches", lambda *args: searched.append(args))
    with site_cache.serving():
        kept = search_activities(scope, filters, "GB-ENG", page_size=10)
    assert searched == []
    assert kept.total == afresh.total > 0
    assert [a.pk for a in kept.page.object_list] == [a.pk for a in afresh.page.object_list]
    assert kept.facets == afresh.facets


def test_matches_in_order_slice_as_the_whole_list_would():
    """A page of matches read lazily from a kept order is the page the full list gives, at the
    start, in the middle, at the end and beyond it."""
    from directory.search.query import MatchesInOrder

    order = list(range(100, 0, -1))
    wanted = {pk for pk in order if pk % 3 == 0 or pk % 7 == 0}
    expected = [pk for pk in order if pk in wanted]
    lazy = MatchesInOrder(order, wanted, len(expected))
    assert len(lazy) == len(expected)
    for start in range(0, len(expected) + 5, 4):
        for size in (1, 4, 20):
            assert lazy[start : start + size] == expected[start : start + size]
    assert lazy[5:2] == []
    with pytest.raises(TypeError):
        lazy[3]
