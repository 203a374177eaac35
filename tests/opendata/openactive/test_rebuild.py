"""``rebuild_openactive_feeds``: the feeds made from the pages themselves, for pages that
arrived without signals (an existing site, the bulk loader)."""

from io import StringIO

import pytest
from django.core.management import call_command

from directory.factories import ActivityPageFactory
from opendata.openactive.models import FeedItem

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        (row.feed, row.item_id): (row.state, row.data)
        for row in FeedItem.objects.order_by("feed", "item_id")
    }


def rebuild():
    out = StringIO()
    call_command("rebuild_openactive_feeds", stdout=out)
    return out.getvalue()


def test_a_rebuild_from_nothing_makes_the_same_items_as_the_signals(directory):
    by_signals = snapshot()
    assert len(by_signals) == len(directory.activities) + len(directory.providers)
    FeedItem.objects.all().delete()

    assert "7 item(s) changed" in rebuild()
    assert snapshot() == by_signals


def test_a_rebuild_moves_nothing_that_has_not_changed(directory):
    before = {row.item_id: row.modified for row in FeedItem.objects.all()}
    assert "0 item(s) changed" in rebuild()
    assert {row.item_id: row.modified for row in FeedItem.objects.all()} == before


def test_a_rebuild_finds_pages_written_without_signals(directory):
    # publish=None: a live page with no revision and no publish signal, as the bulk loader
    # writes them.
    quiet = ActivityPageFactory(parent=directory.providers[1], title="Bulk", publish=None)
    key = f"{quiet.translation_key}/en"
    assert not FeedItem.objects.filter(item_id=key).exists()
    greatest = max(FeedItem.objects.values_list("modified", flat=True))

    assert "1 item(s) changed" in rebuild()
    item = FeedItem.objects.get(item_id=key)
    assert item.state == "updated"
    assert item.modified > greatest
    assert item.data["name"] == "Bulk"


def test_a_rebuild_deletes_what_is_no_longer_published(directory):
    gone = directory.activities[0]
    # Unpublished behind the signals' back (a bulk update).
    type(gone).objects.filter(pk=gone.pk).update(live=False)

    assert "1 item(s) changed" in rebuild()
    item = FeedItem.objects.get(page_id=gone.pk)
    assert (item.state, item.data) == ("deleted", None)
