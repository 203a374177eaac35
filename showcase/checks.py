"""Refuse a configuration that would put children's files where the public can fetch them."""

from pathlib import Path

from django.conf import settings
from django.core import checks


def _inside(child, parent):
    child, parent = Path(child).resolve(), Path(parent).resolve()
    return child == parent or parent in child.parents or child in parent.parents


@checks.register(checks.Tags.security)
def private_root_is_private(app_configs, **kwargs):
    root = getattr(settings, "SHOWCASE_PRIVATE_ROOT", "")
    if not root:
        return [checks.Error("SHOWCASE_PRIVATE_ROOT is not set.", id="showcase.E001")]
    public = [settings.MEDIA_ROOT, settings.STATIC_ROOT, *settings.STATICFILES_DIRS]
    clashes = [folder for folder in public if folder and _inside(root, folder)]
    if clashes:
        return [
            checks.Error(
                f"SHOWCASE_PRIVATE_ROOT ({root}) overlaps a publicly served folder "
                f"({clashes[0]}). Children's artwork must live where no URL reaches it.",
                id="showcase.E002",
            )
        ]
    return []
