"""The Wales site's directory in Welsh: its providers (the Cardiff pilot area's, the
Welsh-medium company in the valleys and the animation studio) and all their activities,
translated through wagtail-localize (core/translation_import.py). Runs after
home/demo_translations.py has translated the Wales home and directory pages. The Welsh words
are data (directory/demo/translations.toml). Safe to run again.
"""

import re

from core.demo_data import read_demo_data
from core.translation_import import translate
from directory.models import ProviderPage


def translations():
    return read_demo_data("directory", "translations")


def welsh(text):
    """The Welsh for ``text``, or None. Descriptions are made of whole sentences (one paragraph
    each), so every string the demo writes is looked up as it is."""
    data = translations()
    if text in data["cy"]:
        return data["cy"][text]
    # Names that stay as they are in Welsh (Welsh-medium companies' and venues' own names) and
    # slugs.
    if text in data["names"] or re.fullmatch(r"[a-z0-9-]+", text):
        return text
    return None


def load(stdout, **options):
    missing = []
    for slug in translations()["providers"]:
        provider = ProviderPage.objects.filter(slug=slug, locale__language_code="en").first()
        if (
            provider is None
            or provider.get_translations().filter(locale__language_code="cy").exists()
        ):
            continue
        missing += translate(provider, "cy", welsh)
        for activity in provider.get_children().specific():
            missing += translate(activity, "cy", welsh)
    if missing:
        stdout.write("Welsh directory strings left in English: " + "; ".join(sorted(set(missing))))
