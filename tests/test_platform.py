"""Site-wide plumbing: errors, sitemap, robots.txt, favicon and language prefixes."""

import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.test import RequestFactory
from django.views.defaults import server_error

from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_missing_page_gets_the_custom_404(client, home_page):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "en"
    assert soup.find("form", attrs={"role": "search"})


def test_500_page_renders_without_touching_the_database(django_assert_num_queries):
    request = RequestFactory().get("/")
    with django_assert_num_queries(0):
        response = server_error(request)
    assert response.status_code == 500
    assert b"Something went wrong" in response.content


def test_sitemap_lists_live_pages_only(client, home_page):
    StandardPageFactory(parent=home_page, title="About", slug="about")
    StandardPageFactory(parent=home_page, title="Secret draft", slug="secret", live=False)
    # Absolute addresses follow the host the site was asked for (core/urls.py).
    response = client.get("/sitemap.xml", HTTP_HOST="localhost")
    assert response.status_code == 200
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    sitemap = ET.fromstring(response.content)  # noqa: S314 - our own, trusted output
    locations = [loc.text for loc in sitemap.findall("s:url/s:loc", namespace)]
    assert "http://localhost/about/" in locations
    assert not any("secret" in location for location in locations)


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_admin(client, home_page):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    for prefix in ("", "/cy", "/gd", "/ga"):
        assert f"Disallow: {prefix}/search/" in body.splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_favicon_redirects_to_the_svg(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("images/favicon.svg")


def test_a_language_prefix_without_a_translation_redirects_to_the_page(client, home_page):
    StandardPageFactory(parent=home_page, title="About", slug="about")
    response = client.get("/cy/about/")
    assert response.status_code == 302
    assert response["Location"] == "/about/"


def test_meta_description_and_open_graph_come_from_listing_fields(client, home_page):
    page = StandardPageFactory(
        parent=home_page,
        title="Pilots",
        slug="pilots",
        listing_summary="Where the programme was tried.",
        social_title="Arts Backpack pilots",
    )
    soup = BeautifulSoup(client.get(page.url, HTTP_HOST="localhost").content, "html.parser")
    assert (
        soup.find("meta", attrs={"name": "description"})["content"]
        == "Where the programme was tried."
    )
    assert soup.find("meta", property="og:title")["content"] == "Arts Backpack pilots"
    assert soup.find("link", rel="canonical")["href"] == "http://localhost/pilots/"


def test_switcher_and_hreflang_list_only_published_translations(client, home_page):
    from wagtail.models import Locale

    about = StandardPageFactory(parent=home_page, title="About", slug="about")
    untranslated = StandardPageFactory(parent=home_page, title="Only English", slug="only")
    welsh = Locale.objects.get(language_code="cy")
    home_page.copy_for_translation(welsh).save_revision().publish()
    welsh_about = about.copy_for_translation(welsh)
    welsh_about.title = "Amdanom ni"
    welsh_about.save_revision().publish()

    soup = BeautifulSoup(client.get("/about/").content, "html.parser")
    alternates = {link["hreflang"]: link["href"] for link in soup.find_all("link", rel="alternate")}
    assert alternates == {
        "en": "http://testserver/about/",
        "x-default": "http://testserver/about/",
        "cy": "http://testserver/cy/about/",
    }
    switcher = soup.select_one(".language-switcher")
    assert switcher.find("a", hreflang="cy")["href"] == "/cy/about/"

    welsh_soup = BeautifulSoup(client.get("/cy/about/").content, "html.parser")
    assert welsh_soup.html["lang"] == "cy"
    assert welsh_soup.h1.get_text(strip=True) == "Amdanom ni"

    only = BeautifulSoup(client.get(untranslated.url).content, "html.parser")
    assert only.select_one(".language-switcher") is None
    assert not only.find_all("link", rel="alternate", hreflang=True)
