"""The interface catalogs in locale/: Welsh complete, Gaelic and Irish complete for everything a
reader sees, correct plural rules, and compiled .mo files that match their .po sources (a fresh
machine without gettext uses the committed .mo files as they are)."""

from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"

PLURAL_FORMS = {
    "cy": "nplurals=4; plural=(n==1) ? 0 : (n==2) ? 1 : (n != 8 && n != 11) ? 2 : 3;",
    "gd": (
        "nplurals=4; plural=(n==1 || n==11) ? 0 : (n==2 || n==12) ? 1 : (n > 2 && n < 20) ? 2 : 3;"
    ),
    "ga": "nplurals=5; plural=n==1 ? 0 : n==2 ? 1 : n<7 ? 2 : n<11 ? 3 : 4;",
}

# Python modules whose strings a reader sees: form labels and errors, sort and radius options,
# school stages, facet and cost labels, the empty state's suggestions, region names, and the open
# data a consumer reads (Open Referral schedule and cost labels, the OpenActive feeds' names and
# descriptions on the dataset page).
PUBLIC_MODULES = {
    "backpack/bookings.py",
    "backpack/forms.py",
    "backpack/models.py",
    "backpack/planning.py",
    "backpack/views.py",
    "directory/forms.py",
    "directory/search/presenter.py",
    "directory/templatetags/directory_tags.py",
    "places/stages.py",
    "regions/regions.py",
    "search/forms.py",
    "stories/listing.py",
    "insights/live_figures.py",
    "opendata/openactive/views.py",
    "opendata/openreferral/records.py",
}


def catalog(language):
    return polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))


def is_public(entry):
    for path, _line in entry.occurrences:
        if path in PUBLIC_MODULES:
            return True
        if "/templates/" in f"/{path}" and "/admin/" not in path:
            return True
    return False


def describe(entries):
    return "\n".join(f"  {entry.msgid!r} ({entry.occurrences[0][0]})" for entry in entries)


def test_welsh_catalog_is_complete():
    po = catalog("cy")
    assert len(po) > 100
    untranslated = po.untranslated_entries()
    fuzzy = po.fuzzy_entries()
    assert not untranslated, f"Untranslated Welsh strings:\n{describe(untranslated)}"
    assert not fuzzy, f"Fuzzy Welsh strings:\n{describe(fuzzy)}"
    assert not po.obsolete_entries()


@pytest.mark.parametrize("language", ["gd", "ga"])
def test_gaelic_and_irish_translate_everything_a_reader_sees(language):
    po = catalog(language)
    public = [entry for entry in po if is_public(entry)]
    assert len(public) > 150
    missing = [entry for entry in public if not entry.translated()]
    assert not missing, f"Untranslated public strings in {language}:\n{describe(missing)}"
    assert not po.fuzzy_entries()


@pytest.mark.parametrize("language", ["cy", "gd", "ga"])
def test_plural_rules_and_forms(language):
    po = catalog(language)
    assert po.metadata["Language"] == language
    assert po.metadata["Plural-Forms"] == PLURAL_FORMS[language]
    forms = int(PLURAL_FORMS[language].split(";")[0].split("=")[1])
    for entry in po:
        if entry.msgid_plural and entry.translated():
            assert sorted(entry.msgstr_plural) == list(range(forms)), entry.msgid


def translations(entries):
    """{(context, msgid): msgstr or {form: msgstr}} for the translated entries."""
    return {
        (entry.msgctxt, entry.msgid): (
            {int(form): text for form, text in entry.msgstr_plural.items()}
            if entry.msgid_plural
            else entry.msgstr
        )
        for entry in entries
        if entry.msgid and (entry.msgstr or any(entry.msgstr_plural.values()))
    }


@pytest.mark.parametrize("language", ["cy", "gd", "ga"])
def test_compiled_catalog_matches_its_source(language):
    """Forgetting `make messages` after editing a .po file would ship stale translations."""
    folder = LOCALE_DIR / language / "LC_MESSAGES"
    compiled = translations(polib.mofile(str(folder / "django.mo")))
    source = translations(polib.pofile(str(folder / "django.po")))
    assert compiled == source


def test_django_loads_the_catalogs():
    expected = {
        "en": "Search this site",
        "cy": "Chwilio'r wefan hon",
        "gd": "Lorg san làrach-lìn seo",
        "ga": "Cuardaigh an suíomh seo",
    }
    for language, text in expected.items():
        with translation.override(language):
            assert translation.gettext("Search this site") == text
    with translation.override("cy"):
        assert (
            translation.ngettext("%(counter)s activity", "%(counter)s activities", 2)
            % {"counter": 2}
            == "2 weithgaredd"
        )
