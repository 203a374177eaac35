"""A reader follows the stories in a real browser: home, the stories page, a filter, a story,
then plays its video. Nothing reaches another host until they press play, and every page
passes axe."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_reader_finds_a_story_and_chooses_to_play_its_video(page, demo, axe_check):
    page.goto("/")
    featured = page.locator(
        "section", has=page.get_by_role("heading", name="Stories from the programme")
    )
    expect(featured.get_by_role("link").first).to_be_visible()
    axe_check(page)

    page.locator("header").get_by_role("link", name="Stories", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Stories")
    expect(page.locator(".story-featured")).to_contain_text("Wakefield")
    axe_check(page)

    page.get_by_label("Theme").select_option(label="Skills and careers")
    page.get_by_label("Place").select_option(label="Wakefield")
    page.get_by_role("button", name="Show stories").click()
    # Empty choices are left out, so the shared address carries only what was chosen.
    expect(page).to_have_url(re.compile(r"/stories/\?theme=skills-careers&place=GB-WKF$"))
    results = page.locator(".story-results h3 a")
    expect(results).to_have_count(1)
    expect(page.get_by_role("heading", name="1 story found")).to_be_visible()
    axe_check(page)

    results.first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Wakefield")
    video = page.locator("[data-video]")
    expect(video.locator("iframe")).to_have_count(0)
    page.get_by_text("Transcript: Improving social mobility in Wakefield").click()
    expect(video.locator(".video__transcript")).to_contain_text("Julie Russell")
    axe_check(page)
    assert page.request_log.foreign() == []

    # The frame's request is the signal that the player has started loading (no fixed wait).
    play = page.get_by_role("button", name=re.compile(r"^Play video: Improving social mobility"))
    with page.expect_request(lambda request: "youtube-nocookie.com" in request.url):
        play.click()
    frame = video.locator("iframe")
    expect(frame).to_have_count(1)
    expect(frame).to_have_attribute(
        "src", re.compile(r"^https://www\.youtube-nocookie\.com/embed/Wkfld0Cultr\?autoplay=1")
    )
    expect(frame).to_have_attribute("title", "Improving social mobility in Wakefield")
    # The only host contacted is the one the reader chose (and the test blocked it).
    foreign = page.request_log.foreign()
    assert foreign and all(url.startswith("https://www.youtube-nocookie.com/") for url in foreign)


def test_audio_described_version_loads_only_when_chosen(page, demo):
    page.goto("/stories/wakefield-summer-school/")
    video = page.locator("[data-video]")
    assert page.request_log.foreign() == []
    video.get_by_role("button", name=re.compile("audio-described version")).click()
    expect(video.locator("iframe")).to_have_attribute(
        "src", re.compile(r"^https://www\.youtube-nocookie\.com/embed/Wkfld0AudDs")
    )


def test_story_pages_and_errors_pass_axe(page, demo, axe_check):
    for path in [
        "/stories/?kind=poem&year=soon",
        "/stories/?kind=news&year=2030",
        "/stories/leicester-pilot/",
        "/activities/the-spark-arts-for-children/",
    ]:
        page.goto(path)
        assert page.locator("h1").count() == 1, path
        axe_check(page)
    assert page.request_log.foreign() == []
