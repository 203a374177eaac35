"""The dataset page (for people, with a schema.org Dataset for machines) and the directory's
vocabularies as SKOS concept schemes."""

import json

import pytest
from bs4 import BeautifulSoup

from directory.models import ArtForm
from tests.opendata.openactive.conftest import ACTIVITIES, PROVIDERS, absolute

pytestmark = pytest.mark.django_db

DATASET = "/api/openactive/"
ART_FORMS = "/api/openactive/art-forms.jsonld"


def test_the_dataset_page_names_every_feed_in_its_json_ld(client, directory):
    response = client.get(DATASET)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    soup = BeautifulSoup(response.content, "html.parser")
    scripts = soup.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    dataset = json.loads(scripts[0].string)
    assert dataset["@context"] == ["https://schema.org/", "https://openactive.io/"]
    assert dataset["@type"] == "Dataset"
    assert "open-government-licence/version/3" in dataset["license"]
    assert dataset["publisher"]["name"]
    assert dataset["includedInDataCatalog"]["@type"] == "DataCatalog"
    downloads = {each["contentUrl"]: each for each in dataset["distribution"]}
    assert set(downloads) == {absolute(ACTIVITIES), absolute(PROVIDERS)}
    assert {each["@type"] for each in downloads.values()} == {"DataDownload"}
    # People see the same feeds, the licence and who to ask.
    links = {a["href"] for a in soup.find_all("a")}
    assert {absolute(ACTIVITIES), absolute(PROVIDERS), absolute(ART_FORMS)} <= links
    assert any("open-government-licence" in link for link in links)
    assert any(link.startswith("mailto:") for link in links)
    # No script runs on it: only the data block.
    assert not soup.find_all("script", src=lambda src: src and "//" in src)
    assert response["Access-Control-Allow-Origin"] == "*"


def test_the_dataset_page_answers_whatever_the_client_accepts(client, directory):
    response = client.get(DATASET, HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")


def test_art_forms_as_a_concept_scheme(client, db):
    response = client.get(ART_FORMS)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    assert response["Access-Control-Allow-Origin"] == "*"
    scheme = response.json()
    url = absolute(ART_FORMS)
    assert scheme["@context"] == "https://openactive.io/"
    assert scheme["type"] == "ConceptScheme"
    assert scheme["id"] == url
    assert scheme["title"]
    assert scheme["license"]
    english = ArtForm.objects.filter(locale__language_code="en").order_by("sort_order", "name")
    assert [c["id"] for c in scheme["concept"]] == [f"{url}#{term.slug}" for term in english]
    assert [c["prefLabel"] for c in scheme["concept"]] == [term.name for term in english]
    for concept in scheme["concept"]:
        assert concept["type"] == "Concept"
        assert concept["inScheme"] == url
        assert set(concept) <= {"id", "type", "prefLabel", "altLabel", "inScheme", "topConceptOf"}


def test_translated_art_form_names_are_alternative_labels(client, db):
    from core.factories import locale

    music = ArtForm.objects.get(locale__language_code="en", slug="music")
    welsh = music.copy_for_translation(locale("cy"))
    welsh.name = "Cerddoriaeth"
    welsh.save()

    scheme = client.get(ART_FORMS).json()
    concept = next(c for c in scheme["concept"] if c["id"].endswith("#music"))
    assert concept["prefLabel"] == "Music"
    assert concept["altLabel"] == ["Cerddoriaeth"]


def test_the_activities_refer_to_concepts_the_scheme_defines(client, directory):
    scheme = client.get(ART_FORMS).json()
    defined = {c["id"] for c in scheme["concept"]}
    items = client.get(ACTIVITIES).json()["items"]
    used = {c["@id"] for item in items for c in item["data"]["activity"]}
    # The feed's absolute URLs use the site's own address; the scheme answers on any host.
    assert {each.replace("http://localhost", "http://testserver") for each in used} <= defined
    assert used


def test_the_openapi_document_describes_the_feed_pages(client, db):
    document = client.get("/api/openapi.json").json()
    feed = document["paths"]["/api/openactive/feeds/activities"]["get"]
    assert {p["name"] for p in feed["parameters"]} == {"afterTimestamp", "afterId"}
    page_ref = feed["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    page = document["components"]["schemas"][page_ref.rsplit("/", 1)[1]]
    assert set(page["required"]) == {"next", "items", "license"}
    item_ref = page["properties"]["items"]["items"]["$ref"]
    item = document["components"]["schemas"][item_ref.rsplit("/", 1)[1]]
    assert set(item["required"]) == {"state", "kind", "id", "modified"}
    assert "400" in feed["responses"]
    for path in ("/api/openactive/", "/api/openactive/art-forms.jsonld"):
        assert path in document["paths"]


def test_the_dataset_page_renders_when_drf_has_set_no_user(client, directory, monkeypatch):
    """A throttle (or anything else) that asks DRF for the user leaves ``None`` on the request
    (UNAUTHENTICATED_USER); the page still renders for an anonymous visitor."""
    from opendata.openactive.views import DatasetView

    def ask_for_the_user(self, request):
        assert request.user is None

    monkeypatch.setattr(DatasetView, "perform_authentication", ask_for_the_user)
    response = client.get(DATASET)
    assert response.status_code == 200
