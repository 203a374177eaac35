"""Reading the demo's content, which each app keeps as data in its own ``demo/`` folder.

The words of the demo (providers, stories, pages, translations) are content, not code: an
editor can read and change them in one TOML file without touching the loader, and the loader
keeps only what it does with them.
"""

import tomllib
from functools import cache
from pathlib import Path

from django.apps import apps


@cache
def read_demo_data(app_label, name):
    """The parsed ``<app>/demo/<name>.toml``."""
    folder = Path(apps.get_app_config(app_label).path) / "demo"
    return tomllib.loads((folder / f"{name}.toml").read_text(encoding="utf-8"))
