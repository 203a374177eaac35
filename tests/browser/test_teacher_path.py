"""A teacher's path in a real browser, on a phone (390 px) and a laptop (1280 px): the home
page's search, the results first with the filters one tap away, then an activity's booking
action. axe checks each page; screenshots of home, directory and activity are saved for a
person to judge (under the run's temporary folder, or ``$SCREENSHOTS_DIR``)."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import WIDTHS

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", sorted(WIDTHS))
def test_teacher_goes_from_the_home_search_to_a_booking_action(
    page, demo, axe_check, screenshots, width
):
    page.set_viewport_size({"width": width, "height": WIDTHS[width]})
    page.goto("/")
    hero = page.locator(".hero")
    expect(hero.get_by_role("heading", name="Find activities for your class")).to_be_visible()
    axe_check(page)
    screenshots(page, f"home-{width}")

    hero.get_by_label("Postcode or place").fill("Leicester")
    hero.get_by_label("Art form").select_option(label="Music")
    hero.get_by_role("button", name="Find activities").click()
    page.wait_for_url(re.compile(r"place=GB-LCE"))
    assert "art_form=music" in page.url

    # The results summary has focus, so a screen reader starts with how many were found.
    summary = page.locator("#results-heading")
    expect(summary).to_be_focused()
    expect(summary).to_have_text(re.compile(r"\d+ activit"))
    cards = page.locator(".activity-results .activity-card")
    expect(cards.first).to_be_visible()
    panel = page.locator("details.filters-panel")
    if width < 900:
        # On a phone the filters are one line above the results, and open on a tap.
        expect(panel).not_to_have_attribute("open", "")
        first_card_top = cards.first.bounding_box()["y"] + page.evaluate("window.scrollY")
        assert first_card_top < 900, first_card_top
        screenshots(page, f"directory-{width}-collapsed")
        page.locator(".filters-panel__summary").click()
    expect(panel).to_have_attribute("open", "")
    expect(panel.get_by_role("button", name=re.compile(r"^Show \d+ activit"))).to_be_visible()
    axe_check(page)
    screenshots(page, f"directory-{width}")

    first = cards.first.get_by_role("link").first
    title = first.inner_text()
    first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    book = page.locator(".activity__book").get_by_role("link").first
    expect(book).to_be_visible()
    assert book.bounding_box()["y"] < WIDTHS[width] * 1.5
    axe_check(page)
    screenshots(page, f"activity-{width}")
    assert page.request_log.foreign() == []


def test_skip_link_leads_to_the_results_summary(page, demo):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/")
    page.locator(".hero").get_by_role("button", name="Find activities").click()
    page.wait_for_load_state("load")
    page.locator("main").focus()
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to results")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    assert page.url.endswith("#results-heading")
