"""The Unmet demand report in a real browser, over the demo's generated searches: both tables
have rows and pass axe (issue 16)."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

pytestmark = pytest.mark.browser

PASSWORD = "a long browser-test password"  # noqa: S105


def sign_in(page):
    get_user_model().objects.create_superuser("insight", "insight@example.org", PASSWORD)
    page.goto("/admin/login/")
    page.get_by_label("Username").fill("insight")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")


def test_unmet_demand_report_shows_the_demo_searches_and_passes_axe(page, demo, axe_check):
    sign_in(page)
    page.goto(reverse("insights_unmet_demand"))
    assert page.get_by_role("heading", name="Unmet demand").first.is_visible()
    assert page.locator("#listing-results table tbody tr").count() > 0
    axe_check(page)
    page.get_by_role("link", name="By keywords").click()
    page.wait_for_url("**by=keywords")
    assert page.locator("#listing-results table tbody tr").count() > 0
    axe_check(page)
