"""A seeded little world of providers and activities, with a plain-Python record of each
activity so tests can compute the expected results independently of the search code."""

import random
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from directory.factories import ActivityPageFactory, DirectoryIndexPageFactory, ProviderPageFactory
from directory.models import AccessFeature, ArtForm, DeliveryLanguage, Format
from home.factories import site_with_home_page
from places.loader import load_places
from places.models import Place
from places.postcodes import find_district
from tests.worlds import module_world

# Venue districts around the Midlands, and None for activities that come to the school.
VENUES = [
    "LE1",
    "LE2",
    "LE4",
    "DE1",
    "DE22",
    "CV1",
    "CV3",
    "B1",
    "B15",
    "NG1",
    "WV1",
    "CF10",
    None,
    None,
]
AGE_RANGES = [
    (3, 5),
    (4, 7),
    (5, 7),
    (5, 11),
    (7, 11),
    (8, 11),
    (9, 11),
    (10, 14),
    (3, 11),
    (12, 16),
]
MARKERS = ["zebra", "quokka", "narwhal", "axolotl"]


@dataclass
class Expected:
    """What the test set on one activity: the oracle's view of it."""

    pk: int
    title: str
    place_lineages: list
    latitude: float | None
    longitude: float | None
    art_forms: set
    formats: set
    access: set
    languages: set
    age_min: int
    age_max: int
    is_free: bool
    price: Decimal | None
    availability: str
    window: tuple
    sessions: list = field(default_factory=list)
    in_care: bool = False
    cpd: bool = False


def build_directory_page():
    home = site_with_home_page("directory-test-home")
    load_places()
    return DirectoryIndexPageFactory(parent=home, publish=None)


@pytest.fixture(scope="module")
def shared_directory_page(request):
    yield from module_world(request, "directory-page", build_directory_page)


@pytest.fixture
def directory_page(shared_directory_page, db):
    return shared_directory_page


def slugs(model):
    return sorted(model.objects.filter(locale__language_code="en").values_list("slug", flat=True))


@pytest.fixture(scope="module")
def shared_world(request, shared_directory_page):
    yield from module_world(
        request,
        "directory-world",
        lambda: build_world(shared_directory_page),
        on="directory-page",
    )


@pytest.fixture
def world(shared_world, db):
    return shared_world


def build_world(directory_page):
    """About fifty varied activities from three providers, plus their oracle records."""
    rng = random.Random(20261123)  # noqa: S311
    providers = [
        ProviderPageFactory(parent=directory_page, slug=slug) for slug in ("alpha", "beta", "gamma")
    ]
    art_forms, formats, access, languages = (
        slugs(m) for m in (ArtForm, Format, AccessFeature, DeliveryLanguage)
    )
    authorities = {
        place.code: place
        for place in Place.objects.filter(locale__language_code="en", kind="local_authority")
    }
    broad = ["GB-ENG", "E12000004", "E12000005", "GB-WLS"]
    zone = timezone.get_current_timezone()
    today = timezone.localdate()
    expected = []
    for number in range(50):
        venue = rng.choice(VENUES)
        if venue:
            district = find_district(venue)
            place_codes = [district.local_authority_code]
        else:
            district = None
            place_codes = [rng.choice([*broad, "GB-LCE", "GB-DER", "GB-COV", "GB-BIR"])]
        age_min, age_max = rng.choice(AGE_RANGES)
        is_free = rng.random() < 0.4
        price = None if is_free else Decimal(rng.choice(["3.00", "7.50", "12.00", "150.00"]))
        availability = rng.choice(["dated", "dated", "on_request"])
        window = (None, None)
        sessions = []
        if availability == "dated":
            for _ in range(rng.randint(0, 3)):
                start = datetime.combine(
                    today + timedelta(days=rng.randint(-20, 120)), time(10), tzinfo=zone
                )
                sessions.append((start, start + timedelta(hours=2) if rng.random() < 0.8 else None))
        else:
            start_day = today + timedelta(days=rng.randint(-30, 60)) if rng.random() < 0.7 else None
            end_day = (
                (start_day or today) + timedelta(days=rng.randint(10, 90))
                if rng.random() < 0.7
                else None
            )
            window = (start_day, end_day)
        marker = MARKERS[number % len(MARKERS)] if number % 3 == 0 else ""
        values = {
            "title": f"Activity {number:02d} {marker}".strip(),
            "slug": f"activity-{number:02d}",
            "art_forms": rng.sample(art_forms, rng.randint(1, 2)),
            "formats": rng.sample(formats, rng.randint(1, 2)),
            "access_features": rng.sample(access, rng.randint(0, 3)),
            "delivery_languages": rng.sample(languages, 1),
            "places": place_codes,
            "age_min": age_min,
            "age_max": age_max,
            "is_free": is_free,
            "price": price,
            "price_unit": "" if is_free else "pupil",
            "availability": availability,
            "available_from": window[0],
            "available_until": window[1],
            "sessions": sessions,
            "venue_name": "Venue" if venue else "",
            "venue_postcode": venue or "",
            "suitable_for_children_in_care": rng.random() < 0.3,
            "cpd_for_teachers": rng.random() < 0.25,
        }
        activity = ActivityPageFactory(parent=rng.choice(providers), **dict(values))
        expected.append(
            Expected(
                pk=activity.pk,
                title=values["title"],
                place_lineages=[
                    (
                        authorities.get(code)
                        or Place.objects.get(locale__language_code="en", code=code)
                    ).lineage
                    for code in place_codes
                ],
                latitude=district.latitude if district else None,
                longitude=district.longitude if district else None,
                art_forms=set(values["art_forms"]),
                formats=set(values["formats"]),
                access=set(values["access_features"]),
                languages=set(values["delivery_languages"]),
                age_min=age_min,
                age_max=age_max,
                is_free=is_free,
                price=price,
                availability=availability,
                window=window,
                sessions=sessions,
                in_care=values["suitable_for_children_in_care"],
                cpd=values["cpd_for_teachers"],
            )
        )
    return expected
