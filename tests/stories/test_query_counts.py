"""The stories page and a story page run a bounded number of queries, the same for a few
stories as for many (no query per card, per theme or per image)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.factories import SiteImageFactory
from stories.factories import StoryPageFactory
from tests.stories.conftest import make_directory

pytestmark = pytest.mark.django_db

# Measured: 30 on the stories page and 31 on a story page (about ten are the site chrome).
INDEX_MAX_QUERIES = 30
STORY_MAX_QUERIES = 32


def count_queries(client, url, params=None):
    """Queries of a request made after a warm-up request: the first request after a change
    fills the site cache again (core/site_cache.py), as on a running server, and counting it
    would compare a cold page with a warm one."""
    client.get(url, params or {})
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(captured), response


def add_stories(index, count, image, start=0):
    for number in range(start, start + count):
        StoryPageFactory(
            parent=index,
            title=f"Story {number:03d}",
            slug=f"story-{number:03d}",
            themes=["children-in-care", "skills-careers"],
            places=["GB-COV", "GB-LCE"],
            authors=["Rob"],
            listing_image=image,
        )


def test_index_queries_do_not_grow_with_the_stories_shown(
    client, story_site, django_assert_max_num_queries
):
    _home, index = story_site
    image = SiteImageFactory()
    add_stories(index, 2, image)
    client.get(index.url)  # the first request fills per-process caches
    few, response = count_queries(client, index.url)
    assert response.content.count(b'class="card story-card') == 2
    add_stories(index, 20, image, start=2)
    many, response = count_queries(client, index.url)
    assert response.content.count(b'class="card story-card') == 13  # featured + a page of 12
    filtered, _ = count_queries(
        client,
        index.url,
        {"theme": "children-in-care", "place": "GB-ENG", "year": "2026", "page": "2"},
    )
    assert few == many, (few, many)
    with django_assert_max_num_queries(INDEX_MAX_QUERIES):
        client.get(index.url, {"kind": "case-study", "theme": "skills-careers"})
    assert filtered <= INDEX_MAX_QUERIES


def test_story_page_queries_do_not_grow_with_related_stories(
    client, story_site, django_assert_max_num_queries
):
    home, index = story_site
    _directory, provider, activity, _other = make_directory(home)
    image = SiteImageFactory()
    story = StoryPageFactory(
        parent=index,
        title="Subject",
        themes=["children-in-care", "skills-careers"],
        places=["GB-COV"],
        authors=["Rob", "Emily"],
        providers=[provider],
        activities=[activity],
    )
    add_stories(index, 1, image)
    client.get(story.url)
    one, response = count_queries(client, story.url)
    assert b"Related stories" in response.content
    add_stories(index, 10, image, start=1)
    several, _ = count_queries(client, story.url)
    assert one == several
    with django_assert_max_num_queries(STORY_MAX_QUERIES):
        client.get(story.url)


def test_provider_page_stories_panel_is_bounded(client, story_site):
    home, index = story_site
    _directory, provider, _activity, _other = make_directory(home)
    image = SiteImageFactory()
    StoryPageFactory(
        parent=index,
        title="One",
        providers=[provider],
        themes=["skills-careers"],
        listing_image=image,
    )
    client.get(provider.url)
    one, _ = count_queries(client, provider.url)
    for number in range(5):
        StoryPageFactory(
            parent=index, title=f"More {number}", providers=[provider], listing_image=image
        )
    six, response = count_queries(client, provider.url)
    assert response.content.count(b"More ") == 5
    assert one == six
