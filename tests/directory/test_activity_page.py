"""The activity page as a teacher deciding whether to book reads it: the way to book comes
first, the practical details show only when the provider gave them, the provider's
safeguarding summary is beside the offer, and search engines get the summary."""

import pytest
from bs4 import BeautifulSoup
from wagtail_localize.fields import TranslatableField

from directory.factories import ActivityPageFactory, ProviderPageFactory
from directory.models import ActivityPage, ProviderPage

pytestmark = pytest.mark.django_db

PLANNING = {
    "whats_included": ("What is included", "Drums for every pupil and a teachers' pack."),
    "school_provides": ("What the school provides", "A hall and two adults per class."),
    "travel": ("Travel and transport", "We travel up to 30 miles from Leicester."),
}
CANCELLATION = ("Cancellation terms", "Free cancellation up to 14 days before.")


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def h2_texts(html):
    return [h2.get_text(strip=True) for h2 in html.select("main h2, article h2")]


def provider_with(directory_page, slug, **values):
    provider = ProviderPageFactory(parent=directory_page, slug=slug)
    for name, value in values.items():
        setattr(provider, name, value)
    provider.save_revision().publish()
    return ProviderPage.objects.get(pk=provider.pk)


def position(html, element):
    return list(html.descendants).index(element)


def test_the_booking_action_comes_before_the_description(client, directory_page):
    provider = ProviderPageFactory(parent=directory_page, slug="drumming")
    activity = ActivityPageFactory(
        parent=provider,
        title="Samba drumming",
        slug="samba-drumming",
        booking_url="https://drums.example/book",
        description="<p>" + "A long description. " * 200 + "</p>",
    )
    html = soup(client.get(activity.url))
    action = html.select_one(".activity__book a.button")
    assert action["href"] == "https://drums.example/book"
    assert action.get_text(strip=True) == "Book “Samba drumming”"
    description = html.find(id="about-heading")
    assert position(html, action) < position(html, description)
    # The full booking box is still there, and the top of the page links to it.
    details = html.select_one(".activity__book a[href='#book-heading']")
    assert details is not None
    assert html.find(id="book-heading").find_parent("section").find("a", href=action["href"])


def test_without_a_booking_link_the_action_is_an_enquiry_to_the_provider(client, directory_page):
    provider = provider_with(directory_page, "enquire", contact_email="hello@enquire.example")
    activity = ActivityPageFactory(parent=provider, title="Clay and stories", slug="clay-stories")
    action = soup(client.get(activity.url)).select_one(".activity__book a.button")
    assert action["href"] == "mailto:hello@enquire.example?subject=Clay%20and%20stories"
    assert action.get_text(strip=True) == "Ask the provider"

    activity = ActivityPageFactory(
        parent=provider, title="Print club", slug="print-club", booking_email="book@enquire.example"
    )
    action = soup(client.get(activity.url)).select_one(".activity__book a.button")
    assert action["href"].startswith("mailto:book@enquire.example?")
    assert action.get_text(strip=True) == "Email to book"


def test_planning_sections_show_only_when_filled(client, directory_page):
    provider = ProviderPageFactory(parent=directory_page, slug="planning")
    bare = ActivityPageFactory(parent=provider, title="Bare", slug="bare")
    headings = h2_texts(soup(client.get(bare.url)))
    for heading, _text in [*PLANNING.values(), CANCELLATION]:
        assert heading not in headings

    full = ActivityPageFactory(
        parent=provider,
        title="Full",
        slug="full",
        cancellation_terms=CANCELLATION[1],
        **{name: text for name, (_heading, text) in PLANNING.items()},
    )
    html = soup(client.get(full.url))
    headings = h2_texts(html)
    for heading, text in [*PLANNING.values(), CANCELLATION]:
        assert heading in headings
        section = html.find("h2", string=heading).find_parent("section")
        assert section["aria-labelledby"] == html.find("h2", string=heading)["id"]
        assert text in section.get_text(" ", strip=True)

    # One filled in, the others left out (blank space counts as empty).
    some = ActivityPageFactory(
        parent=provider,
        title="Some",
        slug="some",
        travel="Coach parking at the back.",
        whats_included=" ",
    )
    headings = h2_texts(soup(client.get(some.url)))
    assert "Travel and transport" in headings
    assert "What is included" not in headings
    assert "Cancellation terms" not in headings


def test_the_providers_safeguarding_summary_shows_with_the_offer(client, directory_page):
    provider = provider_with(
        directory_page,
        "safe",
        dbs_checked=True,
        risk_assessment_available=True,
        trauma_informed=False,
        safeguarding_note="Our safeguarding lead is Sam Patel.",
        safeguarding_policy_url="https://safe.example/policy",
    )
    activity = ActivityPageFactory(parent=provider, title="Safe hands", slug="safe-hands")
    html = soup(client.get(activity.url))
    section = html.find(id="safeguarding-heading").find_parent("section")
    answers = {
        dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(strip=True)
        for dt in section.find_all("dt")
    }
    assert answers == {
        "Background checks for staff (DBS, PVG or AccessNI)": "Yes",
        "Risk assessment available to schools": "Yes",
        "Trauma-informed practice": "No",
    }
    text = section.get_text(" ", strip=True)
    assert "Our safeguarding lead is Sam Patel." in text
    assert section.find("a", href="https://safe.example/policy")
    # The provider's own page shows the same summary.
    provider_section = soup(client.get(provider.url)).find(id="safeguarding-heading")
    assert "Our safeguarding lead is Sam Patel." in provider_section.find_parent(
        "section"
    ).get_text(" ", strip=True)


def test_a_provider_with_no_safeguarding_details_is_flagged(client, directory_page):
    activity = ActivityPageFactory(
        parent=ProviderPageFactory(parent=directory_page, slug="unsure"),
        title="Unsure",
        slug="unsure-activity",
    )
    section = soup(client.get(activity.url)).find(id="safeguarding-heading").find_parent("section")
    assert section.find("dl") is None
    assert "has not given safeguarding details yet" in section.get_text(" ", strip=True)


def test_the_meta_description_is_the_summary(client, directory_page):
    provider = ProviderPageFactory(parent=directory_page, slug="described")
    activity = ActivityPageFactory(
        parent=provider,
        title="Described",
        slug="described",
        summary="Puppets for Year 2, in school.",
    )
    html = soup(client.get(activity.url))
    assert html.find("meta", attrs={"name": "description"})["content"] == (
        "Puppets for Year 2, in school."
    )
    assert html.find("meta", property="og:description")["content"] == (
        "Puppets for Year 2, in school."
    )
    # An editor's own search description still wins.
    activity.search_description = "Shadow puppets, made and performed by the class."
    activity.save_revision().publish()
    html = soup(client.get(activity.url))
    assert html.find("meta", attrs={"name": "description"})["content"] == (
        "Shadow puppets, made and performed by the class."
    )


def test_new_fields_are_in_the_editor_and_sent_for_translation():
    activity_form = ActivityPage.get_edit_handler().get_form_class()
    assert {"whats_included", "school_provides", "travel", "cancellation_terms"} <= set(
        activity_form.base_fields
    )
    provider_form = ProviderPage.get_edit_handler().get_form_class()
    assert {"risk_assessment_available", "safeguarding_note"} <= set(provider_form.base_fields)
    translated = {
        field.field_name
        for model in (ActivityPage, ProviderPage)
        for field in model.translatable_fields
        if isinstance(field, TranslatableField)
    }
    assert {
        "whats_included",
        "school_provides",
        "travel",
        "cancellation_terms",
        "safeguarding_note",
    } <= translated
