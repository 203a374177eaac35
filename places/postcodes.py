"""UK postcodes reduced to their district (outward code) and placed at its centroid.

The district file (places/data/postcode_districts.csv, sources and licence in SOURCES.md)
has about 2,900 rows, so it is read once per process. A full postcode is never stored or
looked up: the district is precise enough for "near my school" and reveals less.
"""

import csv
import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

DATA_FILE = Path(__file__).resolve().parent / "data" / "postcode_districts.csv"
EARTH_RADIUS_KM = 6371.0088
KM_PER_MILE = 1.609344

# Outward code: area (1–2 letters) + district (digit, then an optional digit or letter).
_OUTWARD = r"[A-Z]{1,2}[0-9][0-9A-Z]?"
_FULL_POSTCODE = re.compile(rf"^({_OUTWARD})\s*([0-9][A-Z]{{2}})$")
_DISTRICT_ONLY = re.compile(rf"^({_OUTWARD})$")


class PostcodeError(ValueError):
    """The text is not a UK postcode, or its district is not in the data."""


@dataclass(frozen=True)
class District:
    code: str
    latitude: float
    longitude: float
    local_authority_code: str


@cache
def _districts():
    with DATA_FILE.open(newline="", encoding="utf-8") as handle:
        return {
            row["district"]: District(
                row["district"],
                float(row["latitude"]),
                float(row["longitude"]),
                row.get("local_authority_code", ""),
            )
            for row in csv.DictReader(handle)
            if row["latitude"] and row["longitude"]
        }


def outward_code(text):
    """'le1 6ad' -> 'LE1'; 'CF10' -> 'CF10'. Raises PostcodeError for anything else."""
    cleaned = re.sub(r"\s+", " ", (text or "").upper()).strip()
    for pattern in (_FULL_POSTCODE, _DISTRICT_ONLY):
        match = pattern.match(cleaned)
        if match:
            return match.group(1)
    # "LE16AD" without a space: the inward code is always the last three characters.
    compact = cleaned.replace(" ", "")
    match = _FULL_POSTCODE.match(f"{compact[:-3]} {compact[-3:]}") if len(compact) > 4 else None
    if match:
        return match.group(1)
    raise PostcodeError("not a postcode")


def find_district(text):
    code = outward_code(text)
    district = _districts().get(code)
    if district is None:
        raise PostcodeError("unknown district")
    return district


@dataclass(frozen=True)
class Location:
    """Where a venue is, as the directory's distance search needs it."""

    latitude: float
    longitude: float

    @property
    def vector(self):
        """The point on the unit sphere (see ``unit_vector``)."""
        return unit_vector(self.latitude, self.longitude)


def locate(postcode):
    """The Location of a postcode's district, or None if it is empty or not one we know.

    The one place a venue's position is computed: provider venues and activities both ask here.
    """
    try:
        district = find_district(postcode)
    except PostcodeError:
        return None
    return Location(district.latitude, district.longitude)


POSTCODE_MESSAGE = _("Enter a UK postcode we recognise, such as LE1 6AD.")


def validate_postcode(value):
    """Model/form field validator: a UK postcode whose district is in the data."""
    try:
        find_district(value)
    except PostcodeError:
        raise ValidationError(POSTCODE_MESSAGE, code="unknown_postcode") from None


def distance_km(lat1, lon1, lat2, lon2):
    """Great-circle distance (haversine)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def bounding_box(latitude, longitude, radius_km):
    """A latitude/longitude box that contains every point within ``radius_km``."""
    dlat = math.degrees(radius_km / EARTH_RADIUS_KM)
    dlon = math.degrees(radius_km / (EARTH_RADIUS_KM * math.cos(math.radians(latitude))))
    return latitude - dlat, latitude + dlat, longitude - dlon, longitude + dlon


def unit_vector(latitude, longitude):
    """(x, y, z) of a point on the unit sphere, or None without coordinates."""
    if latitude is None or longitude is None:
        return None
    phi, lam = math.radians(latitude), math.radians(longitude)
    return (math.cos(phi) * math.cos(lam), math.cos(phi) * math.sin(lam), math.sin(phi))


def chord_for_km(km):
    """Straight-line distance through the unit sphere matching ``km`` along the surface."""
    return 2 * math.sin(km / (2 * EARTH_RADIUS_KM))
