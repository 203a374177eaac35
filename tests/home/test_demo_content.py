"""The demo site a newcomer sees after `make run`: complete, well-formed and stable."""

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Page, Site

from home.models import Footer, FormPage, HomePage, SiteImage

pytestmark = pytest.mark.django_db


def demo_pages():
    """Every live, public page a visitor can reach in the demo."""
    return list(Page.objects.live().public().filter(depth__gte=2).order_by("path").specific())


def test_load_demo_is_idempotent(demo_site):
    counts = (
        Page.objects.count(),
        SiteImage.objects.count(),
        Footer.objects.count(),
        Site.objects.count(),
    )
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert (
        Page.objects.count(),
        SiteImage.objects.count(),
        Footer.objects.count(),
        Site.objects.count(),
    ) == counts
    assert HomePage.objects.count() == 1
    assert demo_site.root_page.specific_class is HomePage


def test_demo_has_the_pages_the_issue_asks_for(client, demo_site):
    for path in ["/", "/about/", "/sign-up/", "/search/?q=leicester"]:
        assert client.get(path).status_code == 200, path
    form_page = FormPage.objects.get(slug="sign-up")
    role = form_page.form_fields.get(field_type="radio")
    assert role.label == "I am signing up as"
    assert role.choices.split("\n") == [
        "Teacher",
        "Artist or practitioner",
        "Cultural organisation",
        "Parent or carer",
        "Other",
    ]


def test_demo_sign_up_works_end_to_end(client, demo_site):
    form_page = FormPage.objects.get(slug="sign-up")
    data = {field.clean_name: "x" for field in form_page.get_form_fields()}
    names = {field.field_type: field.clean_name for field in form_page.get_form_fields()}
    data.update(
        {
            names["email"]: "sam@example.org",
            names["radio"]: "Parent or carer",
            names["checkbox"]: "on",
        }
    )
    response = client.post(form_page.url, data)
    assert response.status_code == 200
    assert FormSubmission.objects.filter(page=form_page).count() == 1


def internal_links(soup):
    for element in soup.find_all(["a", "link", "img", "script"]):
        url = element.get("href") or element.get("src")
        if not url or url.startswith(("#", "mailto:", "tel:")):
            continue
        parts = urlsplit(url)
        if parts.netloc and parts.hostname not in ("localhost", "testserver"):
            continue
        yield parts.path + (f"?{parts.query}" if parts.query else "")


def test_every_demo_page_is_well_formed_and_links_resolve(client, demo_site):
    checked = {}
    pages = list(demo_pages())
    assert len(pages) >= 8
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        soup = BeautifulSoup(response.content, "html.parser")
        assert soup.html.get("lang") == page.locale.language_code, page.url
        assert soup.title and soup.title.get_text(strip=True), page.url
        assert len(soup.find_all("h1")) == 1, page.url
        for image in soup.find_all("img"):
            assert image.has_attr("alt"), (page.url, image)
        for link in internal_links(soup):
            if link not in checked:
                target = client.get(link, follow=True)
                checked[link] = target.status_code
            assert checked[link] == 200, (page.url, link, checked[link])
    assert "/static/css/main.css" in checked
