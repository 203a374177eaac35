"""The demo site's feeds: load_demo's last step leaves the feeds in step with its pages (the
bulk-loaded activities included), and running the rebuild again changes nothing."""

from io import StringIO

import pytest
from django.core.management import call_command

from directory.models import ActivityPage
from opendata.openactive.models import FeedItem
from tests.opendata.openactive.conftest import ACTIVITIES, walk

pytestmark = pytest.mark.django_db


def test_the_demo_feed_lists_every_public_english_activity_once(client, demo_site):
    items, _ = walk(client, ACTIVITIES)
    ids = [item["id"] for item in items]
    assert len(ids) == len(set(ids))
    public = ActivityPage.objects.live().public().filter(locale__language_code="en")
    assert {f"{key}/en" for key in public.values_list("translation_key", flat=True)} == {
        item_id for item_id in ids if item_id.endswith("/en")
    }
    not_public = ActivityPage.objects.exclude(pk__in=ActivityPage.objects.live().public())
    assert not FeedItem.objects.filter(
        page_id__in=not_public.values("pk"), state=FeedItem.State.UPDATED
    ).exists()


def test_rebuilding_the_demo_feed_changes_nothing(demo_site):
    out = StringIO()
    call_command("rebuild_openactive_feeds", stdout=out)
    assert "0 item(s) changed" in out.getvalue()
