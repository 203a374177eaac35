"""StreamField blocks shared by every page type. Templates live in core/templates/core/blocks/."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from core import live_figures
from core.video import video_embed_for

# Rich text in body copy: no embeds (they would call third parties) and no images (images go
# through ImageBlock, which requires alt text).
RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=200)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section heading (h2)")), ("h3", _("Subheading (h3)"))],
        default="h2",
        help_text=_("Use h2 for sections and h3 inside them, so the outline stays in order."),
    )

    class Meta:
        icon = "title"
        template = "core/blocks/heading_block.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=250,
        help_text=_(
            "Describe what the image shows for someone who cannot see it. Required: the image "
            "title is never used as alt text."
        ),
    )
    caption = blocks.CharBlock(required=False, max_length=300)
    credit = blocks.CharBlock(
        required=False,
        max_length=200,
        help_text=_("Photographer or rights holder. Leave empty to use the credit on the image."),
    )

    class Meta:
        icon = "image"
        template = "core/blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=200, help_text=_("Who said it."))
    role = blocks.CharBlock(
        required=False, max_length=200, help_text=_("Their role or organisation.")
    )

    class Meta:
        icon = "openquote"
        template = "core/blocks/quote_block.html"


class LinkBlock(blocks.StructBlock):
    """A link to a page on this site or to an external address (one of the two)."""

    text = blocks.CharBlock(max_length=120, label=_("Link text"))
    page = blocks.PageChooserBlock(required=False)
    url = blocks.URLBlock(required=False, label=_("External address"))

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "page": ValidationError(_("Choose a page or enter an address, not both.")),
                }
            )
        return value

    class Meta:
        icon = "link"
        template = "core/blocks/link_block.html"


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    text = blocks.TextBlock(required=False)
    link = LinkBlock()

    class Meta:
        icon = "pick"
        template = "core/blocks/call_to_action_block.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    title = blocks.CharBlock(
        required=False, max_length=200, help_text=_("Leave empty to use the document's title.")
    )

    class Meta:
        icon = "doc-full"
        template = "core/blocks/document_block.html"


class VideoBlock(blocks.StructBlock):
    """A video that contacts its host only when the reader chooses to play it."""

    url = blocks.URLBlock(
        label=_("Video address"), help_text=_("A YouTube or Vimeo link to the video.")
    )
    title = blocks.CharBlock(max_length=200, help_text=_("Shown on the play button."))
    poster = ImageChooserBlock(
        required=False, help_text=_("A still shown before the video is played.")
    )
    transcript = blocks.RichTextBlock(required=False, features=RICH_TEXT_FEATURES)

    def clean(self, value):
        value = super().clean(value)
        if value.get("url") and video_embed_for(value["url"]) is None:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ValidationError(
                        _("Use a YouTube or Vimeo link, such as https://www.youtube.com/watch?v=…")
                    )
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["embed"] = video_embed_for(value["url"])
        return context

    class Meta:
        icon = "media"
        template = "core/blocks/video_block.html"


class EntryPointBlock(blocks.StructBlock):
    """A signpost on the home page for one audience (teachers, families, providers…)."""

    audience = blocks.CharBlock(max_length=80, help_text=_("For example: Teachers"))
    text = blocks.TextBlock(max_length=300)
    link = LinkBlock()

    class Meta:
        icon = "user"
        template = "core/blocks/entry_point_block.html"


class DirectorySearchBlock(blocks.StructBlock):
    """The quick activity search (postcode or place, art form), leading to the site's
    directory. The directory app supplies where it goes and the art forms, through the
    ``DIRECTORY_SEARCH`` hook (core/sections.py); on a site with no directory it shows
    nothing."""

    heading = blocks.CharBlock(
        required=False,
        max_length=120,
        help_text=_("Leave empty for “Find activities for your class”."),
    )

    class Meta:
        icon = "search"
        label = _("Directory search")
        template = "core/blocks/directory_search_block.html"


class StoredChoiceBlock(blocks.ChoiceBlock):
    """A choice whose list comes from a callable (other apps' data, through a hook), read only
    when the editor's form is built. Wagtail's ChoiceBlock evaluates its choices whenever a
    stored value is read, which would cost queries on every page view; the values here are
    plain strings already, so reading them needs no list."""

    def to_python(self, value):
        return "" if value is None else str(value)

    def normalize(self, value):
        return "" if value is None else str(value)

    def get_searchable_content(self, value):
        return []


class LiveFigureBlock(blocks.StructBlock):
    """A current figure from the site's own data (core/live_figures.py), with the date it was
    worked out. The figures come from other apps through the ``LIVE_FIGURES`` hook; when none
    provides the chosen figure, the block shows nothing."""

    figure = StoredChoiceBlock(
        choices=live_figures.kind_choices,
        help_text=_(
            "“Activities on offer” counts the live directory activities available to schools "
            "in the area: at a venue there, coming to its schools, or online, including those "
            "offered for a wider area that contains it (an activity for all of Wales counts in "
            "each Welsh local authority). “Local authorities with nothing on offer” counts the "
            "authorities where no such activity is available. “Classes on track for five” "
            "counts class backpacks with at least five experiences booked or done."
        ),
    )
    area = StoredChoiceBlock(
        choices=live_figures.area_choices,
        required=False,
        help_text=_("Leave empty for the whole UK."),
    )
    art_form = StoredChoiceBlock(
        choices=live_figures.art_form_choices,
        required=False,
        label=_("Art form"),
        help_text=_("Leave empty for every art form. Not used for classes on track."),
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        page = (parent_context or {}).get("page")
        language = getattr(getattr(page, "locale", None), "language_code", None)
        context["figure"] = live_figures.live_figure(
            value.get("figure"), value.get("area"), value.get("art_form"), language
        )
        return context

    class Meta:
        icon = "table"
        label = _("Live figure")
        template = "core/blocks/live_figure_block.html"


class BaseStreamBlock(blocks.StreamBlock):
    """The body blocks every page type shares."""

    rich_text = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, template="core/blocks/rich_text_block.html"
    )
    heading = HeadingBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    document = DocumentBlock()
    video = VideoBlock()
    directory_search = DirectorySearchBlock()
    live_figure = LiveFigureBlock()
