"""Fixtures and helpers for the hardening tests: failing services, headers, lockout, redirects.

The demo content (``demo_site`` from tests/conftest.py) gives one live page of every public
type; ``public_paths`` names an address of each.
"""

import socket

import pytest
from wagtail.models import Page

from directory.models import ActivityPage, DirectoryIndexPage, ProviderPage
from home.models import FormPage, HomePage, StandardPage
from showcase.models import Artwork, ShowcaseIndexPage, ShowcasePage
from stories.models import StoryIndexPage, StoryPage

PAGE_TYPES = [
    HomePage,
    StandardPage,
    FormPage,
    DirectoryIndexPage,
    ProviderPage,
    ActivityPage,
    StoryIndexPage,
    StoryPage,
    ShowcaseIndexPage,
    ShowcasePage,
]


def path_of(page):
    _site_id, _root_url, path = page.get_url_parts()
    return path


def first_live(site, model):
    page = Page.objects.live().public().descendant_of(site.root_page, inclusive=True)
    return page.type(model).specific().first()


def showcase_work_path(site):
    """The page of a work the public may see on ``site``."""
    gallery = first_live(site, ShowcasePage)
    artwork = Artwork.objects.publicly_visible(site).first()
    return f"{path_of(gallery)}work/{artwork.pk}/"


def public_paths(site):
    """{name: path} for every public page type on ``site``, a work page and site search."""
    paths = {}
    for model in PAGE_TYPES:
        page = first_live(site, model)
        assert page is not None, f"the demo has no live {model.__name__}"
        paths[model.__name__] = path_of(page)
    paths["showcase work"] = showcase_work_path(site)
    paths["search"] = "/search/?q=dance"
    paths["directory search"] = f"{paths['DirectoryIndexPage']}?q=dance"
    return paths


@pytest.fixture
def closed_port():
    """A TCP port on 127.0.0.1 on which nothing listens (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
