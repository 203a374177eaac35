"""A small world of stories with a plain-Python record of each, so tests can compute what a
filter should return without asking the code under test."""

import random
from dataclasses import dataclass
from datetime import date

import pytest

from directory.factories import ActivityPageFactory, DirectoryIndexPageFactory, ProviderPageFactory
from directory.models import ActivityPage
from home.factories import site_with_home_page
from places.loader import load_places
from places.models import Place
from stories.factories import StoryIndexPageFactory, StoryPageFactory
from stories.models import StoryPage
from tests.worlds import module_world

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


def make_site(slug="stories-test-home"):
    home = site_with_home_page(slug)
    load_places()
    return home, StoryIndexPageFactory(parent=home)


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
        story = StoryPageFactory(parent=index, themes=themes, places=places, **values)
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


def build_site_with_stories():
    home, index = make_site()
    return home, index, build_stories(index)


@pytest.fixture(scope="module")
def shared_world(request):
    yield from module_world(request, "stories-world", build_site_with_stories)


@pytest.fixture
def world(shared_world, db):
    return shared_world


@pytest.fixture
def story_site(db):
    """A fresh site with an empty stories page, for tests that build their own stories."""
    return make_site(slug="fresh-stories-home")


def make_directory(home):
    directory = DirectoryIndexPageFactory(parent=home)
    provider = ProviderPageFactory(parent=directory, title="The Spark", slug="spark")
    activity = ActivityPageFactory(parent=provider, title="Drumming", slug="drumming")
    other = ActivityPageFactory(parent=provider, title="Storytelling", slug="storytelling")
    return directory, provider, activity, other


def newest_first(records):
    return [r.title for r in sorted(records, key=lambda r: (r.date, r.pk), reverse=True)]


__all__ = ["ActivityPage", "Expected", "make_directory", "newest_first"]
