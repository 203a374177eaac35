"""An editor picks an activity's places and terms in the page editor: the place list is found
by typing, shows only the page's language, and the page saves (issue 14, "editors")."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from directory.models import ActivityPage, ProviderPage

pytestmark = pytest.mark.browser

PASSWORD = "a long browser-test password"  # noqa: S105


def sign_in(page):
    get_user_model().objects.create_superuser("picker", "picker@example.org", PASSWORD)
    page.goto("/admin/login/")
    page.get_by_label("Username").fill("picker")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")


def test_an_editor_types_leic_ticks_leicester_and_saves(page, demo):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    sign_in(page)
    provider = ProviderPage.objects.filter(locale__language_code="en").order_by("pk").first()
    page.goto(reverse("wagtailadmin_pages:add", args=["directory", "activitypage", provider.pk]))
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
    # Enter in the filter box filters; it never saves the half-written page.
    finder.press("Enter")
    assert "/add/" in page.url
    finder.fill("")
    assert cardiff.is_visible()
    assert leicester.locator("input").is_checked()

    page.locator("#id_title").fill("Leicester drumming day")
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
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_load_state("networkidle")

    saved = ActivityPage.objects.get(title="Leicester drumming day")
    assert [place.code for place in saved.places.all()] == ["GB-LCE"]
    assert saved.art_forms.get().slug == "music"
    assert errors == []
