"""A teacher uses the directory in a real browser; every directory page type passes axe."""

import re

import pytest
from playwright.sync_api import expect

from directory.models import ActivityPage, ProviderPage

pytestmark = pytest.mark.browser


def test_teacher_finds_a_local_activity_and_shares_the_search(page, demo, axe_check):
    page.goto("/")
    page.locator("header").get_by_role("link", name="Find activities").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Find activities")
    axe_check(page)

    page.get_by_label("Near postcode").fill("LE1 6AD")
    page.get_by_label("Within").select_option("10")
    page.get_by_label(re.compile(r"^Music")).check()
    page.get_by_label("Child's age").fill("9")
    page.get_by_role("button", name="Show activities").click()
    # Empty fields are left out, so the shared address carries only the choices made (and
    # the fragment that takes the reader to the results summary).
    expect(page).to_have_url(
        re.compile(
            r"/activities/\?postcode=LE1\+6AD&radius=10&art_form=music&age=9#results-heading$"
        )
    )
    results = page.locator(".activity-results h3 a")
    expect(results.first).to_be_visible()
    assert re.search(
        r"miles? away|Comes to schools in|Outdoors or in the community in|Online",
        page.locator(".activity-results").inner_text(),
    )
    axe_check(page)

    # The whole search lives in the address, so it can be bookmarked and shared.
    shared = page.url
    page.goto("/")
    page.goto(shared)
    expect(page.get_by_label("Near postcode")).to_have_value("LE1 6AD")

    results.first.click()
    booking = page.locator("section", has=page.get_by_role("heading", name="How to book"))
    expect(booking).to_be_visible()
    expect(booking.locator("a[href^='mailto:']")).to_have_count(1)
    expect(page.locator(".facts").first).to_contain_text("Music")
    axe_check(page)
    assert page.request_log.foreign() == []


def test_directory_page_types_pass_axe_including_errors_and_empty_state(page, demo, axe_check):
    provider = ProviderPage.objects.live().order_by("path").first()
    activity = ActivityPage.objects.live().order_by("path").first()
    for path in [
        provider.get_url_parts()[2],  # a path: Page.url names port 80
        activity.get_url_parts()[2],
        "/activities/?postcode=nonsense&age=abc",
        "/activities/?art_form=music&age=17",
    ]:
        page.goto(path)
        assert page.locator("h1").count() == 1, path
        axe_check(page)
