"""The open data's pages for developers in a real browser, on a phone (390 px) and a laptop
(1280 px): /api/ and the OpenActive dataset page keep their long addresses and curl examples
inside the screen, so nothing scrolls sideways and no box runs past the edge, and they pass
axe. Screenshots of both are saved for a person to judge (``$SCREENSHOTS_DIR``)."""

import pytest
from django.urls import reverse

from tests.browser.conftest import WIDTHS

pytestmark = pytest.mark.browser

PAGES = {
    "api": "opendata:documentation",
    "openactive": "opendata:openactive:dataset",
}

# Every element of the page's main content whose box reaches past the window's right edge.
PAST_THE_EDGE = """() => [...document.querySelectorAll("main *")]
  .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 0.5)
  .map((element) => `${element.tagName.toLowerCase()}: ${element.textContent.slice(0, 60)}`)"""


@pytest.mark.parametrize("width", sorted(WIDTHS))
def test_open_data_pages_fit_the_screen(page, demo, axe_check, screenshots, width):
    page.set_viewport_size({"width": width, "height": WIDTHS[width]})
    for name, url_name in PAGES.items():
        page.goto(reverse(url_name))
        assert page.locator("h1").count() == 1
        screenshots(page, f"{name}-{width}")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px"
        assert page.evaluate(PAST_THE_EDGE) == [], page.url
        axe_check(page)
    assert page.request_log.foreign() == []
