"""Inside a transaction, the feeds' change log is written once, when the transaction commits
(opendata/openactive/signals.py): never before, never for a transaction rolled back."""

import pytest
from django.db import transaction

from directory.factories import ActivityPageFactory
from opendata.openactive import signals
from opendata.openactive.models import FeedItem


@pytest.fixture
def gathered(monkeypatch):
    monkeypatch.setattr(signals, "WRITE_AT_ONCE", False)


def items_for(page):
    return FeedItem.objects.filter(page_id=page.pk, state=FeedItem.State.UPDATED)


def test_changes_wait_for_the_commit_then_are_written_once(
    directory, gathered, django_capture_on_commit_callbacks
):
    provider = directory.providers[0]
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        activity = ActivityPageFactory(parent=provider, title="Clay and glaze")
        activity.save_revision().publish()  # touched twice in the transaction
        assert not items_for(activity).exists()  # nothing written before the commit
    # One write for the whole transaction (other apps wait for the commit too).
    assert [each for each in callbacks if each is signals._flush] == [signals._flush]
    assert items_for(activity).count() == 1


def test_a_rolled_back_transaction_writes_nothing_and_the_next_one_still_does(
    directory, gathered, django_capture_on_commit_callbacks
):
    provider = directory.providers[0]
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                lost = ActivityPageFactory(parent=provider, title="Never published")
                raise RuntimeError("the editor's save fails")
        except RuntimeError:
            pass
        kept = ActivityPageFactory(parent=provider, title="Published after the failure")
    # By translation key: the database may give the next page the rolled-back page's id.
    assert not FeedItem.objects.filter(item_id__startswith=str(lost.translation_key)).exists()
    assert items_for(kept).count() == 1
