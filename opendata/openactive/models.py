"""The change log behind the OpenActive RPDE feeds.

An RPDE feed is read from some position onwards, so it cannot be computed from today's pages
alone: a page that was unpublished, deleted, moved into a private section or had a translation
withdrawn must still appear, as a ``deleted`` item, after the position where a consumer last
saw it. So every item ever published keeps a row here, kept up to date by the page signals
(opendata/openactive/signals.py) and rebuilt from the pages by ``rebuild_openactive_feeds``.

The row also holds the item's data as published, so a page of the feed is one indexed query on
(feed, modified, item_id) however large the directory is.
"""

from django.db import models


class FeedItem(models.Model):
    class Feed(models.TextChoices):
        ACTIVITIES = "activities", "activities"
        PROVIDERS = "providers", "providers"

    class State(models.TextChoices):
        UPDATED = "updated", "updated"
        DELETED = "deleted", "deleted"

    feed = models.CharField(max_length=20, choices=Feed.choices)
    # "<translation key>/<language code>": one item per published translation of a page.
    item_id = models.CharField(max_length=80)
    kind = models.CharField(max_length=40)
    state = models.CharField(max_length=10, choices=State.choices)
    # Milliseconds since the epoch when the item last changed, nudged past the greatest
    # number already given out so that it only ever grows (RPDE orders by it).
    modified = models.BigIntegerField()
    language = models.CharField(max_length=20)
    # The page the item describes; a plain number, not a foreign key, because the row must
    # outlive the page's deletion as a tombstone.
    page_id = models.IntegerField(null=True, db_index=True)
    data = models.JSONField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["feed", "item_id"], name="feeditem_feed_item_id")
        ]
        indexes = [models.Index(fields=["feed", "modified", "item_id"], name="feeditem_rpde_order")]

    def __str__(self):
        return f"{self.feed} {self.item_id} ({self.state} at {self.modified})"
