"""The class backpack in a real browser: a teacher on England's site searches, saves three
activities, makes a backpack for a class of 28, plans five experiences across the year, prints
the plan, downloads its calendar and shares a read-only link; and the same without JavaScript.
axe checks every backpack page; screenshots are saved for a person to judge."""

import os
import re
from datetime import date
from pathlib import Path

import icalendar
import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.fixture
def screenshots(tmp_path_factory):
    folder = os.environ.get("SCREENSHOTS_DIR")
    folder = Path(folder) if folder else tmp_path_factory.getbasetemp() / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def search(page, art_form):
    page.goto("/")
    print("home", flush=True)
    hero = page.locator(".hero")
    hero.get_by_label("Postcode or place").fill("LE1 6AD")
    hero.get_by_label("Art form").select_option(label=art_form)
    hero.get_by_role("button", name="Find activities").click()
    page.wait_for_url(re.compile(r"postcode="))
    return page.locator(".activity-results .activity-card")


def save_cards(page, cards, how_many):
    titles = []
    for index in range(how_many):
        card = cards.nth(index)
        titles.append(card.locator(".activity-card__title").inner_text())
        card.get_by_role("button", name=re.compile(r"^Save")).click()
        expect(card.get_by_role("button", name=re.compile(r"^Saved"))).to_be_visible()
    return titles


def plan(page, title, **values):
    item = page.locator(".plan__item", has=page.get_by_role("heading", name=title))
    if "term" in values:
        item.get_by_label("Term").select_option(label=values["term"])
    if "date" in values:
        item.get_by_label("Date").fill(values["date"])
    if "status" in values:
        item.get_by_label("Status").select_option(label=values["status"])
    item.get_by_role("button", name=re.compile("^Save changes")).click()
    page.wait_for_load_state("load")


@pytest.mark.parametrize("width", [1280, 390])
def test_teacher_plans_five_experiences_for_a_class(
    page, demo, axe_check, screenshots, browser, width
):
    page.set_viewport_size({"width": width, "height": 900})
    cards = search(page, "Music")
    titles = save_cards(page, cards, 3)
    # The header counts them, updated in place by the page's script.
    expect(page.locator("[data-saved-count]").first).to_have_text("3")
    axe_check(page)
    cards = search(page, "Dance")
    titles += save_cards(page, cards, 2)
    expect(page.locator("[data-saved-count]").first).to_have_text("5")

    page.locator("[data-saved-link]").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your saved activities")
    axe_check(page)
    page.get_by_label("Class name").fill("Year 3 Oak")
    page.get_by_label("Year group").select_option(label="Year 3")
    page.get_by_label("Number of pupils").fill("28")
    page.get_by_label("School postcode (optional)").fill("LE1 6AD")
    page.get_by_role("button", name="Make the backpack").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Year 3 Oak")
    expect(page.locator(".backpack-progress__figure")).to_have_text("0 of 5 done")
    school_year = page.locator(".lead").first.inner_text()
    assert "28 pupils" in school_year
    axe_check(page)

    this_year = date.today().year
    plan(page, titles[0], term="Autumn term", date=f"{this_year + 1}-02-09", status="Booked")
    plan(page, titles[1], term="Spring term", date=f"{this_year + 1}-03-16")
    plan(page, titles[2], term="Spring term")
    plan(page, titles[3], term="Summer term", date=f"{this_year + 1}-06-22")
    plan(page, titles[4], term="Summer term")
    expect(page.locator(".backpack-progress__figure")).to_have_text("0 of 5 done, 1 booked")
    summary = page.locator(".backpack-summary")
    expect(summary).to_contain_text("Cost for 28 pupils")
    expect(summary).to_contain_text("£")
    expect(summary).to_contain_text("Music")
    expect(summary).to_contain_text("Not in the plan yet this year:")
    axe_check(page)
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=screenshots / f"backpack-{width}.png", full_page=True)

    # The print view: the plan on one A4 page.
    page.get_by_role("link", name="Print the plan").first.click()
    expect(page.locator("table.sheet__plan tbody tr")).to_have_count(5)
    axe_check(page)
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4")
    assert (
        pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page\r") + pdf.count(b"/Type /Page>>") <= 1
        or len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
    )
    page.emulate_media(media="screen")
    page.go_back()

    # The calendar: valid iCalendar with the three planned dates.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the calendar").first.click()
    calendar = icalendar.Calendar.from_ical(Path(download_info.value.path()).read_bytes())
    dates = sorted(event.decoded("DTSTART") for event in calendar.walk("VEVENT"))
    assert dates == [
        date(this_year + 1, 2, 9),
        date(this_year + 1, 3, 16),
        date(this_year + 1, 6, 22),
    ]

    # A colleague opens the read-only link in their own browser: the plan, and no way to
    # change it.
    shared_url = page.get_by_label(re.compile("^Read-only link")).input_value()
    colleague = browser.new_context(locale="en-GB")
    other = colleague.new_page()
    other.set_viewport_size({"width": width, "height": 900})
    other.goto(shared_url)
    expect(other.get_by_role("heading", level=1)).to_have_text("Year 3 Oak")
    for title in titles:
        expect(other.locator("main")).to_contain_text(title)
    assert other.locator("main form").count() == 0
    assert other.locator("main select, main input, main textarea").count() == 0
    axe_check(other)
    other.screenshot(path=screenshots / f"backpack-shared-{width}.png", full_page=True)
    colleague.close()
    assert page.request_log.foreign() == []


def test_without_javascript_a_teacher_saves_plans_and_requests(browser, demo, axe_check):
    context = browser.new_context(base_url=demo.url, locale="en-GB", java_script_enabled=False)
    context.set_default_timeout(20_000)
    page = context.new_page()
    print("context ready", flush=True)
    cards = search(page, "Dance")
    print("searched", flush=True)
    title = cards.first.locator(".activity-card__title").inner_text()
    cards.first.get_by_role("button", name=re.compile(r"^Save")).click()
    # A plain post that comes back to the same results, now saying "Saved".
    assert "postcode=" in page.url
    expect(page.locator("[data-saved-count]").first).to_have_text("1")
    expect(
        page.locator(".activity-card", has=page.get_by_text(title, exact=True)).get_by_role(
            "button", name=re.compile(r"^Saved")
        )
    ).to_be_visible()

    page.goto("/backpack/")
    page.get_by_label("Class name").fill("Year 5 Ash")
    page.get_by_label("Year group").select_option(label="Year 5")
    page.get_by_label("Number of pupils").fill("30")
    page.get_by_role("button", name="Make the backpack").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Year 5 Ash")
    plan(page, title, term="Spring term")
    expect(page.locator(".plan__item")).to_contain_text("Spring term")

    page.get_by_role("link", name=re.compile("^Send a booking request")).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(title)
    page.get_by_label("School name").fill("Ash Grove Primary")
    page.get_by_label("Your name").fill("Jo Teacher")
    page.get_by_label("Your email address").fill("jo@ashgrove.example")
    page.get_by_label("Preferred dates or term").fill("Any Thursday in February")
    page.get_by_label("Number of adults").fill("3")
    axe_check(page)
    page.get_by_role("button", name="Send the request").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Year 5 Ash")
    expect(page.locator(".plan__item")).to_contain_text("Requested")
    context.close()
