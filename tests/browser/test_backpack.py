"""The class backpack in a real browser: a teacher on England's site searches, saves three
activities, makes a backpack for a class of 28, plans five experiences across the year, prints
the plan, downloads its calendar and shares a read-only link; and the same without JavaScript.
axe checks every backpack page; screenshots are saved for a person to judge."""

import re
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import icalendar
import pytest
from django.utils import translation
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


class Words:
    """The interface's words in one language, as the catalogs give them (and, for Welsh, a
    check that they really are translated)."""

    def __init__(self, language):
        self.language = language

    def __call__(self, text, **values):
        with translation.override(self.language):
            translated = translation.gettext(text)
        if self.language != "en":
            assert translated != text, f"No {self.language} translation for {text!r}"
        return translated % values if values else translated

    def plural(self, singular, plural, count, **values):
        with translation.override(self.language):
            return translation.ngettext(singular, plural, count) % {"counter": count, **values}


# Where each journey starts: the site, the teacher's postcode, two art forms as the site's
# language names them, and the class.
JOURNEYS = {
    "en": ("localhost", "", "LE1 6AD", ("Music", "Dance"), "Year 3 Oak"),
    "cy": ("wales.localhost", "/cy", "CF10 1AA", ("Cerddoriaeth", "Dawns"), "Blwyddyn 3 Derw"),
}


def search(page, words, art_form, postcode="LE1 6AD", start="/"):
    page.goto(start)
    hero = page.locator(".hero")
    hero.get_by_label(words("Postcode or place")).fill(postcode)
    hero.get_by_label(words("Art form")).select_option(label=art_form)
    hero.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"postcode="))
    return page.locator(".activity-results .activity-card")


def save_cards(page, cards, how_many):
    titles = []
    for index in range(how_many):
        card = cards.nth(index)
        titles.append(card.locator(".activity-card__title").inner_text())
        page.evaluate("window.savedInPlace = true")
        card.locator(".save-control button").click()
        expect(card.locator(".save-control input[name=action]")).to_have_value("remove")
        # Saved in place by the page's script: the page was not loaded again.
        assert page.evaluate("window.savedInPlace === true")
    return titles


def plan(page, item_id, **values):
    """Set an experience's term, date or status; ``item_id`` is its element id (or, in the
    plan with one experience of that title, its title)."""
    if item_id.startswith("e") and item_id[1:].isdigit():
        item = page.locator(f"#{item_id}")
    else:
        item = page.locator(".plan__item", has=page.get_by_role("heading", name=item_id))
    if "term" in values:
        item.locator("select[name$=-term]").select_option(value=values["term"])
    if "date" in values:
        item.locator("input[name$=-date]").fill(values["date"])
    if "status" in values:
        item.locator("select[name$=-status]").select_option(value=values["status"])
    item.locator("form.plan__form button[type=submit]").click()
    page.wait_for_load_state("load")


@pytest.mark.parametrize(("language", "width"), [("en", 1280), ("en", 390), ("cy", 1280)])
def test_teacher_plans_five_experiences_for_a_class(
    page, demo, axe_check, screenshots, browser, language, width
):
    words = Words(language)
    host, prefix, postcode, art_forms, class_name = JOURNEYS[language]
    origin = f"http://{host}:{urlsplit(demo.url).port}"
    start = f"{origin}{prefix}/"
    page.set_viewport_size({"width": width, "height": 900})
    cards = search(page, words, art_forms[0], postcode, start)
    titles = save_cards(page, cards, 3)
    # The header counts them, updated in place by the page's script.
    expect(page.locator("[data-saved-count]").first).to_have_text("3")
    axe_check(page)
    cards = search(page, words, art_forms[1], postcode, start)
    titles += save_cards(page, cards, 2)
    expect(page.locator("[data-saved-count]").first).to_have_text("5")

    page.locator("[data-saved-link]").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(words("Your saved activities"))
    axe_check(page)
    page.locator("#id_class_name").fill(class_name)
    page.locator("#id_year_group").select_option(value="year-3")
    page.locator("#id_pupils").fill("28")
    page.locator("#id_school_postcode").fill(postcode)
    page.locator("form[action$='/backpack/new/'] button[type=submit]").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(class_name)
    progress = page.locator(".backpack-progress__figure")
    expect(progress).to_have_text(words("%(done)s of %(goal)s done", done=0, goal=5))
    expect(page.locator(".lead").first).to_contain_text(words("Year %(number)s", number=3))
    axe_check(page)

    # The plan lists the experiences in the order they were saved until dates are set; two
    # activities may share a title, so each is found by its element id from here on.
    items = [item.get_attribute("id") for item in page.locator(".plan__item").all()]
    assert len(items) == 5
    this_year = date.today().year
    plan(page, items[0], term="autumn", date=f"{this_year + 1}-02-09", status="booked")
    plan(page, items[1], term="spring", date=f"{this_year + 1}-03-16")
    plan(page, items[2], term="spring")
    plan(page, items[3], term="summer", date=f"{this_year + 1}-06-22")
    plan(page, items[4], term="summer")
    booked = words.plural("%(counter)s booked", "%(counter)s booked", 1)
    expect(progress).to_have_text(
        words("%(done)s of %(goal)s done", done=0, goal=5) + ", " + booked
    )
    summary = page.locator(".backpack-summary")
    expect(summary).to_contain_text(
        words.plural("Cost for %(counter)s pupil", "Cost for %(counter)s pupils", 28)
    )
    expect(summary).to_contain_text("£")
    expect(summary).to_contain_text(art_forms[0])
    expect(summary).to_contain_text(
        words("Not in the plan yet this year: %(names)s.", names="").rstrip(". ")
    )
    expect(page.locator(f"#{items[2]}")).to_contain_text(words("Spring term"))
    axe_check(page)
    screenshots(page, f"backpack-{language}-{width}")

    # The print view: the plan on one A4 page.
    page.locator("main a[href$='/print/']").first.click()
    expect(page.locator("table.sheet__plan tbody tr")).to_have_count(5)
    axe_check(page)
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
    page.emulate_media(media="screen")
    page.go_back()

    # The calendar: valid iCalendar with the three planned dates.
    with page.expect_download() as download_info:
        page.locator("main a[href$='calendar.ics']").first.click()
    calendar = icalendar.Calendar.from_ical(Path(download_info.value.path()).read_bytes())
    dates = sorted(event.decoded("DTSTART") for event in calendar.walk("VEVENT"))
    assert dates == [
        date(this_year + 1, 2, 9),
        date(this_year + 1, 3, 16),
        date(this_year + 1, 6, 22),
    ]

    # The booking request form and the questions after a visit pass axe too.
    page.locator(".plan__actions a.button").first.click()
    expect(page.locator("main form button[type=submit]")).to_be_visible()
    axe_check(page)
    page.go_back()
    plan(page, items[0], status="done")
    expect(page.get_by_role("heading", level=1)).to_have_text(words("After the visit"))
    axe_check(page)
    page.locator("input[name=took_part_fully][value=yes]").check()
    page.locator("main form button[type=submit]").click()
    expect(progress).to_have_text(words("%(done)s of %(goal)s done", done=1, goal=5))

    # A colleague opens the read-only link in their own browser: the plan, and no way to
    # change it.
    shared_url = page.locator("#view-link").input_value()
    colleague = browser.new_context(locale="en-GB")
    other = colleague.new_page()
    other.set_viewport_size({"width": width, "height": 900})
    other.goto(shared_url)
    expect(other.get_by_role("heading", level=1)).to_have_text(class_name)
    for title in titles:
        expect(other.locator("main")).to_contain_text(title)
    assert other.locator("main form").count() == 0
    assert other.locator("main select, main input, main textarea").count() == 0
    axe_check(other)
    screenshots(other, f"backpack-shared-{language}-{width}")
    colleague.close()

    # A school link gathers the class, and shows its progress.
    page.locator("form[action$='/school/'] input[name=name]").fill(
        "Ysgol Test" if language == "cy" else "Test Primary"
    )
    page.locator("form[action$='/school/'] button[type=submit]").click()
    expect(page.locator("main table")).to_contain_text(class_name)
    axe_check(page)
    assert page.request_log.foreign() == []


def test_without_javascript_a_teacher_saves_plans_and_requests(browser, demo):
    context = browser.new_context(base_url=demo.url, locale="en-GB", java_script_enabled=False)
    context.set_default_timeout(20_000)
    page = context.new_page()
    cards = search(page, Words("en"), "Dance")
    title = cards.first.locator(".activity-card__title").inner_text()
    cards.first.locator(".save-control button").click()
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
    # No axe here: axe is a script, and this browser runs none (the journey with JavaScript
    # checks the same pages).
    page.get_by_role("button", name="Send the request").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Year 5 Ash")
    expect(page.locator(".plan__item")).to_contain_text("Requested")
    context.close()
