"""The demo stories a newcomer sees after `make run`: enough of them, well attributed, and
linked with the directory in both directions."""

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command

from directory.models import ActivityPage, ProviderPage
from stories.models import StoryIndexPage, StoryPage, StoryProvider

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_demo_stories_are_complete_and_idempotent(demo_site):
    stories = StoryPage.objects.live()
    assert stories.count() >= 10
    assert {story.kind for story in stories} == set(StoryPage.Kind.values)
    counts = (StoryPage.objects.count(), StoryProvider.objects.count())
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert (StoryPage.objects.count(), StoryProvider.objects.count()) == counts
    index = StoryIndexPage.objects.get()
    assert index.get_workflow().name == "Stories review"
    assert index.featured_story.slug == "wakefield-summer-school"


def test_demo_quotes_and_figures_are_attributed(demo_site):
    videos = []
    for story in StoryPage.objects.live():
        for block in story.body:
            if block.block_type == "quote":
                assert block.value["attribution"], story.slug
            elif block.block_type == "key_figures":
                assert all(figure["source"] for figure in block.value["figures"]), story.slug
            elif block.block_type == "video":
                videos.append(block.value)
    assert any(v["transcript"].source and v["audio_described_url"] for v in videos)


def test_demo_leicester_story_carries_the_appeal_figures(client, demo_site):
    story = StoryPage.objects.get(slug="leicester-pilot")
    html = soup(client.get(story.url))
    figures = {
        f.select_one(".key-figure__number").get_text(): f.select_one(
            ".key-figure__label"
        ).get_text()
        for f in html.select(".key-figure")
    }
    assert figures == {
        "£2,730": "raised for the pilot",
        "23": "supporters gave",
        "35": "days to reach the target",
    }


def absolute(url, host="localhost"):
    """A link as (host, path): stories live on England's site, providers on their nation's."""
    parts = urlsplit(url)
    return (parts.hostname or host, parts.path)


def fetch(client, address):
    host, path = address
    return soup(client.get(path, HTTP_HOST=host))


def test_demo_stories_and_directory_link_both_ways(client, demo_site):
    linked_providers = ProviderPage.objects.filter(
        pk__in=StoryProvider.objects.values("provider_id")
    )
    assert linked_providers.count() >= 5
    for provider in linked_providers:
        address = absolute(provider.full_url)
        html = fetch(client, address)
        heading = html.find("h2", string="Stories about this")
        assert heading is not None, provider.url
        story_links = [absolute(a["href"], address[0]) for a in heading.find_next("ul").select("a")]
        back_links = {}
        for story in story_links:
            back = fetch(client, story).select("#story-directory-heading ~ ul a")
            back_links[story] = [absolute(a["href"], story[0]) for a in back]
            assert back_links[story], story
        # At least one of them names this provider in turn.
        assert any(address in links for links in back_links.values()), provider.url
    activity = ActivityPage.objects.get(
        pk=StoryPage.objects.get(slug="wakefield-summer-school").story_activities.get().activity_id
    )
    html = soup(client.get(activity.url))
    assert html.find("h2", string="Stories about this")


def test_demo_reader_path_home_stories_filter(client, demo_site):
    home = soup(client.get("/"))
    assert home.select_one("nav.primary-nav a[href='/stories/']")
    heading = home.find(id="featured-stories-heading")
    assert heading.find_next("ul").select_one("a").get_text(strip=True).startswith("Wakefield")
    response = client.get("/stories/", {"place": "E12000005", "theme": "children-in-care"})
    titles = [a.get_text(strip=True) for a in soup(response).select(".story-results h3 a")]
    assert titles == [
        "Care and culture findings to be shared in Wolverhampton",
        "Collaborate & Innovate: opening culture to children in care",
    ]
