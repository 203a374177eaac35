"""What a visitor does in a real browser, with an accessibility scan of every page type."""

import re

import pytest
import wagtail_factories
from django.urls import reverse
from playwright.sync_api import expect
from wagtail.models import Site

from home.factories import StandardPageFactory
from tests.blocks import every_shared_block

pytestmark = pytest.mark.browser


@pytest.fixture
def block_showcase_page(demo):
    """A page carrying every shared block, so axe sees each block's markup."""
    from core.demo_images import get_or_create_demo_image

    home = Site.objects.get(is_default_site=True).root_page
    image = get_or_create_demo_image("Abstract shapes (block test)", seed=7)
    document = wagtail_factories.DocumentFactory(title="Pilot evaluation")
    return StandardPageFactory(
        parent=home,
        title="Every block",
        slug="every-block",
        introduction="A page with every block.",
        body=every_shared_block(image, document, link_url="/sign-up/"),
    )


def test_visitor_journey_home_to_search_result(page, demo, axe_check):
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "en"
    axe_check(page)
    page.get_by_role("link", name="Teachers: start here").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("For teachers")
    axe_check(page)

    page.locator("header").get_by_role("searchbox").fill("Leicester crowdfunding")
    page.locator("header").get_by_role("button", name="Search").click()
    page.wait_for_url(re.compile(r"/search/\?q="))
    results = page.locator("ol.results h3 a")
    assert "Pilots across the UK" in results.all_inner_texts()
    axe_check(page)

    results.filter(has_text="Pilots across the UK").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Pilots across the UK")
    assert "£2,730" in page.locator("main").inner_text()
    axe_check(page)
    assert page.request_log.foreign() == []


def test_every_page_type_passes_axe(page, demo, block_showcase_page, axe_check):
    for path in [
        "/",
        "/about/",
        "/families/",
        "/sign-up/",
        "/search/",
        "/search/?q=zzzz",
        "/no-such-page/",
        block_showcase_page.get_url_parts()[2],  # a path: Page.url names port 80
        # The open data's pages for people: the documentation and the OpenActive dataset.
        reverse("opendata:documentation"),
        reverse("opendata:openactive:dataset"),
    ]:
        page.goto(path)
        assert page.title(), path
        assert page.locator("h1").count() == 1, path
        axe_check(page)
    assert page.request_log.foreign() == []


def test_sign_up_errors_then_success(page, demo, axe_check):
    page.goto("/sign-up/")
    page.get_by_role("button", name="Sign up").click()
    summary = page.locator("#form-errors")
    expect(summary).to_be_visible()
    # Focus moves to the error summary so a screen reader announces it.
    expect(summary).to_be_focused()
    axe_check(page)

    page.get_by_label("Your name").fill("Sam")
    page.get_by_label("Email address").fill("sam@example.org")
    page.get_by_role("radio", name="Parent or carer").check()
    page.get_by_role("checkbox").check()
    page.get_by_role("button", name="Sign up").click()
    # Double opt-in: nothing is added until the emailed link is followed.
    expect(page.locator("main")).to_contain_text("Check your email")
    axe_check(page)


def test_video_loads_from_its_host_only_after_the_reader_presses_play(page, block_showcase_page):
    page.goto(block_showcase_page.get_url_parts()[2])
    page.wait_for_load_state("networkidle")
    assert page.locator("iframe").count() == 0
    assert page.request_log.foreign() == []

    with page.expect_request(lambda request: "youtube-nocookie.com" in request.url):
        page.get_by_role("button", name=re.compile("Play video")).click()
    iframe = page.locator("iframe")
    expect(iframe).to_have_count(1)
    assert iframe.get_attribute("src").startswith("https://www.youtube-nocookie.com/embed/")
    assert iframe.get_attribute("title") == "The pilot in two minutes"
    assert any("youtube-nocookie.com" in url for url in page.request_log.foreign())


def test_keyboard_user_can_skip_to_content(page, demo):
    page.goto("/about/")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.inner_text().strip().lower().startswith("skip to")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("#main$"))
