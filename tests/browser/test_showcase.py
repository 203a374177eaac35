"""A family looks at children's work in a real browser; every showcase page passes axe."""

import pytest
from playwright.sync_api import expect

from showcase.models import Artwork

pytestmark = pytest.mark.browser

# True once a picture has arrived and decoded (a refused or broken one has no width).
LOADED = "img => img.complete && img.naturalWidth > 0"


def test_family_follows_the_showcase_from_home_to_a_work(page, demo, axe_check):
    page.goto("/")
    page.locator("header").get_by_role("link", name="Children's work").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Children's work")
    axe_check(page)

    page.get_by_role("link", name="The Leicester pilot").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("The Leicester pilot")
    works = page.locator(".artwork-card h3 a")
    expect(works).to_have_count(3)
    titles = set(works.all_inner_texts())
    assert titles == {"Our street at sunset", "The dancing forest", "Drum song"}
    # Every thumbnail really loaded through the consent-checked view.
    for image in page.locator(".artwork-card img").all():
        image.scroll_into_view_if_needed()  # thumbnails load lazily
        page.wait_for_function(LOADED, arg=image.element_handle())
        assert image.get_attribute("src").startswith("/showcase-media/")
        assert len(image.get_attribute("alt")) >= 10
    axe_check(page)

    works.filter(has_text="Our street at sunset").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Our street at sunset")
    main = page.locator("main")
    expect(main).to_contain_text("By Amira")
    expect(main).to_contain_text("I painted the sky orange")
    picture = main.locator(".artwork__figure img")
    page.wait_for_function(LOADED, arg=picture.element_handle())
    inspired = main.locator(".artwork__activity a")
    expect(inspired).to_have_count(1)
    axe_check(page)
    # No picture of a child's work came from the public media folder.
    showcase_requests = page.request_log.requested_from("/showcase/")
    assert any("/showcase-media/" in url for url in showcase_requests)
    assert not any("/media/" in url for url in showcase_requests)

    inspired.click()
    # The activity's facts come first (the provider's safeguarding summary follows them).
    expect(page.locator(".facts").first).to_be_visible()
    assert page.request_log.foreign() == []


def test_hidden_works_show_a_plain_not_found(page, demo, axe_check):
    hidden = Artwork.objects.get(title="Rainbow kite (consent withdrawn)")
    response = page.goto(f"/showcase/leicester-pilot/work/{hidden.pk}/")
    assert response.status == 404
    assert "Rainbow kite" not in page.content()
    axe_check(page)
