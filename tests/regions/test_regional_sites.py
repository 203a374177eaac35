"""Four regional sites from one install: each answers at its own hostname, in its own
languages, and tells browsers and search engines about its translations."""

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Locale, Page, Site

from core.factories import publish_child, publish_translation
from home.factories import HomePageFactory
from home.models import SiteSettings, StandardPage
from regions.models import RegionSettings
from regions.regions import REGIONS, REGIONS_BY_KEY
from regions.sites import ensure_site, site_for_region, sync_hostnames
from tests.regions.conftest import SECOND_LANGUAGE

pytestmark = pytest.mark.django_db

HOSTS = {
    "england": "localhost",
    "wales": "wales.localhost",
    "scotland": "scotland.localhost",
    "northern-ireland": "northern-ireland.localhost",
}


def get(client, host, path):
    return client.get(path, HTTP_HOST=host)


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def switcher(response):
    nav = soup(response).select_one("nav.language-switcher")
    if nav is None:
        return []
    return [(item.get("lang"), item.name == "span") for item in nav.select("[lang]")]


def alternates(response):
    return {
        link["hreflang"]: link["href"]
        for link in soup(response).select('link[rel="alternate"][hreflang]')
    }


def test_each_site_serves_its_own_home_at_its_hostname(client, regional_homes):
    for key, host in HOSTS.items():
        response = get(client, host, "/")
        assert response.status_code == 200
        assert soup(response).h1.get_text(strip=True) == f"Welcome to {key}"
        assert soup(response).html["lang"] == "en"
    for key, language in SECOND_LANGUAGE.items():
        response = get(client, HOSTS[key], f"/{language}/")
        assert response.status_code == 200
        assert soup(response).h1.get_text(strip=True) == f"{key} in {language}"
        assert soup(response).html["lang"] == language


def test_a_language_the_site_does_not_offer_leads_to_english(client, regional_homes):
    # England is English only, even though a Welsh copy of its home page exists.
    for host, path, english in [
        ("localhost", "/cy/", "/"),
        ("localhost", "/cy/search/?q=art", "/search/?q=art"),
        ("wales.localhost", "/gd/", "/"),
        ("scotland.localhost", "/cy/search/", "/search/"),
        ("northern-ireland.localhost", "/gd/about/", "/about/"),
    ]:
        response = get(client, host, path)
        assert (response.status_code, response["Location"]) == (302, english), (host, path)
    # Languages the site offers are served, not redirected.
    assert get(client, "scotland.localhost", "/gd/search/?q=art").status_code == 200
    assert get(client, "scotland.localhost", "/search/?q=art").status_code == 200


def test_a_language_is_offered_only_once_the_home_page_is_published_in_it(client, regional_homes):
    welsh_home = regional_homes["wales"].get_translation(Locale.objects.get(language_code="cy"))
    welsh_home.unpublish()
    assert get(client, "wales.localhost", "/cy/")["Location"] == "/"
    assert switcher(get(client, "wales.localhost", "/")) == []


def test_switcher_lists_only_the_sites_languages(client, regional_homes):
    expected = {
        "wales": [("en", True), ("cy", False)],
        "scotland": [("en", True), ("gd", False)],
        "northern-ireland": [("en", True), ("ga", False)],
        "england": [],  # one language: no switcher at all, the stray Welsh page is not offered
    }
    for key, links in expected.items():
        assert switcher(get(client, HOSTS[key], "/")) == links, key
    assert switcher(get(client, "wales.localhost", "/cy/")) == [("en", False), ("cy", True)]
    # A missing page exists in no language: the switcher offers each language's home page.
    missing = get(client, "wales.localhost", "/cy/dim-tudalen/")
    assert missing.status_code == 404
    links = {a["lang"]: a["href"] for a in soup(missing).select("nav.language-switcher a[lang]")}
    assert links == {"en": "/"}
    # Search is not a page: the site's languages are offered for it too.
    assert switcher(get(client, "scotland.localhost", "/gd/search/?q=ceol")) == [
        ("en", False),
        ("gd", True),
    ]


def test_hreflang_alternates_name_every_translation_and_a_default(client, regional_homes):
    for path in ("/", "/cy/"):
        links = alternates(get(client, "wales.localhost", path))
        assert links == {
            "en": "http://wales.localhost/",
            "cy": "http://wales.localhost/cy/",
            "x-default": "http://wales.localhost/",
        }
    assert alternates(get(client, "localhost", "/")) == {}


def test_a_page_without_a_translation_offers_none(client, regional_homes):
    about = StandardPage(title="About Wales", slug="about", introduction="Only in English.")
    regional_homes["wales"].add_child(instance=about)
    about.save_revision().publish()
    response = get(client, "wales.localhost", "/about/")
    assert response.status_code == 200
    assert switcher(response) == []
    assert alternates(response) == {}
    # Nor does the Welsh prefix quietly serve the English page.
    assert get(client, "wales.localhost", "/cy/about/").status_code == 404


def test_hostnames_come_from_configuration(regional_homes):
    hostnames = {
        "england": "artsbackpack.example",
        "wales": "cymru.artsbackpack.example",
        "scotland": "alba.artsbackpack.example",
        "northern-ireland": "ni.artsbackpack.example",
    }
    with override_settings(REGIONAL_SITE_HOSTNAMES=hostnames, SITE_PORT=443):
        changes = sync_hostnames()
        assert len(changes) == 4
        call_command("sync_regional_sites", stdout=open("/dev/null", "w"))  # noqa: SIM115
    for region in REGIONS:
        site = site_for_region(region)
        assert (site.hostname, site.port) == (hostnames[region.key], 443)
        assert site.root_page_id == regional_homes[region.key].pk
    assert site_for_region(REGIONS_BY_KEY["england"]).is_default_site
    assert Site.objects.filter(is_default_site=True).count() == 1


def test_each_site_settings_name_its_region(regional_homes):
    regions = {
        settings.region: settings.site.root_page_id for settings in RegionSettings.objects.all()
    }
    assert regions == {key: home.pk for key, home in regional_homes.items()}


def test_a_home_page_translated_after_the_site_was_visited_is_served(client, english):
    """Wagtail caches each site's root paths; publishing a translation of the home page must
    refresh them, or the new language's pages redirect to themselves."""
    Site.objects.all().delete()
    home = HomePageFactory(parent=Page.get_first_root_node(), slug="home-wales", locale=english)
    ensure_site(REGIONS_BY_KEY["wales"], home, "Arts Backpack Wales")
    about = StandardPage(title="About", slug="about")
    publish_child(home, about)
    assert get(client, "wales.localhost", "/about/").status_code == 200  # caches root paths

    publish_translation(home, "cy", hero_heading="Croeso")
    publish_translation(about, "cy", title="Amdanom ni")
    response = get(client, "wales.localhost", "/cy/about/")
    assert response.status_code == 200
    assert soup(response).h1.get_text(strip=True) == "Amdanom ni"


def test_navigation_marks_a_link_to_a_page_not_yet_translated(client, regional_homes):
    from home.models import NavigationLink

    home = regional_homes["scotland"]
    directory = StandardPage(title="Find activities", slug="activities")
    publish_child(home, directory)
    about = StandardPage(title="About Scotland", slug="about")
    publish_child(home, about)
    publish_translation(about, "gd", title="Mu dheidhinn Alba")
    settings = SiteSettings.for_site(Site.objects.get(root_page=home))
    for order, page in enumerate((directory, about)):
        NavigationLink.objects.create(settings=settings, page=page, sort_order=order)

    nav = soup(get(client, "scotland.localhost", "/gd/")).select("nav.primary-nav a")
    shown = [(a.get_text(strip=True), a.get("lang"), a.get("hreflang")) for a in nav]
    assert shown == [("Find activities", "en", "en"), ("Mu dheidhinn Alba", None, None)]
    # In English nothing is marked.
    nav = soup(get(client, "scotland.localhost", "/")).select("nav.primary-nav a")
    assert [a.get("lang") for a in nav] == [None, None]
