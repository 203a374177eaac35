"""The directory's starting vocabularies, as the design lists them. Editors manage them
afterwards; this only adds terms that are missing (by slug) in the default language."""

import uuid

from django.db import migrations

TERMS = {
    "ArtForm": [
        ("music", "Music"),
        ("dance", "Dance"),
        ("theatre-drama", "Theatre & drama"),
        ("visual-art-craft", "Visual art & craft"),
        ("film-animation", "Film & animation"),
        ("digital-games-design", "Digital & games design"),
        ("literature-poetry-storytelling", "Literature, poetry & storytelling"),
        ("museums-heritage", "Museums & heritage"),
        ("circus-street-arts", "Circus & street arts"),
        ("photography", "Photography"),
        ("architecture-design", "Architecture & design"),
        ("combined-arts-festivals", "Combined arts & festivals"),
    ],
    "Format": [
        ("comes-to-school", "Comes to your school"),
        ("visit-a-venue", "Visit a venue"),
        ("online", "Online"),
        ("hybrid", "Hybrid"),
        ("outdoors-community", "Outdoors / in the community"),
    ],
    "AccessFeature": [
        ("wheelchair-access", "Wheelchair access"),
        ("bsl", "British Sign Language (BSL)"),
        ("audio-description", "Audio description"),
        ("captions", "Captions"),
        ("relaxed", "Relaxed / sensory-friendly"),
        ("send-adapted", "Adapted for SEND"),
    ],
    "DeliveryLanguage": [
        ("english", "English"),
        ("welsh", "Welsh"),
        ("scottish-gaelic", "Scottish Gaelic"),
        ("irish", "Irish"),
        ("bilingual", "Bilingual"),
    ],
}


def add_terms(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    english, _ = Locale.objects.get_or_create(language_code="en")
    for model_name, terms in TERMS.items():
        model = apps.get_model("directory", model_name)
        for order, (slug, name) in enumerate(terms):
            if not model.objects.filter(slug=slug, locale=english).exists():
                model.objects.create(
                    slug=slug, name=name, sort_order=order, locale=english, translation_key=uuid.uuid4()
                )


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial"), ("home", "0002_locales")]

    operations = [migrations.RunPython(add_terms, migrations.RunPython.noop)]
