"""RSS and Atom feeds of an index's stories, all of them or one kind, through Django's
syndication framework. They list what the page lists: live, public stories of this site and
language, newest first."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.http import Http404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from stories.listing import StoryFilters, filter_stories, story_scope, theme_links
from stories.models import StoryAuthor, StoryPage

FEED_LENGTH = 30


class StoryFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index, feed_format, kind=""):
        super().__init__()
        self.index = index
        self.kind = kind
        if feed_format == "atom":
            self.feed_type = Atom1Feed

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index

    def title(self, index):
        if self.kind:
            return f"{index.title}: {StoryPage.Kind(self.kind).label}"
        return index.title

    def link(self, index):
        return index.get_url(self.request)

    def description(self, index):
        return index.introduction or index.listing_summary or index.title

    def subtitle(self, index):
        return self.description(index)

    def feed_url(self, index):
        return self.request.path

    def items(self, index):
        stories = filter_stories(story_scope(index), StoryFilters(kind=self.kind))
        return stories.prefetch_related(
            Prefetch("story_authors", queryset=StoryAuthor.objects.select_related("author")),
            Prefetch("story_themes", queryset=theme_links()),
        )[:FEED_LENGTH]

    def item_title(self, story):
        return story.title

    def item_description(self, story):
        return story.summary

    def item_link(self, story):
        return story.get_url(self.request)

    def item_guid(self, story):
        return story.get_full_url(self.request)

    def item_pubdate(self, story):
        return datetime.combine(story.date, time(9), tzinfo=timezone.get_current_timezone())

    def item_updateddate(self, story):
        return story.last_published_at or self.item_pubdate(story)

    def item_author_name(self, story):
        names = [link.author.name for link in story.story_authors.all()]
        return ", ".join(names) or None

    def item_categories(self, story):
        return [link.name for link in story.story_themes.all()]


def serve_feed(index, request, feed_format, kind=""):
    if kind and kind not in StoryPage.Kind.values:
        raise Http404(_("No such kind of story"))
    return StoryFeed(index, feed_format, kind)(request)


def feed_links(index, request, kind=""):
    """(type, title, address) for each feed to advertise in a page's head: all stories, and
    the chosen kind's own feeds when the reader is looking at one kind."""
    if index is None:
        return []
    base = index.get_url(request)

    def address(name, **kwargs):
        return base + index.reverse_subpage(name, kwargs=kwargs)

    links = [
        ("application/rss+xml", f"{index.title} (RSS)", address("feed_rss")),
        ("application/atom+xml", f"{index.title} (Atom)", address("feed_atom")),
    ]
    if kind in StoryPage.Kind.values:
        label = f"{index.title}: {StoryPage.Kind(kind).label}"
        links += [
            ("application/rss+xml", f"{label} (RSS)", address("kind_feed_rss", kind=kind)),
            ("application/atom+xml", f"{label} (Atom)", address("kind_feed_atom", kind=kind)),
        ]
    return links
