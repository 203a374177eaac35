"""Loading the UK place hierarchy from places/data/places.csv (sources in SOURCES.md).

English names are the source rows; official Welsh names become Welsh translations of the same
places (same translation key, so filters and links match in both languages).
"""

import csv
from pathlib import Path

from django.db import transaction
from wagtail.models import Locale

from places.models import Place

PLACES_FILE = Path(__file__).resolve().parent / "data" / "places.csv"
KIND_ORDER = {"nation": 0, "region": 1, "local_authority": 2}


def _float(value):
    return float(value) if value else None


@transaction.atomic
def load_places(path=PLACES_FILE):
    """Create or update every place in the file. Returns (created, updated) counts."""
    english = Locale.objects.get(language_code="en")
    welsh = Locale.objects.filter(language_code="cy").first()
    with open(path, newline="", encoding="utf-8") as handle:
        rows = sorted(csv.DictReader(handle), key=lambda row: KIND_ORDER[row["kind"]])
    existing = {place.code: place for place in Place.objects.filter(locale=english)}
    created = updated = 0
    for row in rows:
        values = {
            "name": row["name"],
            "kind": row["kind"],
            "parent": existing.get(row["parent_code"]) if row["parent_code"] else None,
            "latitude": _float(row["latitude"]),
            "longitude": _float(row["longitude"]),
            "gss_code": row.get("gss_code", ""),
        }
        place = existing.get(row["code"])
        if place is None:
            place = Place(code=row["code"], locale=english, **values)
            place.save()
            existing[place.code] = place
            created += 1
        elif any(getattr(place, key) != value for key, value in values.items()):
            for key, value in values.items():
                setattr(place, key, value)
            place.save()
            updated += 1
        if welsh and row.get("name_cy"):
            _welsh_name(place, welsh, row["name_cy"])
    return created, updated


def _welsh_name(place, welsh, name):
    translation = Place.objects.filter(translation_key=place.translation_key, locale=welsh).first()
    parent = None
    if place.parent_id:
        parent = (
            Place.objects.filter(translation_key=place.parent.translation_key, locale=welsh).first()
            or place.parent
        )
    if translation is None:
        translation = place.copy_for_translation(welsh)
    translation.name = name
    translation.parent = parent
    translation.save()
