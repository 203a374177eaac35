"""The records are sent as they are built (opendata/openreferral/views.respond), while the
OpenAPI document is generated from the serializers. These tests hold the two together: each
endpoint's body, read back through the serializer that documents it, comes out unchanged, so
the body has no field the document leaves out, no null the document does not allow, and every
value in the form its field writes (UUIDs, dates, date-times in the site's zone, amounts as
numbers)."""

import json
from urllib.parse import urlsplit

import pytest
from rest_framework.renderers import JSONRenderer

from directory.models import ActivityPage
from opendata.openreferral import serializers
from tests.opendata.conftest import get, walk


def rendered(serializer_class, body):
    data = serializer_class(body).data
    return json.loads(JSONRenderer().render(data))


def assert_documented(serializer_class, body):
    assert rendered(serializer_class, body) == body


@pytest.mark.parametrize("language", ["en", "cy"])
def test_every_list_is_what_its_serializer_writes(client, world, language):
    lists = {
        "services": serializers.ServicePageSerializer,
        "service_at_locations": serializers.ServiceAtLocationPageSerializer,
        "organizations": serializers.OrganizationPageSerializer,
        "taxonomies": serializers.TaxonomyPageSerializer,
        "taxonomy_terms": serializers.TaxonomyTermPageSerializer,
    }
    for path, serializer_class in lists.items():
        body = get(client, path, per_page=100, lang=language).json()
        assert body["contents"], path
        assert_documented(serializer_class, body)


def test_every_detail_is_what_its_serializer_writes(client, world):
    services = walk(client, "services")
    for service in services:
        assert_documented(
            serializers.ServiceSerializer, get(client, f"services/{service['id']}").json()
        )
    located = walk(client, "service_at_locations")
    assert located
    for item in located[:5]:
        body = get(client, f"service_at_locations/{item['id']}").json()
        assert_documented(serializers.ServiceAtLocationSerializer, body)
    for organization in walk(client, "organizations"):
        body = get(client, f"organizations/{organization['id']}").json()
        assert body["services"]
        assert_documented(serializers.FullOrganizationSerializer, body)
    taxonomy = get(client, "taxonomies").json()["contents"][0]
    assert_documented(
        serializers.TaxonomySerializer, get(client, f"taxonomies/{taxonomy['id']}").json()
    )
    term = get(client, "taxonomy_terms").json()["contents"][0]
    assert_documented(
        serializers.TaxonomyTermSerializer, get(client, f"taxonomy_terms/{term['id']}").json()
    )


def test_a_field_the_document_leaves_out_is_caught(client, world):
    """The check can fail: a body with a key its serializer does not declare, or a null where
    the document has none, does not survive the round trip."""
    service = walk(client, "services")[0]
    assert rendered(serializers.ServiceSerializer, {**service, "secret": "x"}) != {
        **service,
        "secret": "x",
    }
    assert rendered(serializers.ServiceSerializer, {**service, "email": None}) != {
        **service,
        "email": None,
    }


def test_each_service_links_to_its_page(client, world):
    """Services' and organizations' addresses are built from their parent's
    (records.child_address): each must be the address Wagtail gives the page."""
    services = walk(client, "services")
    assert len(services) == len(world)
    for service in services:
        page = ActivityPage.objects.get(translation_key=service["id"], locale__language_code="en")
        # The host is the one the request came to (Django's test client: testserver).
        assert service["url"] == "http://testserver" + urlsplit(page.get_full_url()).path
        provider = page.get_parent()
        organization = service["organization"]
        assert organization["uri"] == "http://testserver" + urlsplit(provider.get_full_url()).path
