"""The documentation page at /api/: it covers both standards, every address it shows answers,
and the contact address on it and on the OpenActive dataset page is a setting."""

import json
import re

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from opendata.openactive import modelling
from opendata.openactive.models import FeedItem

pytestmark = pytest.mark.django_db

DOCUMENTATION = reverse("opendata:documentation")
DATASET = reverse("opendata:openactive:dataset")
OPENACTIVE = [
    DATASET,
    reverse(f"opendata:openactive:feed-{FeedItem.Feed.ACTIVITIES}"),
    reverse(f"opendata:openactive:feed-{FeedItem.Feed.PROVIDERS}"),
    reverse(f"opendata:openactive:{modelling.ART_FORMS}"),
    reverse(f"opendata:openactive:{modelling.ACCESS_FEATURES}"),
]
DEFAULT_CONTACT = "opendata@artsbackpack.org.uk"


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def absolute(path):
    return f"http://testserver{path}"


def test_the_page_documents_openactive(client):
    page = soup_of(client.get(DOCUMENTATION))
    section = page.find(id="openactive")
    assert section is not None and section.name == "h2"
    # Everything from the OpenActive heading to the next heading of its rank.
    text, addresses = [], set()
    for element in section.find_all_next():
        if element.name == "h2":
            break
        if element.name in ("p", "li", "td"):
            text.append(element.get_text(" ", strip=True))
        if element.name in ("code", "a"):
            addresses.update(re.findall(r"http://testserver[^\s'\"]*", element.get_text()))
    words = " ".join(text)
    assert {absolute(path) for path in OPENACTIVE} <= addresses
    for needed in ("afterTimestamp", "afterId", '"state": "deleted"', "SKOS", "Open Government"):
        assert needed in words, needed
    # The page links to its own sections, and runs nothing (the CSP allows no script).
    assert {a["href"] for a in page.select("a[href^='#']")} == {"#open-referral", "#openactive"}
    assert page.find("script") is None


def test_every_address_and_example_on_the_page_answers(client, world):
    """A reader copies the addresses and the curl examples: each must work as written."""
    page = soup_of(client.get(DOCUMENTATION))
    shown = {code.get_text() for code in page.select("td:first-child > code")}
    for example in page.select("pre code"):
        shown.update(re.findall(r"'(http://testserver[^']*)'", example.get_text()))
    # An address with a placeholder ("services/{id}") is tried with the id of the first record
    # its list gives ("services?per_page=1").
    addresses = []
    for address in sorted(shown):
        if address.endswith("/{id}"):
            listing = address.removeprefix("http://testserver").removesuffix("/{id}")
            first = client.get(listing, {"per_page": 1}).json()["contents"][0]["id"]
            address = address.replace("{id}", first)
        addresses.append(address)
    assert all("{" not in address for address in addresses), addresses
    assert len(addresses) >= 18, addresses
    for address in addresses:
        response = client.get(address.removeprefix("http://testserver"))
        assert response.status_code == 200, (address, response.status_code)


def contacts(client):
    """The contact address as each page shows it: the mailto links of /api/ and of the dataset
    page, and the publisher's email in the dataset's JSON-LD."""
    documentation = soup_of(client.get(DOCUMENTATION))
    dataset_page = soup_of(client.get(DATASET))
    dataset = json.loads(dataset_page.find("script", type="application/ld+json").string)
    mailto = "a[href^='mailto:']"
    return {
        "documentation": {a["href"] for a in documentation.select(mailto)},
        "dataset page": {a["href"] for a in dataset_page.select(mailto)},
        "publisher": {
            dataset["publisher"]["email"],
            dataset["includedInDataCatalog"]["publisher"]["email"],
        },
    }


def test_the_contact_address_defaults_to_the_programmes(client):
    shown = contacts(client)
    assert shown["documentation"] == shown["dataset page"] == {f"mailto:{DEFAULT_CONTACT}"}
    assert shown["publisher"] == {DEFAULT_CONTACT}


def test_the_contact_address_is_a_setting(client, settings):
    settings.OPENDATA_CONTACT_EMAIL = "open-data@example.org"
    shown = contacts(client)
    assert shown["documentation"] == shown["dataset page"] == {"mailto:open-data@example.org"}
    assert shown["publisher"] == {"open-data@example.org"}
    for response in (client.get(DOCUMENTATION), client.get(DATASET)):
        assert DEFAULT_CONTACT not in response.content.decode()
