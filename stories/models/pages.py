"""The story index (listing, filters, feeds) and story pages."""

import math

from django.db import models
from django.db.models import Subquery
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    MultipleChooserPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.fragments import when_shown
from core.models import BasePage
from stories.blocks import StoryStreamBlock

WORDS_PER_MINUTE = 200


class StoryIndexPage(RoutablePageMixin, BasePage):
    """All the stories of one site and language: filters, a featured story and feeds."""

    introduction = models.TextField(_("introduction"), blank=True, max_length=600)
    featured_story = models.ForeignKey(
        "stories.StoryPage",
        verbose_name=_("featured story"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown first on the stories page and the home page. Empty: the newest."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["stories.StoryPage"]
    max_count_per_parent = 1

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("introduction"),
        FieldPanel("featured_story"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("introduction")]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("introduction"),
        # The chosen story is followed to its translation when shown (see featured()).
        SynchronizedField("featured_story"),
    ]

    class Meta:
        verbose_name = _("stories page")

    def stories(self):
        from stories.listing import story_scope

        return story_scope(self)

    def featured(self, scope=None):
        """The editor's featured story in this index's language if it is live here, else the
        newest story; None when there are no stories."""
        from stories.listing import with_card_data

        scope = with_card_data(self.stories() if scope is None else scope)
        if self.featured_story_id:
            # The chosen story's translation key read inside the query: fetching the chosen
            # page itself first would cost a query of its own.
            chosen_key = Page.objects.filter(pk=self.featured_story_id).values("translation_key")
            chosen = scope.filter(translation_key=Subquery(chosen_key)).first()
            if chosen is not None:
                return chosen
        return scope.first()

    @path("")
    def listing(self, request):
        from stories.views import serve_listing

        return serve_listing(self, request)

    @path("feed/rss/", name="feed_rss")
    def feed_rss(self, request):
        from stories.feeds import serve_feed

        return serve_feed(self, request, "rss")

    @path("feed/atom/", name="feed_atom")
    def feed_atom(self, request):
        from stories.feeds import serve_feed

        return serve_feed(self, request, "atom")

    @path("feed/<slug:kind>/rss/", name="kind_feed_rss")
    def kind_feed_rss(self, request, kind):
        from stories.feeds import serve_feed

        return serve_feed(self, request, "rss", kind)

    @path("feed/<slug:kind>/atom/", name="kind_feed_atom")
    def kind_feed_atom(self, request, kind):
        from stories.feeds import serve_feed

        return serve_feed(self, request, "atom", kind)


class StoryPage(BasePage):
    """A case study, pilot story, piece of advocacy or news item."""

    class Kind(models.TextChoices):
        CASE_STUDY = "case-study", _("Case study")
        PILOT = "pilot-story", _("Pilot story")
        ADVOCACY = "advocacy", _("Advocacy")
        NEWS = "news", _("News")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    date = models.DateField(
        _("date"),
        default=timezone.localdate,
        db_index=True,
        help_text=_("The date readers see and lists and feeds are ordered by."),
    )
    summary = models.TextField(
        _("summary"), max_length=400, help_text=_("Two or three sentences: what happened, where.")
    )
    body = StreamField(StoryStreamBlock(), verbose_name=_("body"))

    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types = []

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("kind"), FieldPanel("date")]),
        FieldPanel("summary"),
        # Wagtail's chooser, several at a time: it searches, and opens in the story's language.
        MultipleChooserPanel("story_authors", chooser_field_name="author", label=_("Authors")),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                MultipleChooserPanel("story_themes", chooser_field_name="theme", label=_("Themes")),
                MultipleChooserPanel("story_places", chooser_field_name="place", label=_("Places")),
            ],
            heading=_("Themes and places"),
        ),
        MultiFieldPanel(
            [
                InlinePanel("story_providers", label=_("Providers")),
                InlinePanel("story_activities", label=_("Activities")),
            ],
            heading=_("In the directory"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("date"),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("summary"),
        TranslatableField("body"),
        SynchronizedField("kind"),
        SynchronizedField("date"),
        SynchronizedField("story_authors"),
        SynchronizedField("story_themes"),
        SynchronizedField("story_places"),
        SynchronizedField("story_providers"),
        SynchronizedField("story_activities"),
    ]

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    def save(self, *args, **kwargs):
        # Cards, search results and the meta description all read the listing summary; a
        # story's own summary is the right fallback, so editors need not write it twice.
        if not self.listing_summary and self.summary:
            self.listing_summary = self.summary[:300]
        super().save(*args, **kwargs)

    @cached_property
    def reading_minutes(self):
        """Minutes to read the summary and body at an everyday reading pace (at least one)."""
        words = len(self.summary.split())
        for child in self.body:
            if child.block_type in StoryStreamBlock.READ_BLOCKS:
                for text in child.block.get_searchable_content(child.value):
                    words += len(str(text).split())
        return max(1, math.ceil(words / WORDS_PER_MINUTE))

    @property
    def og_description(self):
        return self.social_text or self.search_description or self.summary

    def index_page(self):
        return StoryIndexPage.objects.filter(path=self.path[: -self.steplen]).first()

    def get_context(self, request, *args, **kwargs):
        from stories.feeds import feed_links
        from stories.listing import place_links, related_stories, theme_links

        context = super().get_context(request, *args, **kwargs)

        def shown():
            index = self.index_page()
            themes = list(theme_links().filter(page=self))
            places = list(place_links().filter(page=self))
            return {
                "index": index,
                "feeds": feed_links(index, request, self.kind),
                "authors": [link.author for link in self.story_authors.select_related("author")],
                "themes": themes,
                "places": places,
                # A translated story links the pages its source chose; the reader gets each in
                # their own language where it has been translated (``localized``), else as it
                # is.
                "providers": [
                    link.provider.localized
                    for link in self.story_providers.select_related("provider")
                    if link.provider.live
                ],
                "activities": [
                    link.activity.localized
                    for link in self.story_activities.select_related("activity")
                    if link.activity.live
                ],
                # Found by the themes and places just read, not read again.
                "related": related_stories(
                    self,
                    theme_keys=[link.theme.translation_key for link in themes],
                    place_codes=[link.place.code for link in places],
                ),
            }

        # Read only by the page's kept parts (core/fragments.py): not at all when they are kept.
        context.update(
            when_shown(
                shown,
                "index",
                "feeds",
                "authors",
                "themes",
                "places",
                "providers",
                "activities",
                "related",
            ),
            og_type="article",
        )
        return context


class StoryAuthor(Orderable):
    page = ParentalKey(StoryPage, on_delete=models.CASCADE, related_name="story_authors")
    author = models.ForeignKey(
        "stories.Author", verbose_name=_("author"), on_delete=models.CASCADE, related_name="+"
    )
    panels = [FieldPanel("author")]


class StoryTheme(Orderable):
    page = ParentalKey(StoryPage, on_delete=models.CASCADE, related_name="story_themes")
    theme = models.ForeignKey(
        "stories.Theme", verbose_name=_("theme"), on_delete=models.CASCADE, related_name="+"
    )
    panels = [FieldPanel("theme")]


class StoryPlace(Orderable):
    page = ParentalKey(StoryPage, on_delete=models.CASCADE, related_name="story_places")
    place = models.ForeignKey(
        "places.Place", verbose_name=_("place"), on_delete=models.CASCADE, related_name="+"
    )
    panels = [FieldPanel("place")]


class StoryProvider(Orderable):
    page = ParentalKey(StoryPage, on_delete=models.CASCADE, related_name="story_providers")
    provider = models.ForeignKey(
        "directory.ProviderPage",
        verbose_name=_("provider"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    panels = [FieldPanel("provider")]


class StoryActivity(Orderable):
    page = ParentalKey(StoryPage, on_delete=models.CASCADE, related_name="story_activities")
    activity = models.ForeignKey(
        "directory.ActivityPage",
        verbose_name=_("activity"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    panels = [FieldPanel("activity")]
