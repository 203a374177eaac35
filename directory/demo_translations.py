"""The Wales site's directory in Welsh: its two providers (one Welsh-medium) and all their
activities, translated through wagtail-localize (core/translation_import.py). Runs after
home/demo_translations.py has translated the Wales home and directory pages. The Welsh words are
data (directory/demo/translations.toml). Safe to run again.
"""

import re

from core.demo_data import read_demo_data
from core.translation_import import translate
from directory.models import ProviderPage


def translations():
    return read_demo_data("directory", "translations")


# Sentences the generator builds from parts: translated part by part.
LED_BY = re.compile(r"^(?P<summary>.+) Led by (?P<provider>.+), for up to one class at a time\.$")
AGES = re.compile(r"^(?P<title>.+): ages (?P<low>\d+) to (?P<high>\d+)$")


def welsh(text):
    strings = translations()["cy"]
    if text in strings:
        return strings[text]
    if match := LED_BY.match(text):
        summary, provider = welsh(match["summary"]), welsh(match["provider"]) or match["provider"]
        if summary:
            return f"{summary} Dan arweiniad {provider}, i un dosbarth ar y tro."
    if match := AGES.match(text):
        title = welsh(match["title"])
        if title:
            return f"{title}: oed {match['low']} i {match['high']}"
    # Names and slugs that stay as they are in Welsh (a Welsh-medium company's own name, the
    # venue, generated slugs).
    if (
        text in translations()["providers"]
        or re.fullmatch(r"[a-z0-9-]+", text)
        or "Cymoedd" in text
    ):
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
