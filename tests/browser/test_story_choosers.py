"""An editor adds places to a story with Wagtail's multiple chooser: search "Leic", tick
Leicester, confirm (issue 14, "editors")."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from places.models import Place
from stories.models import StoryIndexPage

pytestmark = pytest.mark.browser

PASSWORD = "a long browser-test password"  # noqa: S105


def test_an_editor_finds_leicester_in_the_story_place_chooser(page, demo):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    get_user_model().objects.create_superuser("storyteller", "story@example.org", PASSWORD)
    page.goto("/admin/login/")
    page.get_by_label("Username").fill("storyteller")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")

    index = StoryIndexPage.objects.filter(locale__language_code="en").order_by("pk").first()
    page.goto(reverse("wagtailadmin_pages:add", args=["stories", "storypage", index.pk]))
    page.wait_for_load_state("networkidle")
    page.locator("#id_story_places-OPEN_MODAL").click()
    modal = page.locator(".modal-content")
    modal.locator("input[name=q]").fill("Leic")
    row = modal.locator("tr", has_text="Leicester").filter(has_not_text="Leicestershire").first
    row.wait_for()
    assert modal.locator("tr", has_text="Cardiff").count() == 0
    row.locator("input[type=checkbox]").check()
    modal.get_by_role("button", name="Confirm selection").click()
    chosen = page.locator("#id_story_places-FORMS")
    chosen.get_by_text("Leicester").first.wait_for()

    # The chosen place is the form's value, ready to save (saving is tested through the admin
    # in tests/stories/test_editor_choosers.py).
    leicester = Place.objects.get(locale__language_code="en", code="GB-LCE")
    assert page.locator("#id_story_places-0-place").input_value() == str(leicester.pk)
    assert errors == []
