"""No Content-Security-Policy violation in the browser on any public page type, the admin
sign-in page, the admin's page editor or a page preview (issue 13).

Chromium reports each violation on the console and as a ``securitypolicyviolation`` event; both
are collected, from every frame (the editor's preview panel is one).
"""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Site

from tests.hardening.conftest import public_paths

pytestmark = pytest.mark.browser

PASSWORD = "a long browser-test password"  # noqa: S105

REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI} ` +
                `at ${event.sourceFile}:${event.lineNumber}`);
});
"""


@pytest.fixture
def violations(page):
    found = []
    page.add_init_script(REPORT_VIOLATIONS)

    def record(message):
        text = message.text
        if "Content Security Policy" in text or "CSP violation" in text:
            found.append(f"{page.url}: {text}")

    page.on("console", record)
    return found


def test_no_violation_on_public_pages(page, demo, violations):
    site = Site.objects.get(is_default_site=True)
    for path in public_paths(site).values():
        response = page.goto(path)
        assert response.status == 200, path
        page.wait_for_load_state("load")
    assert violations == []


def test_no_violation_in_the_admin_editor_and_preview(page, demo, violations):
    get_user_model().objects.create_superuser("csp-editor", "csp@example.org", PASSWORD)
    page.goto("/admin/login/")
    page.wait_for_load_state("load")
    page.get_by_label("Username").fill("csp-editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")
    page.wait_for_load_state("load")

    site = Site.objects.get(is_default_site=True)
    home = site.root_page
    page.goto(f"/admin/pages/{home.pk}/edit/")
    page.wait_for_load_state("networkidle")
    # Open the preview panel: the page is rendered in a frame inside the editor.
    page.locator('[data-side-panel-toggle="preview"]').first.click()
    frame = page.frame_locator("iframe[id='w-preview-iframe'], .preview-panel iframe").first
    frame.locator("main").wait_for(timeout=15000)
    page.wait_for_timeout(500)

    # The preview on its own, and the page's listing in the explorer.
    page.goto(f"/admin/pages/{home.pk}/edit/preview/?mode=")
    page.wait_for_load_state("load")
    page.goto(f"/admin/pages/{home.pk}/")
    page.wait_for_load_state("networkidle")
    # Public pages as a signed-in editor sees them, with Wagtail's user bar (and its
    # accessibility checker) on them: still the strict policy.
    for path in ("/", public_paths(site)["ActivityPage"]):
        page.goto(path)
        page.wait_for_load_state("networkidle")
        page.locator("wagtail-userbar").wait_for(state="attached")
    assert violations == []
