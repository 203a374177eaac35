"""Translate content the way editors do: through wagtail-localize.

``translate(instance, language_code, lookup)`` submits the object for translation, fills in
each source string that ``lookup`` can translate (as importing a translated PO file into
wagtail-localize's editor would), and publishes the translation. Strings ``lookup`` does not
know stay in the source language, exactly as wagtail-localize shows an unfinished
translation, and are returned so a loader can report them.
"""

import html

from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource


def translate(instance, language_code, lookup):
    """Translate ``instance`` into the language; return the source strings left untranslated.

    ``lookup`` maps a source string to its translation, or returns None. Related snippets are
    not submitted with the object (unlike wagtail-localize's default), so official place names
    and term translations made elsewhere are never overwritten by untranslated copies.
    """
    locale = Locale.objects.get(language_code=language_code)
    if isinstance(instance, Page):
        instance = instance.specific
    # One Translation record, filled in and saved once: one revision, published once.
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    po = translation.export_po()
    missing = []
    for entry in po:
        # wagtail-localize holds strings as HTML ("Theatre &amp; drama"); look them up as text.
        translated = lookup(html.unescape(entry.msgid))
        if translated:
            entry.msgstr = html.escape(translated, quote=False)
        else:
            missing.append(entry.msgid)
    translation.import_po(po)
    if isinstance(instance, Page):
        # Saved as a draft, then published here and now. wagtail-localize's own publish waits
        # for the transaction to commit and then saves a page object held since before any
        # child pages were added, which resets the page's child count inside a long
        # transaction (a whole demo load, or a test).
        translated, _created = source.create_or_update_translation(
            locale, publish=False, fallback=True, copy_parent_pages=True
        )
        translated.get_latest_revision().publish()
    else:
        translation.save_target(publish=True)
    return missing


def translate_all(instances, language_code, lookup):
    missing = []
    for instance in instances:
        missing.extend(translate(instance, language_code, lookup))
    return missing
