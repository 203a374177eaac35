"""Body blocks for stories: the shared blocks, with a stricter quote and video, plus key figures
and related links."""

from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from core.blocks import BaseStreamBlock, LinkBlock, QuoteBlock, VideoBlock
from core.video import video_embed_for

TRANSCRIPT_REQUIRED = _(
    "Add a transcript: readers who are deaf, who cannot play sound or who prefer to read need "
    "every word spoken in the video (and what is shown, where it matters)."
)


class PullQuoteBlock(QuoteBlock):
    """A quote in a story must say who said it, as the source attributes it."""

    attribution = blocks.CharBlock(
        max_length=200, label=_("Name"), help_text=_("Who said it, as the source names them.")
    )
    role = blocks.CharBlock(
        required=False, max_length=200, help_text=_("Their role or organisation.")
    )

    class Meta:
        icon = "openquote"
        label = _("Pull quote")
        template = "core/blocks/quote_block.html"


class KeyFigureBlock(blocks.StructBlock):
    number = blocks.CharBlock(max_length=30, help_text=_("For example: £2,730 or 28"))
    label = blocks.CharBlock(max_length=150, help_text=_("What the number counts."))
    source = blocks.CharBlock(
        max_length=200, help_text=_("Where the figure comes from, so readers can check it.")
    )
    source_url = blocks.URLBlock(required=False, label=_("Source address"))


class KeyFiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120)
    figures = blocks.ListBlock(KeyFigureBlock(), min_num=1, max_num=6)

    class Meta:
        icon = "table"
        label = _("Key figures")
        template = "stories/blocks/key_figures_block.html"


class RelatedLinksBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, default=_("Find out more"))
    links = blocks.ListBlock(LinkBlock(), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Related links")
        template = "stories/blocks/related_links_block.html"


class StoryVideoBlock(VideoBlock):
    """The shared click-to-load video, with a transcript that cannot be left out and an optional
    audio-described version (loaded, like the main one, only when the reader chooses it)."""

    transcript = blocks.RichTextBlock(
        required=False,
        features=["bold", "italic", "ol", "ul", "link"],
        help_text=_("Required. Everything said in the video, with speakers' names."),
    )
    audio_described_url = blocks.URLBlock(
        required=False,
        label=_("Audio-described version"),
        help_text=_("A YouTube or Vimeo link to the version with audio description, if any."),
    )
    captions = blocks.BooleanBlock(
        required=False,
        label=_("The video has captions"),
        help_text=_("Tick if captions are burned in or available in the player."),
    )

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        transcript = value.get("transcript")
        if not strip_tags(transcript.source if transcript else "").strip():
            errors["transcript"] = ValidationError(TRANSCRIPT_REQUIRED)
        described = value.get("audio_described_url")
        if described and video_embed_for(described) is None:
            errors["audio_described_url"] = ValidationError(
                _("Use a YouTube or Vimeo link, such as https://www.youtube.com/watch?v=…")
            )
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        described = value.get("audio_described_url")
        context["described_embed"] = video_embed_for(described) if described else None
        return context

    class Meta:
        icon = "media"
        label = _("Video")
        template = "stories/blocks/story_video_block.html"


class StoryStreamBlock(BaseStreamBlock):
    quote = PullQuoteBlock()
    video = StoryVideoBlock()
    key_figures = KeyFiguresBlock()
    related_links = RelatedLinksBlock()

    # Blocks whose words a reader reads, for the reading-time estimate. A video's transcript is
    # an alternative to watching, not extra reading, so it is left out.
    READ_BLOCKS = ("rich_text", "heading", "quote", "call_to_action", "key_figures", "image")
