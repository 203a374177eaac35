"""With the sites on port 80 behind an HTTPS proxy, absolute links say https (issue 13).

The proxy terminates TLS and says so with X-Forwarded-Proto (SECURE_PROXY_SSL_HEADER in
production); links then follow the request's scheme (core/urls.py).
"""

from urllib.parse import urlsplit

import pytest
from wagtail.models import Site

from directory.models import ActivityPage
from tests.test_absolute_urls import absolute_urls, our_hostnames

pytestmark = pytest.mark.django_db


def test_links_use_https_when_the_request_came_over_https(client, demo_site, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    assert settings.SITE_PORT == 80
    assert {site.port for site in Site.objects.all()} == {80}
    activity = ActivityPage.objects.live().descendant_of(demo_site.root_page).first()
    paths = ["/", activity.get_url(None), "/sitemap.xml"]
    hosts = our_hostnames()
    for path in paths:
        response = client.get(path, HTTP_HOST="localhost", HTTP_X_FORWARDED_PROTO="https")
        assert response.status_code == 200, path
        text = response.content.decode()
        ours = [url for url in absolute_urls(text) if urlsplit(url).hostname in hosts]
        assert ours, path
        for url in ours:
            assert url.startswith("https://"), (path, url)
            assert urlsplit(url).port is None, (path, url)
        if path != "/sitemap.xml":
            assert '<link rel="canonical" href="https://localhost/' in text, path
            assert 'property="og:url" content="https://localhost/' in text, path
