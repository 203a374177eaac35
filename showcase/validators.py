"""Checks on what an editor types about a child's work, with messages they can act on.

They err on the side of refusing: a false alarm costs an editor a moment, a surname published
beside a child's work cannot be taken back.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# One name: letters (any alphabet), optionally joined by a hyphen or apostrophe (Anne-Marie,
# D'Arcy, Siân). No spaces, full stops, digits or symbols.
_FIRST_NAME = re.compile(r"^[^\W\d_]+(?:[-'’][^\W\d_]+)*$")
MAX_DISPLAY_NAME = 30

_FILENAME_LIKE = [
    re.compile(r"\.(jpe?g|png|gif|webp|heic|heif|tiff?|bmp|svg)\s*$", re.IGNORECASE),
    re.compile(r"^(img|dsc|dscn|pxl|image|photo|scan|screenshot)[\s_-]*\d+", re.IGNORECASE),
    re.compile(r"^[\w-]*\d{3,}[\w-]*$"),
    re.compile(r"^\w+(_\w+)+$"),
]
MIN_ALT_TEXT = 10


def validate_display_name(value):
    """A first name, or nothing. Two words, an initial or a full stop suggests a surname."""
    name = (value or "").strip()
    if not name:
        return
    if len(name.split()) > 1 or "." in name:
        raise ValidationError(
            _(
                "Use a first name only, such as “%(first)s”, or leave this empty. “%(name)s” "
                "looks like a full name, and a child's surname is never published."
            )
            % {"first": name.split()[0].strip("."), "name": name},
            code="full_name",
        )
    if len(name) > MAX_DISPLAY_NAME or not _FIRST_NAME.match(name):
        raise ValidationError(
            _(
                "Use a first name only, in letters (a hyphen or apostrophe is fine), or leave "
                "this empty."
            ),
            code="not_a_first_name",
        )


def validate_alt_text(value, title=""):
    """Alt text must describe the picture for someone who cannot see it."""
    text = (value or "").strip()
    if not text:
        raise ValidationError(
            _(
                "Describe the picture for people who cannot see it, for example “A painting of "
                "a red dragon flying over green hills”."
            ),
            code="alt_required",
        )
    if any(pattern.search(text) for pattern in _FILENAME_LIKE):
        raise ValidationError(
            _(
                "This looks like a file name. Describe what the picture shows instead, in a "
                "short sentence."
            ),
            code="alt_filename",
        )
    if title and text.casefold() == title.strip().casefold():
        raise ValidationError(
            _(
                "The alt text repeats the title. Describe what the picture shows: its "
                "colours, shapes and what is happening."
            ),
            code="alt_is_title",
        )
    if len(text) < MIN_ALT_TEXT:
        raise ValidationError(
            _("Describe the picture in a short sentence (at least %(count)s characters).")
            % {"count": MIN_ALT_TEXT},
            code="alt_too_short",
        )
