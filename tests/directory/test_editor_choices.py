"""What an editor is offered when choosing an activity's or provider's terms and places, and
what happens when a new page's address is already taken (issue 14, "editors")."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Locale
from wagtail.test.utils.form_data import rich_text
from wagtail_localize.models import Translation

from core.translation_import import translate
from directory.factories import ActivityPageFactory, ProviderPageFactory
from directory.models import AccessFeature, ArtForm, DeliveryLanguage, Format
from directory.term_translations import load_term_translations
from places.models import Place
from tests.directory.test_permissions import form_as_sent

pytestmark = pytest.mark.django_db

TERM_FIELDS = {
    "art_forms": ArtForm,
    "formats": Format,
    "access_features": AccessFeature,
    "delivery_languages": DeliveryLanguage,
}


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def providers(directory_page):
    """An English provider with one activity, and its Welsh translation; the terms in every
    language, as ``bootstrap`` makes them."""
    load_term_translations()
    provider = ProviderPageFactory(parent=directory_page, slug="spark", title="Spark Arts")
    activity = ActivityPageFactory(
        parent=provider,
        title="Samba",
        slug="samba",
        art_forms=["music"],
        formats=["comes-to-school"],
        delivery_languages=["english"],
        places=["GB-CRF", "GB-LCE"],
    )
    translate(provider, "cy", lambda text: None)
    translate(activity, "cy", lambda text: None)
    cy = Locale.objects.get(language_code="cy")
    return {
        "en": provider,
        "cy": provider.get_translation(cy).specific,
        "activity": activity,
        "activity_cy": activity.get_translation(cy).specific,
    }


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=["directory", "activitypage", parent.pk])


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def offered(response, name):
    """The labels of the checkboxes the editor sees for a field, as rendered."""
    soup = BeautifulSoup(response.content, "html.parser")
    return [
        box.find_parent("label").get_text(" ", strip=True)
        for box in soup.find_all("input", attrs={"type": "checkbox", "name": name})
    ]


def checked(response, name):
    soup = BeautifulSoup(response.content, "html.parser")
    return {
        box["value"]
        for box in soup.find_all("input", attrs={"type": "checkbox", "name": name})
        if box.has_attr("checked")
    }


def test_a_welsh_page_offers_each_term_once_in_welsh(editor, providers):
    response = editor.get(add_url(providers["cy"]))
    assert response.status_code == 200
    for name, model in TERM_FIELDS.items():
        labels = offered(response, name)
        welsh = list(
            model.objects.filter(locale__language_code="cy").values_list("name", flat=True)
        )
        assert welsh, name
        assert sorted(labels) == sorted(welsh), name
    art_forms = offered(response, "art_forms")
    assert "Cerddoriaeth" in art_forms
    assert not {"Music", "Ceòl", "Ceol"} & set(art_forms)


def test_an_english_page_offers_english_terms_only(editor, providers):
    response = editor.get(add_url(providers["en"]))
    for name, model in TERM_FIELDS.items():
        english = model.objects.filter(locale__language_code="en").values_list("name", flat=True)
        assert sorted(offered(response, name)) == sorted(english), name


def test_places_are_offered_once_welsh_names_first(editor, providers):
    response = editor.get(add_url(providers["cy"]))
    labels = offered(response, "places")
    names = [label.split(" (")[0] for label in labels]
    assert len(names) == Place.objects.filter(locale__language_code="en").count()
    assert "Caerdydd" in names and "Cardiff" not in names
    # A place with no Welsh name is still there, under its English one, with what it is in.
    assert any(label.startswith("Leicester (") and "East Midlands" in label for label in labels)
    assert "Leicestershire" in names


def test_the_place_list_has_a_filter_box_and_its_script(editor, providers):
    response = editor.get(add_url(providers["en"]))
    html = response.content.decode()
    soup = BeautifulSoup(html, "html.parser")
    checklist = soup.find("input", attrs={"name": "places"}).find_parent(
        attrs={"data-checklist": True}
    )
    assert checklist["data-checklist-filter-label"] == "Find a place"
    assert "js/admin/checklist.js" in html
    assert "css/admin/checklist.css" in html


def test_a_welsh_translation_shows_its_copied_english_terms_in_welsh(editor, providers):
    activity = providers["activity_cy"]
    # wagtail-localize copied the English choices to the translation.
    assert {term.locale.language_code for term in activity.art_forms.all()} == {"en"}
    # Edited in Wagtail's own editor once it no longer follows the English page.
    Translation.objects.filter(
        source__object_id=activity.translation_key, target_locale=activity.locale
    ).update(enabled=False)
    response = editor.get(edit_url(activity))
    assert response.status_code == 200
    music_cy = ArtForm.objects.get(locale__language_code="cy", slug="music")
    cardiff_cy = Place.objects.get(locale__language_code="cy", code="GB-CRF")
    leicester = Place.objects.get(locale__language_code="en", code="GB-LCE")
    assert checked(response, "art_forms") == {str(music_cy.pk)}
    assert checked(response, "places") == {str(cardiff_cy.pk), str(leicester.pk)}


def welsh_activity_data(response, **extra):
    data = form_as_sent(response.content.decode())
    data.update(
        {
            "title": "Gweithdy drymio",
            "slug": "gweithdy-drymio",
            "summary": "Drymio i blant.",
            "description": rich_text("<p>Drymio.</p>"),
            "age_min": "5",
            "age_max": "11",
            "is_free": "on",
            **{
                name: [
                    str(term.pk)
                    for term in model.objects.filter(locale__language_code="cy", slug=slug)
                ]
                for name, model, slug in (
                    ("art_forms", ArtForm, "music"),
                    ("formats", Format, "comes-to-school"),
                    ("delivery_languages", DeliveryLanguage, "welsh"),
                )
            },
            "places": [
                str(Place.objects.get(locale__language_code="cy", code="GB-CRF").pk),
                str(Place.objects.get(locale__language_code="en", code="GB-LCE").pk),
            ],
        }
    )
    data.update(extra)
    return data


def test_a_welsh_activity_saves_the_chosen_terms_and_places(editor, providers):
    url = add_url(providers["cy"])
    response = editor.post(url, welsh_activity_data(editor.get(url)))
    assert response.status_code == 302, response.context["form"].errors
    added = providers["cy"].get_children().get(slug="gweithdy-drymio").specific
    assert [(t.slug, t.locale.language_code) for t in added.art_forms.all()] == [("music", "cy")]
    assert sorted(added.places.values_list("code", flat=True)) == ["GB-CRF", "GB-LCE"]
    assert [t.name for t in added.delivery_languages.all()] == [
        DeliveryLanguage.objects.get(locale__language_code="cy", slug="welsh").name
    ]


def test_a_term_from_another_language_is_refused_not_a_crash(editor, providers):
    url = add_url(providers["cy"])
    gaelic = ArtForm.objects.get(locale__language_code="gd", slug="music")
    response = editor.post(
        url, welsh_activity_data(editor.get(url), art_forms=[str(gaelic.pk)], places=["x"])
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "art_forms" in errors and "places" in errors
    assert not providers["cy"].get_children().filter(slug="gweithdy-drymio").exists()


# --- A new page whose address is already taken (an abandoned draft with the same title) ---


def english_activity_data(response, title="Drumming day", slug="drumming-day"):
    data = form_as_sent(response.content.decode())
    data.update(
        {
            "title": title,
            "slug": slug,
            "summary": "Drums for everyone.",
            "description": rich_text("<p>Drums.</p>"),
            "age_min": "5",
            "age_max": "11",
            "is_free": "on",
            "art_forms": [str(ArtForm.objects.get(locale__language_code="en", slug="music").pk)],
            "formats": [
                str(Format.objects.get(locale__language_code="en", slug="comes-to-school").pk)
            ],
            "delivery_languages": [
                str(DeliveryLanguage.objects.get(locale__language_code="en", slug="english").pk)
            ],
            "places": [str(Place.objects.get(locale__language_code="en", code="GB-LCE").pk)],
        }
    )
    return data


def test_a_second_page_with_an_abandoned_drafts_title_is_explained_then_saved(editor, providers):
    provider = providers["en"]
    url = add_url(provider)
    first = editor.post(url, english_activity_data(editor.get(url)))
    assert first.status_code == 302
    draft = provider.get_children().get(slug="drumming-day")
    assert not draft.live

    # The editor forgets the draft and starts again with the same title.
    again = editor.post(url, english_activity_data(editor.get(url)))
    assert again.status_code == 200
    form = again.context["form"]
    title_error = str(form.errors["title"][0])
    assert "drumming-day" in title_error
    assert "a draft, never published" in title_error
    soup = BeautifulSoup(again.content, "html.parser")
    link = soup.find("a", href=edit_url(draft))
    assert link is not None and link.get_text() == "Drumming day"
    # The slug field now holds a free address, shown to the editor…
    assert soup.find("input", attrs={"name": "slug"})["value"] == "drumming-day-2"
    assert "drumming-day-2" in str(form.errors["slug"][0])

    # …so saving the form as it came back makes the page there.
    saved = editor.post(url, form_as_sent(again.content.decode()))
    assert saved.status_code == 302
    assert sorted(provider.get_children().values_list("slug", flat=True)) == [
        "drumming-day",
        "drumming-day-2",
        "samba",
    ]


def test_the_taken_address_message_escapes_the_other_pages_title(editor, providers):
    provider = providers["en"]
    ActivityPageFactory(parent=provider, title="Circus <b>day</b>", slug="circus-day", live=False)
    url = add_url(provider)
    posted = editor.post(url, english_activity_data(editor.get(url), "Circus day", "circus-day"))
    assert posted.status_code == 200
    message = str(posted.context["form"].errors["title"][0])
    assert "Circus &lt;b&gt;day&lt;/b&gt;</a>" in message  # the title is text, not markup
    assert "<b>" not in message


def test_a_welsh_provider_page_offers_welsh_place_names(editor, providers):
    directory_cy = providers["cy"].get_parent()
    url = reverse("wagtailadmin_pages:add", args=["directory", "providerpage", directory_cy.pk])
    names = [label.split(" (")[0] for label in offered(editor.get(url), "places_served")]
    assert "Caerdydd" in names and "Cardiff" not in names and "Leicester" in names


def test_the_place_list_costs_no_query_per_place(editor, providers, django_assert_max_num_queries):
    places = Place.objects.filter(locale__language_code="en").count()
    assert places > 200
    # Measured at 44 queries for the whole Welsh add form (Wagtail's editor included);
    # one more query per place would pass 250.
    with django_assert_max_num_queries(80) as captured:
        response = editor.get(add_url(providers["cy"]))
    assert response.status_code == 200
    assert len(captured.captured_queries) < places
    assert response.content.count(b'name="places"') == places
