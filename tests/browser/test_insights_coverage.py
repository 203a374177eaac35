"""Reports › Coverage and Experiences per pupil in a real browser: axe finds no WCAG 2.2 AA
violation in what the reports add (filters, map, tables, digest), and the map draws a dot per
authority shown."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model

from tests.browser.conftest import AXE_TAGS

pytestmark = pytest.mark.browser

PASSWORD = "a long browser-test password"  # noqa: S105


def sign_in(page):
    get_user_model().objects.create_superuser("insight", "insight@example.org", PASSWORD)
    page.goto("/admin/login/")
    page.get_by_label("Username").fill("insight")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")


def no_violations(page, context):
    result = Axe().run(
        page,
        context=context,
        options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]},
    )
    assert result.violations_count == 0, f"{page.url}\n{result.generate_report()}"


def test_the_reports_pass_axe(page, demo):
    sign_in(page)
    page.goto("/admin/reports/coverage/?region=E12000004&period=all")
    page.wait_for_load_state("load")
    assert page.locator("svg[role=img] circle").count() == 10  # the East Midlands' authorities
    no_violations(page, "main")
    page.goto("/admin/reports/coverage/?stage=nonsense")
    assert page.get_by_role("alert").filter(has_text="were not understood").is_visible()
    no_violations(page, "main")
    page.goto("/admin/reports/experiences/")
    page.wait_for_load_state("load")
    no_violations(page, "main")
