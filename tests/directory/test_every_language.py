"""Every language finds everything: a reader of Welsh, Gaelic or Irish sees every activity in
the UK-wide directory, each once, in their own language where it has been translated and
otherwise in the language it exists in, labelled with that language and linked to that page."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale, Page, Site

from core.factories import publish_translation
from directory.factories import ActivityPageFactory, ProviderPageFactory
from directory.models import DirectoryIndexPage
from directory.search import Filters, activity_scope, search_activities
from home.factories import HomePageFactory
from regions.models import RegionSettings

pytestmark = pytest.mark.django_db

HOSTS = {
    "wales": ("wales.localhost", "cy"),
    "scotland": ("scotland.localhost", "gd"),
    "northern-ireland": ("northern-ireland.localhost", "ga"),
}


def _set_region(site, region):
    settings = RegionSettings.for_site(site)
    settings.region = region
    settings.save()


def _regional_site(region):
    """A regional site with its own home and directory, both published in English and in the
    region's other language (so the site offers it)."""
    hostname, language = HOSTS[region]
    home = HomePageFactory(parent=Page.get_first_root_node(), slug=f"{region}-home")
    site = Site.objects.create(hostname=hostname, port=80, root_page=home)
    _set_region(site, region)
    directory = DirectoryIndexPage(title="Activities", slug="activities")
    home.add_child(instance=directory)
    directory.save_revision().publish()
    publish_translation(home, language, title=f"{region} ({language})")
    publish_translation(directory, language, title=f"Activities ({language})")
    return directory


@pytest.fixture
def world(directory_page):
    """England's site (the directory page's), the three other regional sites, and on them:
    English-only activities, and one activity translated into Welsh."""
    _set_region(Site.objects.get(root_page=directory_page.get_parent()), "england")
    directories = {region: _regional_site(region) for region in HOSTS}

    def offer(directory, provider_slug, title, art_form, place):
        provider = ProviderPageFactory(parent=directory, slug=provider_slug)
        return ActivityPageFactory(
            parent=provider,
            title=title,
            slug=title.lower().replace(" ", "-"),
            art_forms=(art_form,),
            places=(place,),
        )

    wales = directories["wales"]
    drumming = offer(wales, "drummers", "Cardiff drumming", "music", "GB-CRF")
    clay = offer(wales, "potters", "Cardiff clay", "visual-art-craft", "GB-CRF")
    welsh_clay = publish_translation(clay, "cy", title="Clai Caerdydd", slug="clai-caerdydd")
    samba = offer(directory_page, "samba", "Leicester samba", "music", "GB-LCE")
    ceilidh = offer(directories["scotland"], "ceilidh", "Fife ceilidh", "dance", "GB-FIF")
    puppets = offer(
        directories["northern-ireland"], "puppets", "Belfast puppets", "theatre-drama", "GB-BFS"
    )
    return {
        "directories": directories,
        "drumming": drumming,
        "clay": clay,
        "welsh_clay": welsh_clay,
        "samba": samba,
        "ceilidh": ceilidh,
        "puppets": puppets,
    }


def cards(client, region, query=""):
    hostname, language = HOSTS[region]
    response = client.get(f"/{language}/activities/{query}", HTTP_HOST=hostname)
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    return {
        card.select_one(".activity-card__title a").get_text(strip=True): card
        for card in page.select(".activity-results .activity-card")
    }


def test_a_welsh_reader_finds_an_english_only_activity_labelled_as_english(client, world):
    found = cards(client, "wales")
    # Each activity once: the Welsh translation of the clay workshop, never its English source;
    # the drumming, which has no Welsh translation, in English.
    assert set(found) == {"Clai Caerdydd", "Cardiff drumming"}

    drumming = found["Cardiff drumming"]
    link = drumming.select_one(".activity-card__title a")
    assert link["lang"] == "en"
    assert link["href"] == world["drumming"].get_url_parts()[2]
    assert not link["href"].startswith("/cy/")
    assert drumming.select_one(".activity-card__language").get_text(strip=True) == "Yn Saesneg"
    assert drumming.select_one("p[lang='en']").get_text(strip=True) == "An activity."
    # The page it links to exists.
    assert client.get(link["href"], HTTP_HOST="wales.localhost").status_code == 200

    clay = found["Clai Caerdydd"]
    assert clay.select_one(".activity-card__title a").get("lang") is None
    assert clay.select_one(".activity-card__language") is None
    assert clay.select_one(".activity-card__title a")["href"].startswith("/cy/")


def test_across_the_uk_each_activity_is_found_once_and_facets_count_it_once(world):
    welsh = Locale.objects.get(language_code="cy")
    welsh_directory = DirectoryIndexPage.objects.get(
        locale=welsh, translation_key=world["directories"]["wales"].translation_key
    )
    results = search_activities(activity_scope(welsh_directory, welsh), Filters())
    found = {(a.title, a.locale.language_code) for a in results.page.object_list}
    assert found == {
        ("Clai Caerdydd", "cy"),
        ("Cardiff drumming", "en"),
        ("Leicester samba", "en"),
        ("Fife ceilidh", "en"),
        ("Belfast puppets", "en"),
    }
    assert results.total == 5
    art_forms = {slug: n for slug, n in results.facets["art_form"].items() if n}
    assert art_forms == {"music": 2, "visual-art-craft": 1, "dance": 1, "theatre-drama": 1}

    music = search_activities(activity_scope(welsh_directory, welsh), Filters(art_form=("music",)))
    assert music.total == 2
    assert {a.title for a in music.page.object_list} == {"Cardiff drumming", "Leicester samba"}


def test_an_english_reader_still_sees_english_pages_once(world):
    english = Locale.objects.get(language_code="en")
    results = search_activities(activity_scope(world["directories"]["wales"], english), Filters())
    titles = sorted(a.title for a in results.page.object_list)
    assert titles == [
        "Belfast puppets",
        "Cardiff clay",
        "Cardiff drumming",
        "Fife ceilidh",
        "Leicester samba",
    ]


def test_keywords_find_untranslated_activities_for_a_welsh_reader(client, world):
    assert set(cards(client, "wales", "?q=drumming")) == {"Cardiff drumming"}
    # The English source of a translated activity is never shown beside its translation.
    assert set(cards(client, "wales", "?q=clay")) == set()


@pytest.mark.parametrize(
    ("region", "title", "label"),
    [
        ("scotland", "Fife ceilidh", "Sa Bheurla"),
        ("northern-ireland", "Belfast puppets", "I mBéarla"),
    ],
)
def test_gaelic_and_irish_readers_find_english_only_activities(client, world, region, title, label):
    found = cards(client, region)
    assert set(found) == {title}
    card = found[title]
    link = card.select_one(".activity-card__title a")
    assert link["lang"] == "en"
    activity = world["ceilidh" if region == "scotland" else "puppets"]
    assert link["href"] == activity.get_url_parts()[2]
    assert card.select_one(".activity-card__language").get_text(strip=True) == label
