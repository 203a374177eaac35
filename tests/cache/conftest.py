"""A small site with every kind of page that lists or shows another, and the page cache on.

Served from the cache is told by the page cache rebuilding its answer from a stored entry (it
then answers before Wagtail looks anything up, with no query at all). Counting queries alone no
longer tells: with the site cache warm (core/site_cache.py), a view that shows no page of its
own, such as the backpack's saved list, renders without a query too.
"""

from datetime import timedelta
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.cache import Entry
from directory.factories import ActivityPageFactory, DirectoryIndexPageFactory, ProviderPageFactory
from showcase.factories import (
    ArtworkFactory,
    ShowcaseIndexPageFactory,
    ShowcasePageFactory,
    child_with_consent,
)
from stories.factories import StoryIndexPageFactory, StoryPageFactory
from tests.cache import recording_backend


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.WAGTAILFRONTENDCACHE = {}


@pytest.fixture
def frontend_cache(settings):
    """A front-end cache whose purges are recorded (tests/cache/recording_backend.py)."""
    settings.WAGTAILFRONTENDCACHE = {
        "recording": {"BACKEND": "tests.cache.recording_backend.RecordingBackend"}
    }
    recording_backend.PURGED.clear()
    yield recording_backend.PURGED
    recording_backend.PURGED.clear()


def fetch(client, url, **extra):
    """(the response, how many queries it took)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **extra)
    return response, len(queries)


def served(client, url, **extra):
    """(the response, whether the page cache answered it from a stored entry)."""
    spy = mock.patch.object(Entry, "response", autospec=True, side_effect=Entry.response)
    with spy as hit, CaptureQueriesContext(connection) as queries:
        response = client.get(url, **extra)
    if hit.called:
        assert len(queries) == 0, f"{url} came from the cache but still asked the database"
    return response, hit.called


def from_cache(client, url, **extra):
    """True when ``url`` is answered from the page cache."""
    return served(client, url, **extra)[1]


def text(client, url):
    response = client.get(url)
    assert response.status_code in (200, 404), (url, response.status_code)
    return response.content.decode()


def prime(client, *urls):
    """Request each page twice; the second answer must come from the cache, so a later change
    that shows proves the purge, not an uncached page."""
    for url in urls:
        assert client.get(url).status_code == 200, url
        assert from_cache(client, url), f"{url} is not served from the cache"


@pytest.fixture
def world(home_page):
    """A home page with a story index and story, a directory with a provider and an activity,
    and a showcase gallery with one visible work."""
    site = home_page.get_site()
    stories = StoryIndexPageFactory(parent=home_page, title="Stories", slug="stories")
    story = StoryPageFactory(parent=stories, title="Drumming in Leicester", slug="drumming")
    directory = DirectoryIndexPageFactory(parent=home_page, title="Directory", slug="directory")
    provider = ProviderPageFactory(parent=directory, title="Sound Makers", slug="sound-makers")
    activity = ActivityPageFactory(parent=provider, title="Samba for schools", slug="samba")
    showcase = ShowcaseIndexPageFactory(parent=home_page, title="Showcase", slug="showcase")
    gallery = ShowcasePageFactory(parent=showcase, title="Everything", slug="everything")
    child = child_with_consent(site)
    work = ArtworkFactory(children=[child], title="Moon over the canal")
    return {
        "site": site,
        "home": home_page,
        "stories": stories,
        "story": story,
        "directory": directory,
        "provider": provider,
        "activity": activity,
        "showcase": showcase,
        "gallery": gallery,
        "child": child,
        "work": work,
        "work_url": gallery.url + f"work/{work.pk}/",
    }


def in_an_hour():
    return timezone.now() + timedelta(hours=1)
