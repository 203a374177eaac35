"""Choosing a story's places and themes in the editor: Wagtail's own chooser, several at a
time, searchable and opening in the story's language (issue 14, "editors")."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from places.models import Place
from stories.models import StoryPage, Theme

pytestmark = pytest.mark.django_db


def chooser_results(client, model, **params):
    url = reverse(
        f"wagtailsnippetchoosers_{model._meta.app_label}_{model._meta.model_name}:choose_results"
    )
    response = client.get(url, params)
    assert response.status_code == 200
    return [
        link.get_text(strip=True)
        for link in BeautifulSoup(response.content, "html.parser").select("td.title a, a")
        if link.get_text(strip=True)
    ]


def test_the_story_editor_offers_several_places_at_once(admin_client, story_site):
    _home, index = story_site
    html = admin_client.get(f"/admin/pages/add/stories/storypage/{index.pk}/").content.decode()
    # Wagtail's MultipleChooserPanel: "Add places" opens the chooser with multiple selection.
    soup = BeautifulSoup(html, "html.parser")
    for relation in ("story_places", "story_themes", "story_authors"):
        button = soup.find(id=f"id_{relation}-OPEN_MODAL")
        assert button is not None, relation
    # The chooser each button opens is the snippet chooser (searchable, with a language filter).
    definition = soup.find(id="id_story_places-CHOOSER_WIDGET").string
    assert reverse("wagtailsnippetchoosers_places_place:choose") in definition


def test_the_place_chooser_finds_leicester_from_leic(admin_client, story_site):
    found = chooser_results(admin_client, Place, q="Leic", locale="en")
    assert "Leicester" in found and "Leicestershire" in found
    assert "Cardiff" not in found


def test_the_place_chooser_in_welsh_finds_welsh_names(admin_client, story_site):
    found = chooser_results(admin_client, Place, q="Caer", locale="cy")
    assert "Caerdydd" in found
    assert "Cardiff" not in found


def test_a_story_saves_the_places_and_themes_chosen(admin_client, story_site):
    _home, index = story_site
    leicester = Place.objects.get(locale=index.locale, code="GB-LCE")
    derby = Place.objects.get(locale=index.locale, code="GB-DER")
    theme = Theme.objects.filter(locale=index.locale).first()
    data = nested_form_data(
        {
            "title": "Drums in Leicester",
            "slug": "drums-in-leicester",
            "kind": "news",
            "date": "2024-01-01",
            "summary": "Drums.",
            "story_authors": inline_formset([]),
            "story_themes": inline_formset([{"theme": theme.pk}]),
            "story_places": inline_formset([{"place": leicester.pk}, {"place": derby.pk}]),
            "story_providers": inline_formset([]),
            "story_activities": inline_formset([]),
            "body": streamfield([("text", rich_text("<p>Drums.</p>"))]),
        }
    )
    response = admin_client.post(f"/admin/pages/add/stories/storypage/{index.pk}/", data)
    assert response.status_code == 302
    story = StoryPage.objects.get(slug="drums-in-leicester")
    assert sorted(story.story_places.values_list("place__code", flat=True)) == [
        "GB-DER",
        "GB-LCE",
    ]
    assert list(story.story_themes.values_list("theme", flat=True)) == [theme.pk]
