"""Workaround: Wagtail 7.4 reads the same answers from the database on every request, and keeps
none of them beyond the request (core/wagtail_per_request.py trims the repeats within one):

- ``Site.find_for_request``: one query for the site serving the host;
- ``Page.route_for_request``: two queries per level of the page tree (each child by its slug,
  then its specific row), so an activity four levels down costs seven before it renders;
- ``Page.get_view_restrictions``: the page's ancestors, then their restrictions;
- ``BaseSiteSetting.for_request``: one query per setting model (the site's settings, its
  region), with ``get_or_create``.

Each answer is kept in the site cache (core/site_cache.py), which every change to pages, sites,
restrictions and settings drops, and is only used while a request is served. A route is kept
as the page it ended on (the page as read, which no save can have changed while the generation
lasts), only for a page's own address, so made-up paths, or made-up sub-paths of a routable
page, cannot fill the cache: a sub-path is routed from the nearest page whose address is kept,
and that page answers the request as Wagtail would have it. Delete this module once Wagtail
keeps these answers itself.
"""

import contextlib

from django.http import Http404
from django.http.request import split_domain_port
from django.utils import translation
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Page, PageViewRestriction, Site

from core import site_cache

_original_find_site = Site._find_for_request
_original_route_for_request = Page.route_for_request
_original_get_view_restrictions = Page.get_view_restrictions
_original_setting_for_request = BaseSiteSetting.for_request.__func__


def _find_site(request):
    if not site_cache.in_request():
        return _original_find_site(request)
    hostname = split_domain_port(request._get_raw_host())[0]
    # A host that names no site is answered by the default site whatever it is, so all such
    # hosts share one answer: made-up hosts cannot fill the cache.
    hostnames = site_cache.remember(
        ("site-hostnames",), lambda: set(Site.objects.values_list("hostname", flat=True))
    )
    parts = ("site", hostname, request.get_port()) if hostname in hostnames else ("default-site",)
    return site_cache.remember(parts, lambda: _original_find_site(request))


def _route_for_request(request, path):
    if not hasattr(request, "_wagtail_route_for_request") and site_cache.in_request():
        site = Site.find_for_request(request)
        if site is not None:
            _route_with_kept_page(request, site, path)
    return _original_route_for_request(request, path)


def _route_with_kept_page(request, site, path):
    """Route ``path`` from the page it led to last time, or route it as Wagtail does and keep
    where it ended; leaves ``request._wagtail_route_for_request`` unset to let Wagtail route
    it (nothing kept, or the kept page no longer answers at that address).

    Only pages' own addresses are kept: an address below a page (a work in a gallery, a feed)
    is routed from the nearest page whose address is kept, so made-up sub-paths, which may
    take any value, never fill the cache."""
    components = [component for component in path.split("/") if component]
    language = translation.get_language()
    for length in range(len(components), -1, -1):
        kept = site_cache.recall(("route", site.pk, language, tuple(components[:length])))
        if kept is site_cache.MISSING:
            continue
        start = kept  # the page as it was read, a copy of its own for this request
        # A kept page that no longer answers changed beyond what the cache hears of: then
        # Wagtail routes the path from the root.
        with contextlib.suppress(Http404):
            result = start.route(request, components[length:])
            request._wagtail_route_for_request = result
            _keep_route(site, language, components[:length], start, result[0])
        return
    try:
        root = site.root_page.localized.specific
        result = root.route(request, components)
    except Http404:
        request._wagtail_route_for_request = None
        return
    request._wagtail_route_for_request = result
    _keep_route(site, language, [], root, result[0])


def _keep_route(site, language, start_components, start, page):
    """Keep ``page`` as the route of its own address, found from ``start`` (at the address
    ``start_components``). The page itself is kept, as read: any page saved, moved or deleted
    starts a new site generation, so a kept page is the one the database holds."""
    if not start_components and start.depth <= 2:
        # The site's home page, from which every other address can be routed.
        site_cache.keep(("route", site.pk, language, ()), start)
    if page.pk == start.pk or not page.url_path.startswith(start.url_path):
        return
    below = [part for part in page.url_path[len(start.url_path) :].split("/") if part]
    site_cache.keep(("route", site.pk, language, (*start_components, *below)), page)


def _get_view_restrictions(self):
    if not site_cache.in_request() or self.pk is None:
        return _original_get_view_restrictions(self)
    restrictions = site_cache.remember(
        ("view-restrictions", self.pk), lambda: list(_original_get_view_restrictions(self))
    )
    # A queryset still (callers may filter or order it), already holding its rows.
    queryset = PageViewRestriction.objects.filter(pk__in=[each.pk for each in restrictions])
    queryset._result_cache = restrictions
    queryset._prefetch_done = True
    return queryset


@classmethod
def _setting_for_request(cls, request):
    attribute = cls.get_cache_attr_name()
    if hasattr(request, attribute) or not site_cache.in_request():
        return _original_setting_for_request(cls, request)
    site = Site.find_for_request(request)
    if site is None:
        return _original_setting_for_request(cls, request)
    found = site_cache.remember(
        ("site-setting", cls._meta.label, site.pk), lambda: cls.for_site(site)
    )
    found._request = request  # as Wagtail does, for page URLs built from the setting
    setattr(request, attribute, found)
    return found


def install():
    Site._find_for_request = staticmethod(_find_site)
    Page.route_for_request = staticmethod(_route_for_request)
    Page.get_view_restrictions = _get_view_restrictions
    BaseSiteSetting.for_request = _setting_for_request
