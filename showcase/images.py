"""Image cleaning and renditions for artwork, with Pillow alone.

Wagtail keeps an uploaded original byte for byte and Willow copies EXIF into JPEG/PNG
renditions, so neither is used for children's work. Every upload is decoded and written again
from its pixels only: EXIF (with GPS and maker notes), XMP, IPTC, ICC profiles, PNG text
chunks and comments are all left behind, and the file name is replaced.
Renditions are made from that cleaned original, again from pixels only.
"""

import io
import warnings

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

from showcase.storage import private_storage, rendition_folder

MAX_UPLOAD_BYTES = 15 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_ORIGINAL_SIDE = 3000
ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
# Named sizes the public view may ask for: (longest side in pixels).
RENDITION_SIZES = {"card": 480, "full": 1200}


def _open(data):
    """Decode the upload fully, refusing anything that is not a reasonable picture."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            picture = Image.open(io.BytesIO(data))
            if picture.format not in ALLOWED_FORMATS:
                raise ValidationError(
                    _("Upload a JPEG, PNG, WebP or GIF picture."), code="image_format"
                )
            if picture.width * picture.height > MAX_PIXELS:
                raise ValidationError(_("This picture is too large."), code="image_size")
            picture.load()
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
            raise ValidationError(
                _("This file is not a picture we can read."), code="image_invalid"
            ) from error
        except (Image.DecompressionBombWarning, Image.DecompressionBombError) as error:
            raise ValidationError(_("This picture is too large."), code="image_size") from error
    return picture


def _pixels_only(picture):
    """A new image holding only the pixels, turned the way the camera meant (orientation is
    applied before the EXIF that records it is dropped)."""
    picture = ImageOps.exif_transpose(picture)
    has_alpha = picture.mode in ("RGBA", "LA", "PA") or (
        picture.mode == "P" and "transparency" in picture.info
    )
    mode = "RGBA" if has_alpha else "RGB"
    converted = picture.convert(mode)
    clean = Image.new(mode, converted.size)
    clean.paste(converted)
    return clean


def _encode(picture, format_name):
    buffer = io.BytesIO()
    if format_name == "PNG":
        picture.save(buffer, format="PNG", optimize=True)
    else:
        picture.save(buffer, format="JPEG", quality=88, optimize=True)
    return buffer.getvalue()


def clean_upload(uploaded):
    """The upload re-encoded without any metadata, as a ContentFile ready to store.

    Raises ValidationError with a message an editor can act on.
    """
    uploaded.seek(0)
    data = uploaded.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        raise ValidationError(_("Pictures must be smaller than 15 MB."), code="image_size")
    picture = _pixels_only(_open(data))
    picture.thumbnail((MAX_ORIGINAL_SIDE, MAX_ORIGINAL_SIDE))
    format_name = "PNG" if picture.mode == "RGBA" else "JPEG"
    extension = ".png" if format_name == "PNG" else ".jpg"
    return ContentFile(_encode(picture, format_name), name=f"artwork{extension}")


def rendition_name(artwork_pk, size):
    return f"{rendition_folder(artwork_pk)}/{size}.jpg"


def render(artwork, size):
    """JPEG bytes of the work at this size, from the cleaned original's pixels only."""
    with artwork.image.open("rb") as original:
        picture = _pixels_only(Image.open(original))
    picture.thumbnail((RENDITION_SIZES[size], RENDITION_SIZES[size]))
    if picture.mode == "RGBA":
        background = Image.new("RGB", picture.size, "white")
        background.paste(picture, mask=picture.getchannel("A"))
        picture = background
    return _encode(picture, "JPEG")


def get_or_create_rendition(artwork, size):
    """The stored rendition's name, made from the cleaned original on first use."""
    storage = private_storage()
    name = rendition_name(artwork.pk, size)
    if not storage.exists(name):
        storage.save(name, ContentFile(render(artwork, size)))
    return name


def rendition_names(artwork_pk):
    storage = private_storage()
    folder = rendition_folder(artwork_pk)
    if not storage.exists(folder):
        return []
    return [f"{folder}/{name}" for name in storage.listdir(folder)[1]]


def delete_renditions(artwork_pk):
    """Remove every rendition of this work; returns how many files were deleted."""
    storage = private_storage()
    names = rendition_names(artwork_pk)
    for name in names:
        storage.delete(name)
    return len(names)
