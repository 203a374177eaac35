"""The regional sites in their own languages: Welsh, Scottish Gaelic and Irish versions of each
regional home page, its "about" page, its footer and its directory page, made through
wagtail-localize as an editor would (core/translation_import.py). Runs after the directory's
demo content; safe to run again (existing translations are left alone). The translated words
are data (home/demo/translations.toml).
"""

import re

from core.demo_data import read_demo_data
from core.translation_import import translate
from home.demo_regions import regional_home, regional_homes
from home.models import Footer

# region -> (language, strings, translate the directory page too?). The Welsh directory is
# translated with its activities (directory/demo_translations.py); the Gaelic and Irish sites
# link to their English directories until their activities are translated.
REGIONAL_TRANSLATIONS = {
    "wales": ("cy", True),
    "scotland": ("gd", False),
    "northern-ireland": ("ga", False),
}


def _lookup(strings):
    """Translations from ``strings``; slugs with no translation keep their English form."""

    def lookup(text):
        return strings.get(text) or (text if re.fullmatch(r"[a-z0-9-]+", text) else None)

    return lookup


def _untranslated(instance, language_code):
    return not instance.get_translations().filter(locale__language_code=language_code).exists()


def load(stdout, **options):
    missing = []
    for key, (language, with_directory) in REGIONAL_TRANSLATIONS.items():
        strings = read_demo_data("home", "translations")[language]
        home = regional_home(key)
        if home is None:
            continue
        # The directory page (by its model's name: the home app knows no other app) is
        # translated last, and only where the site's directory is translated.
        children = home.get_children().specific()
        objects = [home, *children.exclude(content_type__model="directoryindexpage")]
        if with_directory:
            objects += list(children.filter(content_type__model="directoryindexpage"))
        # A showcase's galleries sit one level down; each follows its index into the language.
        for index in children.filter(content_type__model="showcaseindexpage"):
            objects += list(index.get_children().specific())
        objects.append(
            Footer.objects.get(name=regional_homes()[key]["site_name"], locale=home.locale)
        )
        for instance in objects:
            if _untranslated(instance, language):
                missing += translate(instance, language, _lookup(strings))
    stdout.write("Translations: regional pages in cy, gd and ga.")
    for text in sorted(set(missing)):
        stdout.write(f"  left in English: {text[:70]}")
