"""Private storage for children's artwork.

Wagtail image originals and renditions are public files by default (anyone with the address
can fetch them from MEDIA_URL or the bucket). Artwork files are kept instead in a plain folder,
SHOWCASE_PRIVATE_ROOT, that no URL maps to: this storage refuses to produce a URL at all, so a
template that tries ``{{ artwork.image.url }}`` fails loudly instead of leaking a path. The only
way out is ``showcase.views.artwork_media``, which checks the consent rule on every request.
"""

import os
import uuid

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateFileURLError(RuntimeError):
    pass


class PrivateStorage(FileSystemStorage):
    """A file-system storage with no public URL, whose folder is read from settings on each use
    (so tests can point it at a temporary folder)."""

    def __init__(self):
        super().__init__(location=None, base_url=None)

    @property
    def base_location(self):
        return settings.SHOWCASE_PRIVATE_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise PrivateFileURLError(
            "Showcase files have no public URL; serve them through showcase.views.artwork_media."
        )


_storage = PrivateStorage()


def private_storage():
    """The storage callable the model fields name (migrations keep a reference, not a path)."""
    return _storage


def original_upload_path(instance, filename):
    """A random name: an uploaded file's own name often carries a child's name or a school."""
    extension = os.path.splitext(filename)[1].lower()
    return f"originals/{uuid.uuid4().hex}{extension}"


def rendition_folder(artwork_pk):
    return f"renditions/{int(artwork_pk)}"
