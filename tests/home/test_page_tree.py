from wagtail.models import Page

from home.models import FormPage, HomePage, StandardPage


def test_home_page_only_at_the_root(home_page):
    root = Page.get_first_root_node()
    assert HomePage.can_create_at(root)
    assert not HomePage.can_create_at(home_page)


def test_standard_and_form_pages_live_under_home_or_standard_pages(home_page):
    root = Page.get_first_root_node()
    assert StandardPage.can_create_at(home_page)
    assert FormPage.can_create_at(home_page)
    assert not StandardPage.can_create_at(root)
    assert not FormPage.can_create_at(root)


def test_nothing_can_be_created_under_a_form_page(home_page):
    assert FormPage.allowed_subpage_models() == []
    assert StandardPage in StandardPage.allowed_subpage_models()
