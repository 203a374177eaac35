"""Another app's sections on the home page come from Wagtail hooks (core/sections.py): a new
app adds one by registering a hook and naming its own template, and home/ does not change."""

import pytest
from bs4 import BeautifulSoup
from wagtail import hooks

from core.sections import HOME_PAGE_SECTIONS, Section

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def every_part_rendered(settings):
    """Hooks change here between two requests, where on a site only a deployment changes them
    (and a migration starts a new site generation): no part of a page is kept rendered."""
    settings.FRAGMENT_CACHE_SECONDS = 0


def section_labels(response):
    html = BeautifulSoup(response.content, "html.parser")
    return [section["data-label"] for section in html.select("section.test-section")]


def test_a_hook_adds_a_section_to_the_home_page(client, home_page):
    def from_a_new_app(request, page):
        return Section("tests/home_section.html", ["Made by a new app", "and another item"])

    with hooks.register_temporarily(HOME_PAGE_SECTIONS, from_a_new_app):
        response = client.get(home_page.url)

    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    section = html.select_one("#main section.test-section")
    assert section.h2.get_text(strip=True) == "Made by a new app"
    # The section's template is rendered in the page's context, with the section.
    assert section.p.get_text(strip=True) == f"2 items, shown on {home_page.title}"
    # Gone with the hook: nothing of it stays behind in home/.
    assert section_labels(client.get(home_page.url)) == []


def test_sections_follow_their_order_and_empty_ones_are_left_out(client, home_page):
    def late(request, page):
        return Section("tests/home_section.html", ["late"])

    def early(request, page):
        return Section("tests/home_section.html", ["early"])

    def empty(request, page):
        return Section("tests/home_section.html", [])

    def nothing(request, page):
        return None

    registered_late = hooks.register_temporarily(
        [(HOME_PAGE_SECTIONS, late), (HOME_PAGE_SECTIONS, empty), (HOME_PAGE_SECTIONS, nothing)],
        order=90,
    )
    registered_early = hooks.register_temporarily(HOME_PAGE_SECTIONS, early, order=1)
    with registered_late, registered_early:
        response = client.get(home_page.url)

    assert section_labels(response) == ["early", "late"]
