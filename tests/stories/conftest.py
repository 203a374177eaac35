"""A small world of stories with a plain-Python record of each, so tests can compute what a
filter should return without asking the code under test."""

import random
from dataclasses import dataclass
from datetime import date

import pytest
from wagtail.models import Locale, Page, Site

from directory.models import ActivityPage, DirectoryIndexPage, ProviderPage
from home.factories import HomePageFactory
from places.loader import load_places
from places.models import Place
from stories.models import (
    Author,
    StoryAuthor,
    StoryIndexPage,
    StoryPage,
    StoryPlace,
    StoryTheme,
    Theme,
)

KINDS = [choice for choice, _label in StoryPage.Kind.choices]
THEME_SLUGS = ["wellbeing-resilience", "skills-careers", "children-in-care", "social-mobility"]
PLACE_CODES = ["GB-LCE", "GB-DER", "GB-COV", "GB-WKF", "GB-FIF", "GB-BFS", "GB-CRF", "E12000004"]
YEARS = [2021, 2022, 2023, 2024]


@dataclass
class Expected:
    pk: int
    title: str
    kind: str
    date: date
    themes: set
    place_lineages: list
    place_codes: set


def english():
    return Locale.objects.get(language_code="en")


def make_site(slug="stories-test-home"):
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug=slug, locale=english())
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    load_places()
    index = StoryIndexPage(title="Stories", slug="stories", introduction="What we learn.")
    home.add_child(instance=index)
    index.save_revision().publish()
    return home, StoryIndexPage.objects.get(pk=index.pk)


def make_story(index, publish=True, **values):
    """Create (and by default publish) a story; themes are slugs and places are codes."""
    themes = values.pop("themes", [])
    places = values.pop("places", [])
    authors = values.pop("authors", [])
    providers = values.pop("providers", [])
    activities = values.pop("activities", [])
    values.setdefault("kind", "case-study")
    values.setdefault("summary", "What happened, and where.")
    values.setdefault("body", [{"type": "rich_text", "value": "<p>Some words.</p>"}])
    values.setdefault("slug", f"story-{random.random()}".replace(".", ""))  # noqa: S311
    story = StoryPage(**values)
    locale = index.locale
    story.story_themes = [
        StoryTheme(theme=Theme.objects.get(slug=slug, locale=locale)) for slug in themes
    ]
    story.story_places = [
        StoryPlace(place=Place.objects.get(code=code, locale=locale)) for code in places
    ]
    story.story_authors = [
        StoryAuthor(author=Author.objects.get_or_create(name=name, locale=locale)[0])
        for name in authors
    ]
    from stories.models import StoryActivity, StoryProvider

    story.story_providers = [StoryProvider(provider=p) for p in providers]
    story.story_activities = [StoryActivity(activity=a) for a in activities]
    story.live = publish  # add_child would otherwise make the page live without a revision
    index.add_child(instance=story)
    if publish:
        story.save_revision().publish()
    else:
        story.save_revision()
    return StoryPage.objects.get(pk=story.pk)


def build_stories(index, count=40, seed=4):
    rng = random.Random(seed)  # noqa: S311
    lineages = {
        place.code: place.lineage
        for place in Place.objects.filter(locale=index.locale, code__in=PLACE_CODES)
    }
    expected = []
    for number in range(count):
        themes = rng.sample(THEME_SLUGS, rng.randint(0, 2))
        places = rng.sample(PLACE_CODES, rng.randint(0, 2))
        values = {
            "title": f"Story {number:02d}",
            "slug": f"story-{number:02d}",
            "kind": rng.choice(KINDS),
            "date": date(rng.choice(YEARS), rng.randint(1, 12), rng.randint(1, 28)),
        }
        story = make_story(index, themes=themes, places=places, **values)
        expected.append(
            Expected(
                pk=story.pk,
                title=values["title"],
                kind=values["kind"],
                date=values["date"],
                themes=set(themes),
                place_lineages=[lineages[code] for code in places],
                place_codes=set(places),
            )
        )
    return expected


@pytest.fixture(scope="module")
def shared_world(module_db):
    home, index = make_site()
    return home, index, build_stories(index)


@pytest.fixture
def world(shared_world, db):
    return shared_world


@pytest.fixture
def story_site(db):
    """A fresh site with an empty stories page, for tests that build their own stories."""
    return make_site(slug="fresh-stories-home")


def make_directory(home):
    directory = DirectoryIndexPage(title="Find activities", slug="activities")
    home.add_child(instance=directory)
    directory.save_revision().publish()
    provider = ProviderPage(title="The Spark", slug="spark", description="<p>About us.</p>")
    directory.add_child(instance=provider)
    provider.save_revision().publish()
    from directory.factories import ActivityPageFactory

    activity = ActivityPageFactory(parent=provider, title="Drumming", slug="drumming")
    other = ActivityPageFactory(parent=provider, title="Storytelling", slug="storytelling")
    return directory, ProviderPage.objects.get(pk=provider.pk), activity, other


def newest_first(records):
    return [r.title for r in sorted(records, key=lambda r: (r.date, r.pk), reverse=True)]


__all__ = ["ActivityPage", "Expected", "make_directory", "make_story", "newest_first"]
