"""A family's path in a real browser, on a phone and on a desktop: from a child's work to a
withdrawal request, with axe finding nothing on the way; and the footer's accessibility
statement."""

import pytest
from playwright.sync_api import expect

from showcase.models import WithdrawalRequest

pytestmark = pytest.mark.browser

WIDTHS = {"phone": (390, 844), "desktop": (1280, 800)}


@pytest.mark.parametrize("width", WIDTHS)
def test_family_asks_for_a_work_to_be_taken_down(page, demo, axe_check, width):
    page.set_viewport_size(dict(zip(("width", "height"), WIDTHS[width], strict=True)))
    page.goto("/showcase/leicester-pilot/")
    page.locator(".artwork-card h3 a", has_text="Our street at sunset").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Our street at sunset")
    work_path = page.evaluate("location.pathname")

    page.get_by_role("link", name="Ask us to take a work down").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ask us to take a work down")
    main = page.locator("main")
    expect(main).to_contain_text("by the end of the next working day")
    expect(main).to_contain_text("within two working days")
    # The work's own address is already in the form.
    expect(page.get_by_label("Which work should we take down?")).to_have_value(work_path)
    axe_check(page)

    page.get_by_role("button", name="Send the request").click()
    summary = page.locator("#form-errors")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("Choose who you are")
    expect(summary).to_contain_text("Enter your name.")
    axe_check(page)

    page.get_by_role("radio", name="Parent or carer").check()
    page.get_by_label("Your name").fill("A. Parent")
    page.get_by_label("Your email address").fill("parent@example.org")
    page.get_by_role("button", name="Send the request").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("We have your request")
    expect(page.locator("main")).to_contain_text("Within two working days")
    axe_check(page)

    request = WithdrawalRequest.objects.get()
    assert request.work_reference == work_path
    assert request.email == "parent@example.org"
    assert page.request_log.foreign() == []


def test_every_page_footer_leads_to_the_accessibility_statement(page, demo, axe_check):
    page.goto("/")
    page.locator("footer").get_by_role("link", name="Accessibility statement").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Accessibility statement")
    expect(page.get_by_role("heading", name="How we test this website")).to_be_visible()
    axe_check(page)
