"""A small directory for the class backpack's tests: one site, two providers (each with its
own editors' group), and activities with the prices, venues and art forms the backpack's
sums and balance read."""

from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model

from directory.factories import ActivityPageFactory, DirectoryIndexPageFactory, ProviderPageFactory
from directory.permissions import provider_editors_group
from home.factories import site_with_home_page
from places.loader import load_places
from tests.worlds import module_world


@dataclass
class World:
    home: object
    directory: object
    dance_co: object
    museum: object
    activities: dict


def build_world():
    home = site_with_home_page("backpack-test-home")
    load_places()
    directory = DirectoryIndexPageFactory(parent=home)
    dance_co = ProviderPageFactory(
        parent=directory, slug="step-dance", title="Step Dance", contact_email="book@step.example"
    )
    museum = ProviderPageFactory(
        parent=directory, slug="city-museum", title="City Museum", contact_email="hi@museum.example"
    )
    activities = {
        "dance": ActivityPageFactory(
            parent=dance_co,
            title="Dance workshop",
            slug="dance-workshop",
            art_forms=["dance"],
            is_free=False,
            price=Decimal("4.50"),
            price_unit="pupil",
            booking_email="bookings@step.example",
        ),
        "ballet": ActivityPageFactory(
            parent=dance_co,
            title="Ballet taster",
            slug="ballet-taster",
            art_forms=["dance"],
            is_free=False,
            price=Decimal("120"),
            price_unit="class",
        ),
        "museum": ActivityPageFactory(
            parent=museum,
            title="Museum trail",
            slug="museum-trail",
            art_forms=["museums-heritage"],
            formats=["visit-a-venue"],
            venue_name="City Museum",
            venue_postcode="LE1 7EA",
            is_free=True,
            access_features=["wheelchair-access"],
        ),
        "clay": ActivityPageFactory(
            parent=museum,
            title="Clay day",
            slug="clay-day",
            art_forms=["visual-art-craft"],
            is_free=False,
            price=Decimal("90"),
            price_unit="school",
        ),
        "songs": ActivityPageFactory(
            parent=museum,
            title="Songs of the city",
            slug="songs-of-the-city",
            art_forms=["music"],
            is_free=False,
            price=Decimal("2"),
            price_unit="pupil",
            bursaries="Free for schools in the top decile.",
        ),
    }
    return World(home, directory, dance_co, museum, activities)


@pytest.fixture(scope="module")
def shared_backpack_world(request):
    yield from module_world(request, "backpack-world", build_world)


@pytest.fixture
def world(shared_backpack_world, db):
    return shared_backpack_world


@pytest.fixture
def provider_editor(world):
    """A member of Step Dance's editors' group, and nothing else."""
    user = get_user_model().objects.create_user("stepdance", "staff@step.example", "pw")
    user.groups.add(provider_editors_group(world.dance_co))
    return user


@pytest.fixture
def museum_editor(world):
    user = get_user_model().objects.create_user("museum", "staff@museum.example", "pw")
    user.groups.add(provider_editors_group(world.museum))
    return user
