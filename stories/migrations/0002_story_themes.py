"""The starting story themes. Editors manage them afterwards; this only adds themes that are
missing (by slug) in the default language."""

import uuid

from django.db import migrations

THEMES = [
    ("wellbeing-resilience", "Wellbeing and resilience"),
    ("skills-careers", "Skills and careers"),
    ("social-mobility", "Social mobility"),
    ("children-in-care", "Children in care"),
    ("teachers-cpd", "Teachers' professional development"),
    ("place-based-partnership", "Place-based partnership"),
    ("access-inclusion", "Access and inclusion"),
    ("policy-advocacy", "Policy and advocacy"),
    ("heritage-museums", "Heritage and museums"),
    ("reading-libraries", "Reading and libraries"),
]


def add_themes(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Theme = apps.get_model("stories", "Theme")
    english, _ = Locale.objects.get_or_create(language_code="en")
    for order, (slug, name) in enumerate(THEMES):
        if not Theme.objects.filter(slug=slug, locale=english).exists():
            Theme.objects.create(
                slug=slug, name=name, sort_order=order, locale=english, translation_key=uuid.uuid4()
            )


class Migration(migrations.Migration):
    dependencies = [("stories", "0001_initial"), ("home", "0002_locales")]

    operations = [migrations.RunPython(add_themes, migrations.RunPython.noop)]
