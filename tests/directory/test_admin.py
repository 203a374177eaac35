"""What an editor meets in the admin around the directory: searching the taxonomy lists, and
previewing the directory page itself."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from directory.models import AccessFeature, ArtForm, DeliveryLanguage, Format
from places.models import Place
from stories.models import Author, Theme

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_client(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


def _listing(model):
    return reverse(f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:list")


@pytest.mark.parametrize("model", [ArtForm, Format, AccessFeature, DeliveryLanguage, Theme])
def test_editor_searches_a_taxonomy_list_by_name(superuser_client, directory_page, model):
    wanted = model.objects.filter(locale__language_code="en").order_by("pk").first()
    other = model.objects.filter(locale__language_code="en").exclude(name=wanted.name).first()
    response = superuser_client.get(_listing(model), {"q": wanted.name[:5]})
    assert response.status_code == 200
    listed = [row.pk for row in response.context["object_list"]]
    assert wanted.pk in listed
    assert other is None or other.pk not in listed or wanted.name[:5] in other.name


def test_editor_finds_a_place_by_name_or_code(superuser_client, directory_page):
    by_name = superuser_client.get(_listing(Place), {"q": "Leicester"})
    by_code = superuser_client.get(_listing(Place), {"q": "GB-LCE"})
    assert by_name.status_code == by_code.status_code == 200
    assert "Leicester" in {place.name for place in by_name.context["object_list"]}
    assert [place.code for place in by_code.context["object_list"]] == ["GB-LCE"]


def test_editor_searches_authors(superuser_client, directory_page):
    english = Place.objects.filter(locale__language_code="en").first().locale
    Author.objects.create(name="Priya Shah", role="Teacher", locale=english)
    Author.objects.create(name="Tom Evans", role="Artist", locale=english)
    response = superuser_client.get(_listing(Author), {"q": "priya"})
    assert response.status_code == 200
    assert [author.name for author in response.context["object_list"]] == ["Priya Shah"]


def test_directory_page_preview_shows_the_search(superuser_client, directory_page):
    edit = reverse("wagtailadmin_pages:edit", args=[directory_page.pk])
    preview = reverse("wagtailadmin_pages:preview_on_edit", args=[directory_page.pk])
    form = superuser_client.get(edit).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update({"title": "Find activities (draft title)", "slug": directory_page.slug})
    posted = superuser_client.post(preview, data)
    assert posted.json()["is_valid"], posted.json()
    shown = superuser_client.get(preview)
    assert shown.status_code == 200
    html = shown.content.decode()
    assert "Find activities (draft title)" in html
    assert 'name="q"' in html  # the directory's search form, not an empty template
