"""Each regional site's /sitemap.xml lists its pages in every language it offers, and names each
translated page's other languages the way Google reads multilingual sitemaps
(<xhtml:link rel="alternate" hreflang=...>, plus x-default)."""

import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, PageViewRestriction

from core.factories import publish_child, publish_translation
from home.models import StandardPage
from showcase.factories import ArtworkFactory, child_with_consent
from showcase.models import ShowcaseIndexPage, ShowcasePage
from tests.regions.test_regional_sites import alternates, get

pytestmark = pytest.mark.django_db

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"
NS = {"s": SITEMAP, "xhtml": XHTML}


def sitemap(client, host):
    """{location: {hreflang: href}} for every URL in the host's sitemap."""
    response = get(client, host, "/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - our own, trusted output
    assert root.tag == f"{{{SITEMAP}}}urlset"
    entries = {}
    for url in root.findall("s:url", NS):
        location = url.find("s:loc", NS).text
        assert location not in entries, f"{location} listed twice"
        links = url.findall("xhtml:link", NS)
        assert all(link.get("rel") == "alternate" for link in links)
        entries[location] = {link.get("hreflang"): link.get("href") for link in links}
    return entries


def add_page(parent, slug, title=None):
    page = StandardPage(title=title or slug.title(), slug=slug, introduction="In English.")
    publish_child(parent, page)
    return page


def test_a_translated_page_is_listed_in_each_language_with_its_alternates(client, regional_homes):
    about = add_page(regional_homes["wales"], "about")
    publish_translation(about, "cy", title="Amdanom ni")
    entries = sitemap(client, "wales.localhost")
    both = {
        "en": "http://wales.localhost/about/",
        "cy": "http://wales.localhost/cy/about/",
        "x-default": "http://wales.localhost/about/",
    }
    # Wagtail alone lists only the English tree: the Welsh page must be there too.
    assert entries["http://wales.localhost/about/"] == both
    assert entries["http://wales.localhost/cy/about/"] == both
    homes = {
        "en": "http://wales.localhost/",
        "cy": "http://wales.localhost/cy/",
        "x-default": "http://wales.localhost/",
    }
    assert entries["http://wales.localhost/"] == homes
    assert entries["http://wales.localhost/cy/"] == homes
    # The same links a reader's browser gets in the page's <head>.
    head = alternates(get(client, "wales.localhost", "/cy/about/"))
    assert head == both


def test_a_page_without_a_live_translation_has_no_alternates(client, regional_homes):
    add_page(regional_homes["wales"], "contact")
    draft = add_page(regional_homes["wales"], "draft-in-welsh")
    welsh = publish_translation(draft, "cy", title="Drafft")
    welsh.refresh_from_db()  # publishing went through a revision, not this instance
    welsh.unpublish()
    private = add_page(regional_homes["wales"], "members")
    members = publish_translation(private, "cy", title="Aelodau")
    PageViewRestriction.objects.create(page=members, restriction_type="login")
    entries = sitemap(client, "wales.localhost")
    assert entries["http://wales.localhost/contact/"] == {}
    assert entries["http://wales.localhost/draft-in-welsh/"] == {}
    assert entries["http://wales.localhost/members/"] == {}
    assert not any(
        location.endswith(("/cy/draft-in-welsh/", "/cy/members/")) for location in entries
    )


def test_no_welsh_pages_while_the_welsh_home_page_is_unpublished(client, regional_homes):
    about = add_page(regional_homes["wales"], "about")
    publish_translation(about, "cy", title="Amdanom ni")
    regional_homes["wales"].get_translation(Locale.objects.get(language_code="cy")).unpublish()
    # /cy/... redirects to English now (SiteLanguageMiddleware): neither the sitemap nor the
    # page's <head> may point there.
    entries = sitemap(client, "wales.localhost")
    assert set(entries) == {"http://wales.localhost/", "http://wales.localhost/about/"}
    assert all(links == {} for links in entries.values())
    assert alternates(get(client, "wales.localhost", "/about/")) == {}


def test_each_site_lists_only_its_own_pages_and_languages(client, regional_homes):
    # England's home has a Welsh copy (see regional_homes), but England offers English only.
    england_about = add_page(regional_homes["england"], "about")
    publish_translation(england_about, "cy", title="Amdanom ni")
    wales_about = add_page(regional_homes["wales"], "about")
    publish_translation(wales_about, "cy", title="Amdanom ni")
    scotland_about = add_page(regional_homes["scotland"], "about")
    publish_translation(scotland_about, "gd", title="Mu dheidhinn")

    england = sitemap(client, "localhost")
    assert set(england) == {"http://localhost/", "http://localhost/about/"}
    assert all(links == {} for links in england.values())

    scotland = sitemap(client, "scotland.localhost")
    assert "http://scotland.localhost/gd/about/" in scotland
    for site in (england, scotland, sitemap(client, "wales.localhost")):
        hosts = {
            url.split("/")[2]
            for location, links in site.items()
            for url in [location, *links.values()]
        }
        assert len(hosts) == 1, hosts
    assert not any(
        "/cy/" in url for location in scotland for url in [location, *scotland[location].values()]
    )


def test_the_xml_declares_the_sitemap_and_xhtml_namespaces(client, regional_homes):
    about = add_page(regional_homes["wales"], "about")
    publish_translation(about, "cy", title="Amdanom ni")
    body = get(client, "wales.localhost", "/sitemap.xml").content
    root = ET.fromstring(body)  # noqa: S314 - our own, trusted output
    assert root.tag == f"{{{SITEMAP}}}urlset"
    assert b'xmlns:xhtml="http://www.w3.org/1999/xhtml"' in body
    links = root.findall(f"{{{SITEMAP}}}url/{{{XHTML}}}link")
    assert len(links) == 4 * 3  # two pages, each in two languages, each with en, cy, x-default
    assert {link.get("hreflang") for link in links} == {"en", "cy", "x-default"}
    for url in root.findall(f"{{{SITEMAP}}}url"):
        assert [child.tag for child in url][0] == f"{{{SITEMAP}}}loc"


def test_welsh_galleries_list_only_the_works_that_may_be_shown(client, regional_homes):
    wales_home = regional_homes["wales"]
    site = wales_home.get_site()
    index = ShowcaseIndexPage(title="Children's work", slug="showcase")
    publish_child(wales_home, index)
    gallery = ShowcasePage(title="Everything", slug="everything")
    publish_child(index, gallery)
    publish_translation(gallery, "cy", title="Popeth")

    shown = ArtworkFactory(children=[child_with_consent(site)], seed=1)
    lapsed = ArtworkFactory(children=[child_with_consent(site, "expired")], seed=2)
    entries = sitemap(client, "wales.localhost")
    for prefix in ("http://wales.localhost/", "http://wales.localhost/cy/"):
        assert f"{prefix}showcase/everything/work/{shown.pk}/" in entries
        assert f"{prefix}showcase/everything/work/{lapsed.pk}/" not in entries
    gallery_links = {"en", "cy", "x-default"}
    assert set(entries["http://wales.localhost/cy/showcase/everything/"]) == gallery_links
    # A work's URL is the gallery's own addition: it carries no alternates of its own.
    assert entries[f"http://wales.localhost/cy/showcase/everything/work/{shown.pk}/"] == {}


def count_sitemap_queries(client):
    get(client, "wales.localhost", "/sitemap.xml")  # the first request fills per-process caches
    with CaptureQueriesContext(connection) as captured:
        entries = sitemap(client, "wales.localhost")
    return len(captured), entries


# Measured: 11 on SQLite (the site, its languages and settings, the home pages, view
# restrictions twice, counting and listing the pages, their specific rows by type, and one
# query for every page's translations).
SITEMAP_MAX_QUERIES = 12


def test_sitemap_queries_do_not_grow_with_the_pages(client, regional_homes):
    def add_translated(start, count):
        for number in range(start, start + count):
            page = add_page(regional_homes["wales"], f"page-{number}")
            publish_translation(page, "cy", title=f"Tudalen {number}")

    add_translated(0, 2)
    few, entries = count_sitemap_queries(client)
    assert len(entries) == 2 + 2 * 2
    add_translated(2, 10)
    many, entries = count_sitemap_queries(client)
    assert len(entries) == 2 + 2 * 12
    assert all(set(links) == {"en", "cy", "x-default"} for links in entries.values())
    assert few == many, (few, many)
    assert many <= SITEMAP_MAX_QUERIES, many
