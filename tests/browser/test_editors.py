"""An editor picks an activity's places and terms in the page editor: the place list is found
by typing, and the page saves; starting the same page again is explained, then saved under a
free address (issue 14, "editors")."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model
from django.urls import reverse

from directory.models import ActivityPage, ProviderPage
from tests.browser.conftest import AXE_TAGS

pytestmark = pytest.mark.browser

PASSWORD = "a long browser-test password"  # noqa: S105
TITLE = "Leicester drumming day"


def sign_in(page):
    get_user_model().objects.create_superuser("picker", "picker@example.org", PASSWORD)
    page.goto("/admin/login/")
    page.get_by_label("Username").fill("picker")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")


def fill_the_rest(page):
    """Everything an activity requires besides its places."""
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_summary").fill("Drums for a whole class.")
    page.locator("[data-contentpath=description] [contenteditable=true]").first.fill("Drums.")
    page.locator("#id_age_min").fill("5")
    page.locator("#id_age_max").fill("11")
    page.locator("#id_is_free").check()
    page.locator("input[name=art_forms]").locator("xpath=..").filter(has_text="Music").locator(
        "input"
    ).check()
    page.locator("input[name=formats]").first.check()
    page.locator("input[name=delivery_languages]").first.check()


def save_draft(page):
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_load_state("networkidle")


def test_an_editor_types_leic_ticks_leicester_and_saves(page, demo):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    sign_in(page)
    provider = ProviderPage.objects.filter(locale__language_code="en").order_by("pk").first()
    add_url = reverse("wagtailadmin_pages:add", args=["directory", "activitypage", provider.pk])
    page.goto(add_url)
    page.wait_for_load_state("networkidle")

    places = page.locator("[data-checklist]").filter(has=page.locator("input[name=places]"))
    leicester = places.locator("label", has_text="Leicester (")
    cardiff = places.locator("label", has_text="Cardiff (")
    finder = page.get_by_label("Find a place")
    finder.fill("Leic")
    assert leicester.is_visible()
    assert places.locator("label", has_text="Leicestershire (").is_visible()
    assert not cardiff.is_visible()
    assert "Showing 2 of" in places.locator(".checklist__count").inner_text()
    leicester.locator("input").check()
    assert "Leicester" in places.locator(".checklist__chosen").inner_text()
    # The filter box, its count and the summary meet WCAG 2.2 AA (the list's own part of the
    # editor; the rest of the editor is Wagtail's).
    result = Axe().run(
        page,
        context=".checklist",
        options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]},
    )
    assert result.violations_count == 0, result.generate_report()
    # Enter in the filter box filters; it never saves the half-written page.
    finder.press("Enter")
    assert "/add/" in page.url
    finder.fill("")
    assert cardiff.is_visible()
    assert leicester.locator("input").is_checked()

    fill_the_rest(page)
    save_draft(page)
    first = ActivityPage.objects.get(title=TITLE)
    assert [place.code for place in first.places.all()] == ["GB-LCE"]
    assert first.art_forms.get().slug == "music"

    # The draft is forgotten and the same page started again: the title says why it cannot be
    # saved as it is, links to the draft, and saving again makes it at a free address.
    page.goto(add_url)
    page.wait_for_load_state("networkidle")
    page.get_by_label("Find a place").fill("Leic")
    places.locator("label", has_text="Leicester (").locator("input").check()
    fill_the_rest(page)
    save_draft(page)
    title_error = page.locator("#panel-child-content-title-section")
    assert "a draft, never published" in title_error.inner_text()
    assert title_error.locator(f"a[href='/admin/pages/{first.pk}/edit/']").is_visible()
    save_draft(page)
    assert ActivityPage.objects.get(slug=f"{first.slug}-2").title == TITLE
    assert errors == []
