"""Every public page type renders in a fixed number of queries, whatever it shows.

Two sites are built side by side from the project's factories: "one" shows one item wherever
a page lists something (one activity, one gallery with one work, one child page; one story
besides the featured one)
and "many" shows many (30 stories, 20 activities, 12 galleries, 12 works, 12 child pages). Each
page is requested once to warm the caches a running server keeps (Wagtail's site root paths,
compiled templates, URL resolvers, and the site cache of core/site_cache.py: the site, routes,
view restrictions, settings, navigation, footer, languages), then counted on a second anonymous
request. A page must run the same
number of queries on both sites (flat: nothing is fetched per item) and at most
``QUERY_BUDGET``, both rendered in full and built from the parts kept rendered by the warm-up
(core/fragments.py), which must never take more.

The directory's own page (DirectoryIndexPage) is measured with its search (tests/directory).
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from core.factories import SiteImageFactory, locale
from directory.factories import ActivityPageFactory, DirectoryIndexPageFactory, ProviderPageFactory
from home.factories import HomePageFactory, PublishedFormPageFactory, PublishedStandardPageFactory
from home.models import FormField, NavigationLink, SiteSettings
from places.loader import load_places
from showcase.factories import (
    ArtworkFactory,
    ShowcaseIndexPageFactory,
    ShowcasePageFactory,
    child_with_consent,
)
from stories.factories import StoryIndexPageFactory, StoryPageFactory
from tests.worlds import module_world

QUERY_BUDGET = 12
# The story list leads with the featured story and lists the others: "one" has two stories so
# that list is not empty (an empty list skips its card queries, which is not growth).
SIZES = {
    "one": {"stories": 2, "activities": 1, "galleries": 1, "works": 1},
    "many": {"stories": 30, "activities": 20, "galleries": 12, "works": 12},
}
THEMES = ["wellbeing-resilience", "skills-careers"]


def _count(size, what):
    return SIZES[size][what]


def build_site(size):
    """A site whose every listing shows ``size`` ("one" or "many") items; returns the path of
    one page of each type and the titles each page should show."""
    english = locale("en")
    home = HomePageFactory(parent=Page.get_first_root_node(), slug=f"{size}-home", locale=english)
    home.save_revision().publish()
    site = Site.objects.create(hostname=f"{size}.localhost", port=80, root_page=home)
    image = SiteImageFactory()

    about = PublishedStandardPageFactory(parent=home, title="About", slug="about")
    for number in range(_count(size, "galleries")):
        PublishedStandardPageFactory(
            parent=about, title=f"Child page {number:02d}", slug=f"child-{number:02d}"
        )
    form = PublishedFormPageFactory(parent=home)
    FormField.objects.create(page=form, label="Email", field_type="email", required=True)

    directory = DirectoryIndexPageFactory(parent=home)
    provider = ProviderPageFactory(parent=directory, title="The Spark", slug="spark")
    activities = [
        ActivityPageFactory(
            parent=provider,
            title=f"Activity {number:02d}",
            slug=f"activity-{number:02d}",
            art_forms=("music", "dance"),
            formats=("comes-to-school",),
            access_features=("bsl",),
            places=("GB-LCE",),
        )
        for number in range(_count(size, "activities"))
    ]

    stories_index = StoryIndexPageFactory(parent=home)
    stories = [
        StoryPageFactory(
            parent=stories_index,
            title=f"Story item {number:02d}",
            slug=f"story-{number:02d}",
            themes=THEMES,
            places=("GB-LCE",),
            providers=[provider],
            activities=[activities[0]],
            listing_image=SiteImageFactory() if number % 2 else image,
        )
        for number in range(_count(size, "stories"))
    ]
    # An editor's choice leads the list (as in the demo), not merely the newest story.
    stories_index.featured_story = stories[-1]
    stories_index.save_revision().publish()

    showcase = ShowcaseIndexPageFactory(parent=home)
    galleries = [
        ShowcasePageFactory(
            parent=showcase,
            title=f"Gallery {number:02d}",
            slug=f"gallery-{number:02d}",
            project=f"project-{number:02d}",
        )
        for number in range(_count(size, "galleries"))
    ]
    works = []
    for number, gallery in enumerate(galleries):
        works.append(
            ArtworkFactory(
                seed=number, project=gallery.project, children=[child_with_consent(site)]
            )
        )
    first_gallery = galleries[0]
    for number in range(1, _count(size, "works")):
        works.append(
            ArtworkFactory(
                seed=number,
                title=f"Work {number:02d}",
                project=first_gallery.project,
                children=[child_with_consent(site)],
            )
        )

    settings = SiteSettings.for_site(site)
    for order, page in enumerate([about, directory, stories_index, showcase]):
        NavigationLink.objects.create(settings=settings, page=page, sort_order=order)

    host = site.hostname
    return {
        "host": host,
        "pages": {
            "HomePage": "/",
            "StandardPage (with child pages)": _path(about),
            "FormPage": _path(form),
            "ProviderPage": _path(provider),
            "ActivityPage": _path(activities[0]),
            "StoryIndexPage": _path(stories_index),
            "StoryPage": _path(stories[0]),
            "ShowcaseIndexPage": _path(showcase),
            "ShowcasePage": _path(first_gallery),
            "ShowcasePage: a work": _path(first_gallery) + f"work/{works[0].pk}/",
        },
        "counts": {
            "stories": len(stories),
            "activities": len(activities),
            "galleries": len(galleries),
            "children": len(about.get_children()),
        },
    }


def _path(page):
    # The path under the site's home page: every site here is on its own host.
    return "/" + page.url_path.split("/", 2)[2]


def build_world():
    load_places()
    return {size: build_site(size) for size in ("one", "many")}


@pytest.fixture(scope="module")
def shared_world(request):
    yield from module_world(request, "query-counts", build_world)


@pytest.fixture
def world(shared_world, db):
    return shared_world


@pytest.fixture(params=["rendered in full", "from kept parts"])
def rendering(request, settings):
    if request.param == "rendered in full":
        settings.FRAGMENT_CACHE_SECONDS = 0
    return request.param


def counted_get(client, host, path):
    client.get(path, HTTP_HOST=host)  # warm-up: per-process caches, as on a running server
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200, (host, path, response.status_code)
    return len(captured), response.content.decode()


def titles(html, prefix):
    return set(re.findall(rf"{prefix} \d\d", html))


PAGE_TYPES = [
    "HomePage",
    "StandardPage (with child pages)",
    "FormPage",
    "ProviderPage",
    "ActivityPage",
    "StoryIndexPage",
    "StoryPage",
    "ShowcaseIndexPage",
    "ShowcasePage",
    "ShowcasePage: a work",
]


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_query_count_does_not_grow_with_the_items_shown(client, world, page_type, rendering):
    counts = {
        size: counted_get(client, world[size]["host"], world[size]["pages"][page_type])[0]
        for size in ("one", "many")
    }
    assert counts["one"] == counts["many"], counts


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_query_count_within_budget(client, world, page_type, rendering):
    counts = {
        size: counted_get(client, world[size]["host"], world[size]["pages"][page_type])[0]
        for size in ("one", "many")
    }
    assert max(counts.values()) <= QUERY_BUDGET, counts


# Pages whose queries are for what is rendered on every visit: the sign-up form is built from
# its fields for each visitor (and carries their own token).
BUILT_ON_EVERY_VISIT = {"FormPage"}


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_kept_parts_never_cost_more_queries(client, world, page_type, settings):
    many = world["many"]
    path = many["pages"][page_type]
    kept, _html = counted_get(client, many["host"], path)
    settings.FRAGMENT_CACHE_SECONDS = 0
    in_full, _html = counted_get(client, many["host"], path)
    assert kept <= in_full, (kept, in_full)
    if page_type not in BUILT_ON_EVERY_VISIT:
        # What only kept parts show is not read at all when they are kept (core/fragments.py
        # ``when_shown``): strictly fewer, wherever rendering in full reads anything.
        assert kept < in_full or in_full == 0, (kept, in_full)


def test_the_many_site_really_shows_many_items(client, world):
    """Flat counts mean something only if the pages show what they list (counted here from
    the world's own records, not from the code under test)."""
    many = world["many"]
    host = many["host"]
    _queries, home = counted_get(client, host, many["pages"]["HomePage"])
    assert len(titles(home, "Story item")) == 3  # the featured story and the two newest others
    assert len(titles(home, "Gallery")) == 3
    _queries, listing = counted_get(client, host, many["pages"]["StoryIndexPage"])
    assert len(titles(listing, "Story item")) >= min(12, many["counts"]["stories"])
    _queries, provider = counted_get(client, host, many["pages"]["ProviderPage"])
    assert len(titles(provider, "Activity")) == many["counts"]["activities"]
    _queries, about = counted_get(client, host, many["pages"]["StandardPage (with child pages)"])
    assert len(titles(about, "Child page")) == many["counts"]["children"]
    _queries, index = counted_get(client, host, many["pages"]["ShowcaseIndexPage"])
    assert len(titles(index, "Gallery")) == many["counts"]["galleries"]
