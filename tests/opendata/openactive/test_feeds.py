"""The RPDE feeds: read from the beginning, every published page once; every later change
after the position a consumer last saw; nothing that is not public, ever."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from backpack.factories import BackpackFactory, BookingRequestFactory, PlannedExperienceFactory
from core.factories import publish, publish_translation
from directory.factories import ActivityPageFactory, ProviderPageFactory
from opendata.openactive.models import FeedItem
from showcase.factories import ShowcaseIndexPageFactory, ShowcasePageFactory
from tests.opendata.openactive.conftest import ACTIVITIES, PROVIDERS, absolute, walk

pytestmark = pytest.mark.django_db


def ids_seen(items):
    return {item["id"] for item in items}


def item_id(page):
    return f"{page.translation_key}/{page.locale.language_code}"


def test_paging_from_the_beginning_finds_every_live_activity_once_in_order(
    client, directory, small_pages
):
    items, last = walk(client, ACTIVITIES)

    ids = [item["id"] for item in items]
    assert sorted(ids) == sorted(item_id(activity) for activity in directory.activities)
    assert len(ids) == len(set(ids))
    assert {item["state"] for item in items} == {"updated"}
    assert {item["kind"] for item in items} == {"SessionSeries"}
    positions = [(item["modified"], item["id"]) for item in items]
    assert all(isinstance(item["modified"], int) for item in items)
    assert all(before < after for before, after in zip(positions, positions[1:], strict=False))
    assert last != absolute(ACTIVITIES)  # the walk went through several pages


def test_pages_are_cacheable_and_open_to_every_origin(client, directory, small_pages):
    first = client.get(ACTIVITIES)
    assert first["Access-Control-Allow-Origin"] == "*"
    assert first["Cache-Control"] == "public, max-age=3600"
    _items, last = walk(client, ACTIVITIES)
    end = client.get(last)
    assert end.json()["items"] == []
    assert end["Cache-Control"] == "public, max-age=8"
    assert end["Access-Control-Allow-Origin"] == "*"


def test_an_unpublished_activity_comes_again_as_deleted_after_the_last_position(
    client, directory, small_pages
):
    _items, last = walk(client, ACTIVITIES)
    gone = directory.activities[1]
    gone.unpublish()

    later, _ = walk(client, last)
    assert later == [
        {
            "state": "deleted",
            "kind": "SessionSeries",
            "id": item_id(gone),
            "modified": later[0]["modified"],
        }
    ]
    first_seen = {item["id"]: item["modified"] for item in walk(client, ACTIVITIES)[0]}
    assert later[0]["modified"] > max(first_seen.values()) - 1


def test_moving_into_a_private_section_deletes_the_activities_there(client, directory):
    _items, last = walk(client, ACTIVITIES)
    private = ProviderPageFactory(parent=directory.page, title="Members only")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    moved = directory.activities[0]
    moved.move(private, pos="last-child")

    later, _ = walk(client, last)
    assert [(item["id"], item["state"]) for item in later] == [(item_id(moved), "deleted")]


def test_a_view_restriction_deletes_the_activities_beneath_it(client, directory):
    _items, last = walk(client, ACTIVITIES)
    provider = directory.providers[1]
    PageViewRestriction.objects.create(page=provider, restriction_type=PageViewRestriction.LOGIN)

    later, last = walk(client, last)
    beneath = [a for a in directory.activities if a.get_parent().pk == provider.pk]
    assert sorted((item["id"], item["state"]) for item in later) == sorted(
        (item_id(activity), "deleted") for activity in beneath
    )
    providers, _ = walk(client, PROVIDERS)
    assert {item["id"]: item["state"] for item in providers}[item_id(provider)] == "deleted"

    PageViewRestriction.objects.filter(page=provider).delete()
    again, _ = walk(client, last)
    assert sorted((item["id"], item["state"]) for item in again) == sorted(
        (item_id(activity), "updated") for activity in beneath
    )


def test_a_deleted_activity_comes_again_as_deleted(client, directory):
    _items, last = walk(client, ACTIVITIES)
    gone = directory.activities[3]
    gone.delete()

    later, _ = walk(client, last)
    assert [(item["id"], item["state"]) for item in later] == [(item_id(gone), "deleted")]
    assert "data" not in later[0]


def test_a_provider_change_re_emits_its_activities(client, directory):
    _items, last = walk(client, ACTIVITIES)
    provider = directory.providers[0]
    provider.title = "Riverside Arts Centre"
    publish(provider)

    later, _ = walk(client, last)
    beneath = [a for a in directory.activities if a.get_parent().pk == provider.pk]
    assert sorted(item["id"] for item in later) == sorted(item_id(a) for a in beneath)
    assert {item["data"]["organizer"]["name"] for item in later} == {"Riverside Arts Centre"}


def test_a_withdrawn_translation_is_deleted_and_the_original_stays(client, directory):
    original = directory.activities[4]
    welsh = publish_translation(original, "cy", title="Sioe bypedau")
    items, last = walk(client, ACTIVITIES)
    states = {item["id"]: item for item in items}
    assert states[item_id(welsh)]["state"] == "updated"
    assert states[item_id(welsh)]["data"]["name"] == "Sioe bypedau"
    assert states[item_id(welsh)]["data"]["identifier"] == str(original.translation_key)

    welsh.delete()
    later, _ = walk(client, last)
    assert [(item["id"], item["state"]) for item in later] == [(item_id(welsh), "deleted")]
    assert item_id(welsh) != item_id(original)


def test_drafts_private_pages_backpacks_and_other_pages_never_appear(client, directory):
    draft = ActivityPageFactory(parent=directory.providers[0], title="Draft", publish=False)
    private = ProviderPageFactory(parent=directory.page, title="Private provider")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    hidden = ActivityPageFactory(parent=private, title="Hidden")
    showcase = ShowcaseIndexPageFactory(parent=directory.home)
    works = ShowcasePageFactory(parent=showcase)
    # Nor a class backpack planning a published activity, nor its teacher's booking request.
    planned = directory.activities[0]
    backpack = BackpackFactory(class_name="Hidden class")
    PlannedExperienceFactory(backpack=backpack, activity=planned, pupils_said="Hidden words")
    BookingRequestFactory(
        activity=planned, contact_name="Hidden Teacher", email="hidden.teacher@school.example"
    )
    # A live draft revision on a published page must not leak either.
    changed = directory.activities[2]
    changed.title = "Unreviewed title"
    changed.save_revision()

    activities, _ = walk(client, ACTIVITIES)
    providers, _ = walk(client, PROVIDERS)
    published = {item["id"] for item in activities + providers if item["state"] == "updated"}
    assert published == {item_id(page) for page in directory.activities + directory.providers}
    # The private provider was public for a moment (published, then restricted): it is only
    # ever a tombstone now, with nothing of it but its id.
    tombstones = [item for item in providers if item["state"] == "deleted"]
    assert [item["id"] for item in tombstones] == [item_id(private)]
    assert "data" not in tombstones[0]
    assert item_id(draft) not in {item["id"] for item in activities}
    body = str([item.get("data") for item in activities + providers])
    assert "Unreviewed title" not in body
    assert "Hidden" not in body
    assert planned.title in body
    for secret in ("hidden.teacher", backpack.edit_token, backpack.view_token):
        assert secret not in body
    assert not FeedItem.objects.filter(
        page_id__in=[draft.pk, hidden.pk, showcase.pk, works.pk]
    ).exists()
    keys = {str(page.translation_key) for page in (showcase, works)}
    assert not {each.split("/")[0] for each in ids_seen(activities + providers)} & keys


def test_an_activity_as_opportunity_data(client, directory):
    items, _ = walk(client, ACTIVITIES)
    by_id = {item["id"]: item["data"] for item in items}
    drumming = by_id[item_id(directory.activities[0])]
    url = "http://localhost" + directory.activities[0].url
    assert drumming["@context"][0] == "https://openactive.io/"
    assert drumming["@type"] == "SessionSeries"
    assert drumming["@id"] == drumming["url"] == url
    assert drumming["ageRange"] == {"@type": "QuantitativeValue", "minValue": 5, "maxValue": 11}
    assert drumming["offers"][0]["price"] == 0
    assert drumming["offers"][0]["priceCurrency"] == "GBP"
    assert drumming["activity"] == [
        {
            "@type": "Concept",
            "@id": "http://localhost/api/openactive/art-forms.jsonld#music",
            "prefLabel": "Music",
            "inScheme": "http://localhost/api/openactive/art-forms.jsonld",
        }
    ]
    assert [c["@id"].rsplit("#", 1)[1] for c in drumming["accessibilitySupport"]] == [
        "wheelchair-access"
    ]
    location = drumming["location"]
    assert location["address"]["postalCode"] == "LE1 1AA"
    assert location["address"]["streetAddress"] == "1 River Street"
    assert {"latitude", "longitude"} <= set(location["geo"])
    assert drumming["organizer"]["name"] == "Riverside Arts"
    assert drumming["organizer"]["email"] == "hello@riverside.example"
    assert [session["@type"] for session in drumming["subEvent"]] == ["ScheduledSession"]
    assert drumming["inLanguage"] == ["en"]

    tour = by_id[item_id(directory.activities[2])]
    assert tour["offers"][0]["price"] == 4.5
    assert "subEvent" not in tour


@pytest.mark.parametrize(
    "query",
    [
        "afterTimestamp=abc&afterId=x",
        "afterTimestamp=-1&afterId=x",
        "afterTimestamp=99999999999999999999999&afterId=x",
        "afterTimestamp=12",
        "afterId=x",
        "afterTimestamp=1&afterId=" + "x" * 200,
        "afterTimestamp=1&afterId=%00",
    ],
)
def test_a_bad_position_is_a_400_with_a_reason(client, directory, query):
    response = client.get(f"{ACTIVITIES}?{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["detail"]
    assert response["Access-Control-Allow-Origin"] == "*"


def test_a_page_of_the_feed_is_one_query(client, directory, small_pages):
    first = client.get(ACTIVITIES).json()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(first["next"])
    assert len(response.json()["items"]) == 2
    # The other query is the site lookup every request makes (Wagtail's site middleware).
    assert len(queries) <= 2
    feed_queries = [q["sql"] for q in queries if "opendata_feeditem" in q["sql"]]
    assert len(feed_queries) == 1
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN QUERY PLAN " + feed_queries[0])
            plan = " ".join(str(row) for row in cursor.fetchall())
        assert "feeditem_rpde_order" in plan
        assert "TEMP B-TREE" not in plan  # read in index order, never sorted


def test_the_providers_feed(client, directory):
    items, _ = walk(client, PROVIDERS)
    assert sorted(item["id"] for item in items) == sorted(item_id(p) for p in directory.providers)
    assert {item["kind"] for item in items} == {"Organization"}
    riverside = next(item["data"] for item in items if item["data"]["name"] == "Riverside Arts")
    assert riverside["@type"] == "Organization"
    assert riverside["identifier"] == str(directory.providers[0].translation_key)


def test_polling_the_last_page_is_a_304_until_something_changes(client, directory):
    _items, last = walk(client, ACTIVITIES)
    first = client.get(last)
    etag = first["ETag"]
    assert etag

    unchanged = client.get(last, HTTP_IF_NONE_MATCH=etag)
    assert unchanged.status_code == 304
    assert unchanged["Access-Control-Allow-Origin"] == "*"

    directory.activities[0].unpublish()
    changed = client.get(last, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed.json()["items"]
