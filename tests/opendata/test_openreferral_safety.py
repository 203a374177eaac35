"""Only live, public directory pages reach the Open Referral API: never drafts, pages in a
private section, unpublished providers' listings, anything from the showcase, or a class
backpack (its plan, its teacher's booking request)."""

import pytest
from wagtail.models import PageViewRestriction

from backpack.factories import BackpackFactory, BookingRequestFactory, PlannedExperienceFactory
from directory.factories import ActivityPageFactory, ProviderPageFactory
from directory.models import ProviderPage
from showcase.factories import ShowcaseIndexPageFactory, ShowcasePageFactory
from tests.opendata.conftest import OPENREFERRAL, get, walk

LISTS = ["services", "service_at_locations", "organizations", "taxonomies", "taxonomy_terms"]


@pytest.fixture
def hidden(world, directory_page):
    """Pages that must never be published through the API, and their ids."""
    alpha = ProviderPage.objects.get(slug="alpha")
    values = {"venue_name": "Secret hall", "venue_postcode": "LE1 6AD", "art_forms": ["music"]}
    draft = ActivityPageFactory(parent=alpha, title="Hidden draft", slug="hidden-draft", **values)
    draft.unpublish()
    private = ActivityPageFactory(
        parent=alpha, title="Hidden private", slug="hidden-private", **values
    )
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    section = ProviderPageFactory(parent=directory_page, title="Hidden provider", slug="hidden-p")
    PageViewRestriction.objects.create(
        page=section,
        restriction_type="password",
        password="x",  # noqa: S106 - a test page's
    )
    in_section = ActivityPageFactory(
        parent=section, title="Hidden in a private section", slug="hidden-section", **values
    )
    withdrawn = ProviderPageFactory(parent=directory_page, title="Hidden gone", slug="gone")
    orphan = ActivityPageFactory(parent=withdrawn, title="Hidden orphan", slug="orphan", **values)
    # Unpublished with its listings, as the admin offers.
    orphan.unpublish()
    withdrawn.unpublish()
    home = directory_page.get_parent()
    showcase = ShowcasePageFactory(
        parent=ShowcaseIndexPageFactory(parent=home, title="Hidden showcase"),
        title="Hidden children's work",
    )
    # A class backpack planning a published activity, and its teacher's booking request.
    published = ActivityPageFactory(parent=alpha, title="Planned drumming", slug="planned")
    backpack = BackpackFactory(class_name="Hidden class", school_postcode="LE1 6AD")
    PlannedExperienceFactory(
        backpack=backpack, activity=published, pupils_said="Hidden: the pupils' own words"
    )
    BookingRequestFactory(
        activity=published,
        school_name="Hidden Primary School",
        contact_name="Hidden Teacher",
        email="hidden.teacher@school.example",
    )
    pages = [draft, private, section, in_section, withdrawn, orphan, showcase]
    keys = {str(page.translation_key) for page in pages}
    return keys | {backpack.edit_token, backpack.view_token}, [page.pk for page in pages]


def everything(client, language="en", details=True):
    """The text of every response: each list, every page of it, and each item's detail."""
    bodies = []
    for name in LISTS:
        for item in walk(client, name, lang=language):
            bodies.append(str(item))
            if details:
                bodies.append(get(client, f"{name}/{item['id']}", lang=language).content.decode())
    return "\n".join(bodies)


@pytest.mark.parametrize("language", ["en", "cy"])
def test_drafts_private_pages_the_showcase_and_backpacks_never_appear(client, hidden, language):
    keys, _pks = hidden
    # Every detail in English; the lists in Welsh (the same records, another language).
    text = everything(client, language, details=language == "en")
    assert "Planned drumming" in text  # the activity the backpack plans is published ...
    assert "Hidden" not in text  # ... and nothing of the backpack travels with it
    assert "Secret hall" not in text
    assert "hidden.teacher" not in text
    for key in keys:
        assert key not in text
        for name in ("services", "service_at_locations", "organizations"):
            assert get(client, f"{name}/{key}", lang=language).status_code == 404


def test_what_is_published_is_there(client, hidden):
    """The same walk finds the published world (so the test above can fail)."""
    text = everything(client)
    assert "Activity 00 zebra" in text
    assert "Alpha" in text


def test_no_showcase_or_personal_field_in_the_contract(client, world):
    """The OpenAPI document names no showcase, booking-request or search-log field."""
    document = client.get("/api/openapi.json").content.decode().lower()
    for word in ("showcase", "consent", "artwork", "booking_request", "searchlog", "token"):
        assert word not in document
    assert OPENREFERRAL in document


def test_an_unpublished_providers_details_never_travel_with_its_activities(client, directory_page):
    """Unpublishing a provider page alone leaves its activities live (Wagtail does not
    cascade unless asked), and the directory still lists them; the API then sends them
    without the provider."""
    provider = ProviderPageFactory(
        parent=directory_page, title="Hidden withdrawn provider", slug="withdrawn"
    )
    ActivityPageFactory(parent=provider, title="Left behind", slug="left-behind")
    provider.unpublish()
    services = walk(client, "services")
    left = [service for service in services if service["name"] == "Left behind"]
    assert len(left) == 1
    assert "organization" not in left[0] and "organization_id" not in left[0]
    assert "Hidden" not in str(services)
    assert "Hidden" not in str(walk(client, "organizations"))
