"""RSS and Atom feeds, read with a real feed parser: the right stories, newest first, and
nothing a reader of the page could not see."""

from datetime import date

import feedparser
import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale, PageViewRestriction

from stories.factories import StoryPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def feed_world(story_site):
    home, index = story_site
    stories = {
        "old case": StoryPageFactory(
            parent=index,
            title="Old case",
            kind="case-study",
            date=date(2021, 3, 23),
            themes=["wellbeing-resilience"],
            authors=["Ada Lovelace"],
        ),
        "pilot": StoryPageFactory(
            parent=index, title="Pilot news", kind="pilot-story", date=date(2023, 6, 1)
        ),
        "new case": StoryPageFactory(
            parent=index, title="New case", kind="case-study", date=date(2024, 9, 9)
        ),
        "advocacy": StoryPageFactory(
            parent=index, title="The case", kind="advocacy", date=date(2022, 1, 5)
        ),
    }
    StoryPageFactory(parent=index, title="Unpublished draft", kind="case-study", publish=False)
    private = StoryPageFactory(
        parent=index, title="Private case", kind="case-study", date=date(2025, 1, 1)
    )
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    welsh_index = index.copy_for_translation(
        Locale.objects.get(language_code="cy"), copy_parents=True
    )
    welsh_index.save_revision().publish()
    StoryPageFactory(
        parent=welsh_index, title="Astudiaeth achos", kind="case-study", date=date(2025, 2, 2)
    )
    return index, stories


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response, feedparser.parse(response.content)


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_all_stories_feed_lists_live_public_stories_newest_first(client, feed_world, fmt):
    index, stories = feed_world
    response, feed = parse(client, f"{index.url}feed/{fmt}/")
    assert not feed.bozo, feed.bozo_exception
    expected_version = "rss20" if fmt == "rss" else "atom10"
    assert feed.version == expected_version
    assert response["Content-Type"].startswith(
        "application/rss+xml" if fmt == "rss" else "application/atom+xml"
    )
    assert feed.feed.title == "Stories"
    assert [entry.title for entry in feed.entries] == [
        "New case",
        "Pilot news",
        "The case",
        "Old case",
    ]
    old = feed.entries[-1]
    assert old.link == f"http://testserver{stories['old case'].url}"
    assert old.summary == stories["old case"].summary
    assert old.published_parsed[:3] == (2021, 3, 23)
    assert old.author == "Ada Lovelace"
    assert [tag.term for tag in old.tags] == ["Wellbeing and resilience"]


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_kind_feed_lists_only_that_kind(client, feed_world, fmt):
    index, _stories = feed_world
    _response, feed = parse(client, f"{index.url}feed/case-study/{fmt}/")
    assert not feed.bozo, feed.bozo_exception
    assert [entry.title for entry in feed.entries] == ["New case", "Old case"]
    assert feed.feed.title == "Stories: Case study"


def test_unknown_kind_feed_is_not_found(client, feed_world):
    index, _stories = feed_world
    assert client.get(f"{index.url}feed/poems/rss/").status_code == 404
    assert client.get(f"{index.url}feed/rss/extra/").status_code == 404


def test_feeds_are_advertised_in_the_head(client, feed_world):
    index, stories = feed_world
    for url in (index.url, stories["pilot"].url):
        head = BeautifulSoup(client.get(url).content, "html.parser").head
        links = {(link["type"], link["href"]) for link in head.select("link[rel=alternate][type]")}
        assert ("application/rss+xml", f"{index.url}feed/rss/") in links, url
        assert ("application/atom+xml", f"{index.url}feed/atom/") in links, url
    story_head = BeautifulSoup(client.get(stories["pilot"].url).content, "html.parser").head
    assert story_head.select_one(f'link[href="{index.url}feed/pilot-story/rss/"]')


def test_welsh_feed_has_only_welsh_stories(client, feed_world):
    index, _stories = feed_world
    welsh_index = index.get_translation(Locale.objects.get(language_code="cy"))
    _response, feed = parse(client, f"{welsh_index.url}feed/rss/")
    assert [entry.title for entry in feed.entries] == ["Astudiaeth achos"]
