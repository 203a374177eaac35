"""The open data's own records (nothing here is shown on the site's pages)."""

from opendata.openactive.models import FeedItem

__all__ = ["FeedItem"]
