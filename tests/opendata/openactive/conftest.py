"""A small directory for the OpenActive tests: one site, two providers, a few activities."""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.utils import timezone

from directory.factories import (
    ActivityPageFactory,
    DirectoryIndexPageFactory,
    ProviderPageFactory,
    ProviderVenueFactory,
)
from home.factories import site_with_home_page
from opendata.openactive import signals, views

ACTIVITIES = "/api/openactive/feeds/activities"
PROVIDERS = "/api/openactive/feeds/providers"


@dataclass
class Directory:
    home: object
    page: object
    providers: list
    activities: list


@pytest.fixture(autouse=True)
def write_changes_at_once(monkeypatch):
    """Each change reaches the feeds as it happens, as if it were its own transaction: a test
    runs inside one transaction that never commits, so the feeds would otherwise never see
    it (test_deferred.py tests the gathering of changes until a commit)."""
    monkeypatch.setattr(signals, "WRITE_AT_ONCE", True)


@pytest.fixture
def directory(db):
    home = site_with_home_page("openactive-home")
    page = DirectoryIndexPageFactory(parent=home)
    with_venue = ProviderPageFactory(
        parent=page,
        title="Riverside Arts",
        contact_email="hello@riverside.example",
        venues=[ProviderVenueFactory.build(name="Riverside Hall", postcode="LE1 1AA")],
    )
    visiting = ProviderPageFactory(parent=page, title="Travelling Theatre")
    soon = timezone.now() + timedelta(days=14)
    activities = [
        ActivityPageFactory(
            parent=with_venue,
            title="Drumming workshop",
            art_forms=["music"],
            access_features=["wheelchair-access"],
            venue_name="Riverside Hall",
            venue_address="1 River Street",
            venue_postcode="LE1 1AA",
            sessions=[(soon, soon + timedelta(hours=2))],
        ),
        ActivityPageFactory(parent=with_venue, title="Printmaking", art_forms=["visual-art-craft"]),
        ActivityPageFactory(
            parent=with_venue, title="Gallery tour", is_free=False, price="4.50", price_unit="pupil"
        ),
        ActivityPageFactory(
            parent=visiting, title="Shakespeare in school", art_forms=["theatre-drama"]
        ),
        ActivityPageFactory(parent=visiting, title="Puppet show"),
    ]
    return Directory(home, page, [with_venue, visiting], activities)


@pytest.fixture
def small_pages(monkeypatch):
    """Two items a page, so a handful of activities spans several pages."""
    monkeypatch.setattr(views, "PAGE_SIZE", 2)


def absolute(url):
    return url if url.startswith("http") else "http://testserver" + url


def walk(client, url):
    """Every item of a feed from ``url`` on, and the URL of its last page (which has no items
    and names itself as the next page)."""
    items = []
    for _ in range(1000):
        response = client.get(url)
        assert response.status_code == 200, response.content
        page = response.json()
        if not page["items"]:
            assert page["next"] == absolute(url)
            return items, page["next"]
        items.extend(page["items"])
        url = page["next"]
    raise AssertionError("the feed never reached its last page")
