"""One venue model: an activity chooses one of its provider's venues, and its location (read
by the search, the page and its structured data) follows that venue, in every language."""

import importlib
import uuid

import pytest
from django.apps import apps as django_apps
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Locale, Revision
from wagtail.test.utils.form_data import querydict_from_html
from wagtail_localize.models import TranslationSource

from directory.models import (
    ActivityPage,
    ArtForm,
    DeliveryLanguage,
    Format,
    ProviderPage,
    ProviderVenue,
)
from directory.search import Filters, search_activities
from directory.search.scope import own_directory_scope
from places.models import Place
from places.postcodes import POSTCODE_MESSAGE, find_district, locate

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_client(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


def make_provider(directory_page, slug):
    provider = ProviderPage(title=slug.title(), slug=slug, description="<p>About us.</p>")
    directory_page.add_child(instance=provider)
    return provider


def make_activity(provider, **values):
    """A published activity offered in Leicester (its place when it has no venue)."""
    english = Locale.objects.get(language_code="en")
    values.setdefault("slug", values["title"].lower().replace(" ", "-"))
    activity = ActivityPage(
        summary="An activity.",
        description="<p>Details.</p>",
        age_min=5,
        age_max=11,
        is_free=True,
        **values,
    )
    # Everything the editor requires, so a form sent back as rendered is valid (checkboxes
    # post only what is ticked, where a multi-select helper picked its first option).
    activity.art_forms = list(ArtForm.objects.filter(locale=english, slug="music"))
    activity.delivery_languages = list(
        DeliveryLanguage.objects.filter(locale=english, slug="english")
    )
    activity.formats = list(Format.objects.filter(locale=english, slug="visit-a-venue"))
    activity.places = list(Place.objects.filter(locale=english, code="GB-LCE"))
    provider.add_child(instance=activity)
    activity.save_revision().publish()
    return ActivityPage.objects.get(pk=activity.pk)


def provider_with_venues(directory_page, slug, *venues):
    """A published provider with venues given as (name, address, postcode)."""
    provider = make_provider(directory_page, slug)
    provider.venues = [
        ProviderVenue(name=name, address=address, postcode=postcode)
        for name, address, postcode in venues
    ]
    provider.save_revision().publish()
    return ProviderPage.objects.get(pk=provider.pk)


def publish_with_venues(provider, *venues):
    """Publish the provider with its venue list changed: (key or None, name, address, postcode)."""
    page = provider.get_latest_revision_as_object()
    existing = {venue.key: venue for venue in page.venues.all()}
    changed = []
    for key, name, address, postcode in venues:
        venue = existing.get(key) or ProviderVenue()
        venue.name, venue.address, venue.postcode = name, address, postcode
        changed.append(venue)
    page.venues = changed
    page.save_revision().publish()
    return ProviderPage.objects.get(pk=provider.pk)


def near(directory_page, client, postcode, radius=2):
    """What a teacher finds on the directory page near a postcode."""
    response = client.get(directory_page.url, {"postcode": postcode, "radius": radius})
    assert response.status_code == 200
    return {activity.pk for activity in response.context["results"].page.object_list}


def near_in(directory_page, postcode, radius=2):
    """The same search in the directory page's own language (and tree)."""
    scope = own_directory_scope(directory_page, directory_page.locale)
    results = search_activities(scope, Filters(postcode=find_district(postcode), radius=radius))
    return {activity.pk for activity in results.page.object_list}


def sync_translation(page, locale):
    """What "Sync translated pages" does in wagtail-localize: refresh the source, update the
    translation and publish it (published here, as core/translation_import.py explains)."""
    source, _created = TranslationSource.update_or_create_from_instance(page.specific)
    translated, _created = source.create_or_update_translation(
        locale, publish=False, fallback=True, copy_parent_pages=True
    )
    translated.get_latest_revision().publish()
    return translated.specific_class.objects.get(pk=translated.pk)


def test_locate_is_the_one_place_a_postcode_becomes_a_location():
    district = find_district("LE1 6AD")
    location = locate("le1 6ad")
    assert (location.latitude, location.longitude) == (district.latitude, district.longitude)
    x, y, z = location.vector
    assert x * x + y * y + z * z == pytest.approx(1)
    assert locate("") is None
    assert locate("not a postcode") is None
    assert locate("ZZ99 9ZZ") is None


def test_an_activity_choosing_its_providers_venue_gets_its_location(directory_page, client):
    provider = provider_with_venues(
        directory_page, "curve", ("Curve", "60 Rutland Street", "LE1 1SB")
    )
    venue = provider.venues.get()
    activity = make_activity(provider, title="Backstage tour", venue_key=venue.key)

    expected = locate("LE1 1SB")
    assert (activity.venue_name, activity.venue_address, activity.venue_postcode) == (
        "Curve",
        "60 Rutland Street",
        "LE1 1SB",
    )
    assert (activity.latitude, activity.longitude) == (expected.latitude, expected.longitude)
    assert (activity.position_x, activity.position_y, activity.position_z) == expected.vector
    assert (venue.latitude, venue.longitude) == (expected.latitude, expected.longitude)
    assert activity.pk in near(directory_page, client, "LE1 6AD")
    # Offered in Leicester, but it has a venue: far postcodes do not find it.
    assert activity.pk not in near(directory_page, client, "CF10 1AA", radius=10)


def test_publishing_a_moved_venue_moves_the_activity_in_the_search(directory_page, client):
    provider = provider_with_venues(directory_page, "travelling", ("Hall", "", "LE1 1SB"))
    key = provider.venues.get().key
    chosen = make_activity(provider, title="Chosen", venue_key=key)
    own = make_activity(provider, title="Own", venue_name="Hall", venue_postcode="LE1 1SB")
    assert {chosen.pk, own.pk} <= near(directory_page, client, "LE1 6AD")

    publish_with_venues(provider, (key, "Hall", "1 Castle Street", "CF10 1BS"))

    chosen.refresh_from_db()
    assert chosen.venue_key == key
    assert (chosen.venue_address, chosen.venue_postcode) == ("1 Castle Street", "CF10 1BS")
    assert chosen.latitude == locate("CF10").latitude
    found_in_cardiff = near(directory_page, client, "CF10 1AA")
    found_in_leicester = near(directory_page, client, "LE1 6AD")
    assert chosen.pk in found_in_cardiff
    assert chosen.pk not in found_in_leicester
    # An activity with its own venue is its own business: it stays where it was.
    assert own.pk in found_in_leicester
    assert own.pk not in found_in_cardiff
    # The activity's page shows the new address.
    assert "1 Castle Street" in client.get(chosen.url).content.decode()


def test_a_removed_venue_leaves_the_activity_its_last_copy(directory_page, client):
    provider = provider_with_venues(
        directory_page, "closing", ("Old hall", "", "LE1 1SB"), ("New hall", "", "DE1 1AA")
    )
    old, new = provider.venues.order_by("sort_order")
    activity = make_activity(provider, title="Still on", venue_key=old.key)

    publish_with_venues(provider, (new.key, "New hall", "", "DE1 1AA"))

    activity.refresh_from_db()
    assert activity.venue_key is None
    assert (activity.venue_name, activity.venue_postcode) == ("Old hall", "LE1 1SB")
    assert activity.pk in near(directory_page, client, "LE1 6AD")


def test_the_activity_editor_offers_exactly_the_parent_providers_venues(
    directory_page, superuser_client
):
    provider = provider_with_venues(
        directory_page, "two-halls", ("North hall", "", "LE1 1SB"), ("South hall", "", "LE2 1AA")
    )
    other = provider_with_venues(directory_page, "elsewhere", ("Not ours", "", "DE1 1AA"))
    ours = [str(venue.key) for venue in provider.venues.order_by("sort_order")]

    add = reverse("wagtailadmin_pages:add", args=["directory", "activitypage", provider.pk])
    response = superuser_client.get(add)
    assert response.status_code == 200
    choices = response.context["form"].fields["venue_key"].choices
    assert [value for value, _label in choices] == ["", *ours]
    assert [label for _value, label in choices][1:] == [
        "North hall, LE1 1SB",
        "South hall, LE2 1AA",
    ]

    activity = make_activity(provider, title="Edited", venue_key=provider.venues.first().key)
    edit = reverse("wagtailadmin_pages:edit", args=[activity.pk])
    response = superuser_client.get(edit)
    form = response.context["form"]
    assert [value for value, _label in form.fields["venue_key"].choices] == ["", *ours]
    assert str(form.initial["venue_key"]) == ours[0]
    assert str(other.venues.get().key) not in response.content.decode()


def test_choosing_a_venue_in_the_editor_copies_it(directory_page, superuser_client):
    provider = provider_with_venues(
        directory_page, "chooser", ("North hall", "2 High Street", "LE1 1SB")
    )
    venue = provider.venues.get()
    activity = make_activity(provider, title="Choose me")
    edit = reverse("wagtailadmin_pages:edit", args=[activity.pk])
    data = querydict_from_html(superuser_client.get(edit).content.decode(), "page-edit-form")
    data.update({"venue_key": str(venue.key), "is_free": "on", "action-publish": "publish"})

    response = superuser_client.post(edit, data)

    assert response.status_code == 302, response.context["form"].errors
    activity = ActivityPage.objects.get(pk=activity.pk)
    assert activity.venue_key == venue.key
    assert (activity.venue_name, activity.venue_address) == ("North hall", "2 High Street")
    assert activity.latitude == locate("LE1 1SB").latitude


def test_a_bad_postcode_is_a_clear_form_error(directory_page, superuser_client):
    provider = provider_with_venues(directory_page, "typo", ("Hall", "", "LE1 1SB"))
    activity = make_activity(provider, title="Typo")

    edit = reverse("wagtailadmin_pages:edit", args=[activity.pk])
    data = querydict_from_html(superuser_client.get(edit).content.decode(), "page-edit-form")
    data.update({"venue_name": "Hall", "venue_postcode": "ZZ99 9ZZ"})
    response = superuser_client.post(edit, data)
    assert response.status_code == 200
    assert response.context["form"].errors["venue_postcode"] == [str(POSTCODE_MESSAGE)]

    edit = reverse("wagtailadmin_pages:edit", args=[provider.pk])
    data = querydict_from_html(superuser_client.get(edit).content.decode(), "page-edit-form")
    data["venues-0-postcode"] = "QQ1 1QQ"
    response = superuser_client.post(edit, data)
    assert response.status_code == 200
    venue_forms = response.context["form"].formsets["venues"].forms
    assert venue_forms[0].errors["postcode"] == [str(POSTCODE_MESSAGE)]
    assert ProviderVenue.objects.get(provider=provider).postcode == "LE1 1SB"


def test_the_welsh_translation_keeps_the_same_venue(directory_page):
    welsh = Locale.objects.get(language_code="cy")
    provider = provider_with_venues(directory_page, "dwyieithog", ("Y Neuadd", "", "LE1 1SB"))
    key = provider.venues.get().key
    activity = make_activity(provider, title="Drumming", venue_key=key)

    welsh_provider = sync_translation(provider, welsh)
    welsh_activity = sync_translation(activity, welsh)

    assert welsh_activity.get_parent().pk == welsh_provider.pk
    assert [venue.key for venue in welsh_provider.venues.all()] == [key]
    assert welsh_activity.venue_key == key
    assert (welsh_activity.venue_name, welsh_activity.venue_postcode) == ("Y Neuadd", "LE1 1SB")
    assert welsh_activity.latitude == activity.latitude
    welsh_directory = directory_page.get_translation(welsh)
    assert welsh_activity.pk in near_in(welsh_directory, "LE1 6AD")

    # The venue moves: the English activity follows on publish, the Welsh one when the
    # provider's translation is synced, as every synchronised field of the provider does.
    publish_with_venues(provider, (key, "Y Neuadd", "", "CF10 1BS"))
    welsh_provider = sync_translation(provider, welsh)
    assert [venue.key for venue in welsh_provider.venues.all()] == [key]
    welsh_activity.refresh_from_db()
    assert welsh_activity.venue_key == key
    assert welsh_activity.venue_postcode == "CF10 1BS"
    assert welsh_activity.pk in near_in(welsh_directory, "CF10 1AA")
    assert welsh_activity.pk not in near_in(welsh_directory, "LE1 6AD")


def test_the_migration_gives_a_venue_one_key_in_every_language(directory_page):
    """0009_venue_keys on data as it was before keys: rows, revisions and translation sources."""
    migration = importlib.import_module("directory.migrations.0009_venue_keys")
    welsh = Locale.objects.get(language_code="cy")
    provider = provider_with_venues(
        directory_page, "migrated", ("Hall", "1 Road", "LE1 1SB"), ("Studio", "", "LE2 1AA")
    )
    named = make_activity(provider, title="Named", venue_name="Studio", venue_postcode="le2 1aa")
    elsewhere = make_activity(provider, title="Away", venue_name="Studio", venue_postcode="DE1")
    welsh_provider = sync_translation(provider, welsh)
    welsh_named = sync_translation(named, welsh)
    # As before the migration: no shared keys anywhere, no activity choosing a venue.
    for venue in ProviderVenue.objects.all():
        ProviderVenue.objects.filter(pk=venue.pk).update(key=uuid.uuid4())
    ActivityPage.objects.update(venue_key=None)
    for revision in Revision.objects.all():
        for venue in revision.content.get("venues", []):
            venue.pop("key", None)
        revision.content.pop("venue_key", None)
        revision.save(update_fields=["content"])

    migration.give_venues_keys(django_apps, None)

    keys = list(provider.venues.order_by("sort_order").values_list("key", flat=True))
    assert len(set(keys)) == 2
    assert list(welsh_provider.venues.order_by("sort_order").values_list("key", flat=True)) == keys
    revision = provider.get_latest_revision()
    revision.refresh_from_db()
    assert [venue["key"] for venue in revision.content["venues"]] == [str(key) for key in keys]
    assert ActivityPage.objects.get(pk=named.pk).venue_key == keys[1]
    assert ActivityPage.objects.get(pk=welsh_named.pk).venue_key == keys[1]
    assert ActivityPage.objects.get(pk=elsewhere.pk).venue_key is None
    assert named.get_latest_revision().content["venue_key"] == str(keys[1])
    # Editing the provider afterwards keeps the keys (the editor builds it from the revision).
    assert [v.key for v in provider.get_latest_revision_as_object().venues.all()] == keys
