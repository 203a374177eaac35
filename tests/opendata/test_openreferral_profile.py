"""Every Open Referral endpoint's responses validated against the UK profile's JSON schemas.

tests/opendata/schemas/ holds the validation keywords of the profile's own schemas
(OpenReferralUK/uk-profile, schema/compiled/*.json, schema/taxonomy*.json and the Page and
meta shapes of schema/openapi.json; each file names its source and commit), so these tests
check against the published profile, not against what the code says about itself.
"""

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from wagtail.models import Locale

from directory.models import ActivityPage, ArtForm
from tests.opendata.conftest import get, walk

SCHEMAS = Path(__file__).parent / "schemas"


def validator(name):
    schema = json.loads((SCHEMAS / f"{name}.json").read_text())
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


def assert_valid(name, instance):
    errors = sorted(validator(name).iter_errors(instance), key=lambda error: error.path)
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])


def assert_page(body, item_schema):
    assert_valid("page", body)
    assert body["size"] == len(body["contents"])
    for item in body["contents"]:
        assert_valid(item_schema, item)


def test_the_schemas_reject_what_the_profile_forbids():
    """The copies are strict enough to fail: a service without a name, a bad status, a
    non-UUID id are each refused."""
    good = {"id": "39e11006-5db3-405f-a4e1-922fabf2302d", "name": "A", "status": "active"}
    assert not list(validator("service").iter_errors(good))
    for broken in (
        {k: v for k, v in good.items() if k != "name"},
        {**good, "status": "open"},
        {**good, "minimum_age": "five"},
    ):
        assert list(validator("service").iter_errors(broken))
    assert list(validator("page").iter_errors({"total_items": 1}))


def test_meta(client, world):
    response = get(client, "")
    assert response.status_code == 200
    body = response.json()
    assert_valid("meta", body)
    assert body["version"] == "3.0"
    assert body["openapi_url"].endswith("/api/openapi.json")


@pytest.mark.parametrize("language", ["en", "cy"])
def test_services_and_service_at_locations(client, world, language):
    body = get(client, "services", per_page=100, lang=language).json()
    assert body["total_items"] == len(world) == len(body["contents"])
    assert_page(body, "service")
    with_venue = [s for s in body["contents"] if s.get("service_at_locations")]
    assert with_venue, "the world has activities at venues"
    located = get(client, "service_at_locations", per_page=100, lang=language).json()
    assert_page(located, "service_at_location")
    assert {item["service_id"] for item in located["contents"]} == {s["id"] for s in with_venue}
    near = get(client, "service_at_locations", postcode="LE1 6AD", proximity=30000).json()
    assert_page(near, "service_at_location")
    assert near["total_items"] > 0


def test_service_details(client, world):
    services = walk(client, "services")
    # One of each kind: dated, on request, free, priced, at a venue or not.
    samples = {}
    for service in services:
        kind = (
            bool(service.get("service_at_locations")),
            any("dtstart" in schedule for schedule in service.get("schedules", [])),
            any(option.get("amount") == 0 for option in service["cost_options"]),
        )
        samples.setdefault(kind, service)
    assert len(samples) >= 4
    for service in samples.values():
        detail = get(client, f"services/{service['id']}")
        assert detail.status_code == 200
        assert_valid("service", detail.json())
        assert detail.json() == service
        if service.get("service_at_locations"):
            located = get(client, f"service_at_locations/{service['id']}")
            assert located.status_code == 200
            assert_valid("service_at_location", located.json())
            assert located.json()["service"]["id"] == service["id"]
        else:
            assert get(client, f"service_at_locations/{service['id']}").status_code == 404


def test_organizations(client, world):
    body = get(client, "organizations").json()
    assert_page(body, "organization")
    assert [o["name"] for o in body["contents"]] == ["Alpha", "Beta", "Gamma"]
    total = 0
    for organization in body["contents"]:
        detail = get(client, f"organizations/{organization['id']}").json()
        assert_valid("organization", detail)
        assert all(s["organization_id"] == organization["id"] for s in detail["services"])
        total += len(detail["services"])
    assert total == len(world)


def test_taxonomies_and_terms(client, world):
    taxonomies = get(client, "taxonomies").json()
    assert_page(taxonomies, "taxonomy")
    assert taxonomies["total_items"] == 4
    terms = get(client, "taxonomy_terms", per_page=100).json()
    assert_page(terms, "taxonomy_term")
    by_taxonomy = {t["id"]: [] for t in taxonomies["contents"]}
    for term in terms["contents"]:
        by_taxonomy[term["taxonomy_id"]].append(term)
    for taxonomy in taxonomies["contents"]:
        assert_valid("taxonomy", get(client, f"taxonomies/{taxonomy['id']}").json())
        only = get(client, "taxonomy_terms", taxonomy_id=taxonomy["id"], per_page=100).json()
        assert only["contents"] == by_taxonomy[taxonomy["id"]]
        assert all(term["taxonomy"] == taxonomy["name"] for term in only["contents"])
    first = terms["contents"][0]
    assert_valid("taxonomy_term", get(client, f"taxonomy_terms/{first['id']}").json())


def test_terms_are_named_in_the_language_asked_for(client, world):
    welsh_locale = Locale.objects.get(language_code="cy")
    music = ArtForm.objects.get(slug="music", locale__language_code="en")
    translated = music.copy_for_translation(welsh_locale)
    translated.name = "Cerddoriaeth"
    translated.save()
    english = get(client, "taxonomy_terms", per_page=100).json()["contents"]
    welsh = get(client, "taxonomy_terms", per_page=100, lang="cy").json()["contents"]
    assert [t["id"] for t in welsh] == [t["id"] for t in english]
    assert next(t for t in welsh if t["term"] == "music")["name"] == "Cerddoriaeth"
    # A term with no Welsh name keeps the name it has.
    assert next(t for t in welsh if t["term"] == "dance")["name"] == "Dance"
    # The taxonomy is named in Welsh too, where the catalog has it; its id never changes.
    assert {t["taxonomy_id"] for t in welsh} == {t["taxonomy_id"] for t in english}


def test_a_translated_activity_is_served_in_the_language_asked_for(client, world, directory_page):
    """With ``lang=cy`` an activity translated into Welsh is served in Welsh, under the same
    id; the others in English, as the directory page does; the count does not change."""
    welsh = Locale.objects.get(language_code="cy")
    directory_page.copy_for_translation(welsh, copy_parents=True).save_revision().publish()
    activity = ActivityPage.objects.get(title="Activity 00 zebra")
    translated = activity.copy_for_translation(welsh, copy_parents=True)
    translated.title = "Gweithgaredd 00 sebra"
    translated.save_revision().publish()

    english = get(client, "services", per_page=100).json()
    cymraeg = get(client, "services", per_page=100, lang="cy").json()
    assert_page(cymraeg, "service")
    assert cymraeg["total_items"] == english["total_items"] == len(world)
    names = {service["id"]: service["name"] for service in cymraeg["contents"]}
    assert names[str(activity.translation_key)] == "Gweithgaredd 00 sebra"
    assert {s["id"] for s in english["contents"]} == set(names)
    detail = get(client, f"services/{activity.translation_key}", lang="cy").json()
    assert detail["name"] == "Gweithgaredd 00 sebra"
    assert "/cy/" in detail["url"]
    assert get(client, f"services/{activity.translation_key}").json()["name"] == activity.title
