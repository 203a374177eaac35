"""Absolute links agree with where the site is served: its scheme, hostname and port.

A feed reader, a crawler or a shared link follows these URLs, so one that names another port
(`make run` on 8080 after a run on 8000) or `http` behind HTTPS leads nowhere.
"""

import re
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Site

from directory.models import ActivityPage
from stories.models import StoryIndexPage
from tests.conftest import load_demo

pytestmark = pytest.mark.django_db

ABSOLUTE_URL = re.compile(r"""(?:https?:)?//[^\s"'<>\\]+""")
FEED_LINK = re.compile(r'<link rel="alternate" type="application/(?:rss|atom)\+xml"[^>]*>')
PORT = 8123


def path_of(page):
    _site_id, _root_url, path = page.get_url_parts()
    return path


def absolute_urls(text):
    """Every absolute (or scheme-relative) URL in a page, feed, sitemap or calendar file,
    unfolding iCalendar's continuation lines first."""
    return ABSOLUTE_URL.findall(text.replace("\r\n ", ""))


def our_hostnames():
    return {site.hostname for site in Site.objects.all()}


def fetch(client, site, path, secure):
    response = client.get(path, HTTP_HOST=f"{site.hostname}:{PORT}", secure=secure)
    assert response.status_code == 200, (site.hostname, path, response.status_code)
    return response.content.decode()


def documents_of(client, site, secure):
    """The home page, the stories page and both its advertised feeds, an activity page and
    its calendar file, and the sitemap, as the site serves them."""
    documents = {"/": fetch(client, site, "/", secure)}
    index = StoryIndexPage.objects.live().descendant_of(site.root_page).first()
    if index is not None:
        stories = fetch(client, site, index.get_url(None), secure)
        documents[index.get_url(None)] = stories
        feeds = re.findall(
            r'<link rel="alternate" type="application/(?:rss|atom)\+xml"[^>]*>', stories
        )
        assert len(feeds) >= 2, site.hostname
        for link in feeds:
            path = urlsplit(re.search(r'href="([^"]+)"', link).group(1)).path
            documents[path] = fetch(client, site, path, secure)
    documents["/sitemap.xml"] = fetch(client, site, "/sitemap.xml", secure)
    activity = (
        ActivityPage.objects.live()
        .descendant_of(site.root_page)
        .filter(sessions__isnull=False)
        .first()
    )
    if activity is not None:
        path = path_of(activity)
        page = fetch(client, site, path, secure)
        assert "application/ld+json" in page
        documents[path] = page
        calendar = re.search(r'href="([^"]+)" download', page).group(1)
        documents[calendar] = fetch(client, site, calendar, secure)
        assert "BEGIN:VCALENDAR" in documents[calendar]
    return documents


def assert_links_follow_the_request(client, secure):
    scheme = "https" if secure else "http"
    hostnames = our_hostnames()
    checked = 0
    for site in Site.objects.all():
        for path, text in documents_of(client, site, secure).items():
            for url in absolute_urls(text):
                parts = urlsplit(url if "://" in url else f"{scheme}:{url}")
                if parts.hostname not in hostnames:
                    continue  # another organisation's address (a provider's website)
                where = f"{url} in {path} on {site.hostname}"
                assert parts.scheme == scheme, where
                assert parts.port == PORT, where
                checked += 1
    assert checked > 50  # the check saw the links it is about


@pytest.fixture
def sites_on_port(shared_demo, db):
    with override_settings(SITE_PORT=PORT):
        call_command("sync_regional_sites", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert {site.port for site in Site.objects.all()} == {PORT}


def test_every_absolute_link_uses_the_port_the_sites_are_served_on(client, sites_on_port):
    assert_links_follow_the_request(client, secure=False)


def test_every_absolute_link_uses_https_when_the_request_came_over_https(client, sites_on_port):
    assert_links_follow_the_request(client, secure=True)


def test_make_run_on_another_port_moves_every_site_and_link(client, shared_demo, db):
    """`PORT=8080 make run` after `make run` on 8000: load_demo (what `make run` calls) brings
    every Site to the new port, so no link names the old one."""
    with override_settings(SITE_PORT=8000):
        load_demo()
    assert {site.port for site in Site.objects.all()} == {8000}
    with override_settings(SITE_PORT=PORT):
        load_demo()
    assert {site.port for site in Site.objects.all()} == {PORT}
    for site in Site.objects.all():
        for path, text in documents_of(client, site, secure=False).items():
            assert ":8000" not in text, f"{path} on {site.hostname}"
