"""One rule for absolute addresses: canonical links, ``og:url``, feeds, JSON-LD, sitemaps,
hreflang alternates, rich text and calendar files all reach it through Wagtail's
``Page.get_url_parts``, which reads the sites' root URLs from the request.

Wagtail builds a page's root URL from its ``Site`` record: the hostname, the port, and
``https`` only for port 443. That leads nowhere when the site is served on another port than
the record says (``PORT=8080 make run`` after a run on 8000) or behind an HTTPS proxy that
talks to the application on port 80. So:

- a page on the site that is serving the request takes the request's own scheme and host;
- a page on another regional site keeps that site's hostname and port, with the request's
  scheme (the regional sites are served alike);
- with no request (a management command), ``SITE_SCHEME`` decides the scheme.
"""

from contextvars import ContextVar
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest
from django.utils.html import escape
from wagtail.models import Site
from wagtail.rich_text import pages

DEFAULT_PORTS = {"http": 80, "https": 443}


def root_url(site_id, site_root_url, request=None):
    """The scheme and authority for a page on ``site_id``, whose Site record says
    ``site_root_url``."""
    if isinstance(request, HttpRequest):
        scheme = request.scheme
        current = Site.find_for_request(request)
        if current is not None and current.pk == site_id:
            return f"{scheme}://{request.get_host()}"
    else:
        scheme = settings.SITE_SCHEME
    parts = urlsplit(site_root_url)
    port = parts.port or DEFAULT_PORTS.get(parts.scheme)
    # Port 80 or 443 in the record stands for "the default port", whatever the scheme.
    if port in DEFAULT_PORTS.values():
        return f"{scheme}://{parts.hostname}"
    return f"{scheme}://{parts.hostname}:{port}"


def site_root_paths(request):
    """Wagtail's root paths of every site, with their root URLs by the rule above."""
    return [
        path._replace(root_url=root_url(path.site_id, path.root_url, request))
        for path in Site.get_site_root_paths()
    ]


# Rich text renders its page links with no request at hand (Wagtail's link handlers take only
# the link's attributes), so the request being served is kept here for them.
_current_request = ContextVar("current_request", default=None)


def current_request():
    return _current_request.get()


class SiteRootUrlMiddleware:
    """Every page URL built for this request follows the rule above.

    Wagtail keeps the sites' root paths on the request it is given
    (``request._wagtail_cached_site_root_paths``) and builds every page URL from them, so they
    are set here once, already rewritten: ``{% pageurl %}``, ``{% fullpageurl %}``,
    ``get_full_url(request)``, sitemaps and feeds then agree, for specific pages and plain
    ``Page`` objects (page choosers) alike.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request._wagtail_cached_site_root_paths = site_root_paths(request)
        token = _current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            _current_request.reset(token)


class PageLinkHandler(pages.PageLinkHandler):
    """Page links in rich text, by the same rule as every other link: relative on the
    request's own site, and with the request's scheme to another regional site (Wagtail's
    own handler has no request, so it writes the Site record's address for every page once
    there are several sites)."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        request = current_request()
        return [
            f'<a href="{escape(page.localized.get_url(request))}">' if page else "<a>"
            for page in cls.get_many(attrs_list)
        ]
