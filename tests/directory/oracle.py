"""The directory's filter rules, restated in plain Python over the test's own records.

Written from the rules the directory promises (and the README states), not from the search
code: if the two disagree, one of them is wrong.
"""

from datetime import datetime, time, timedelta

from django.utils import timezone

from places.postcodes import KM_PER_MILE, distance_km
from places.stages import stages_for


def _prefixes(lineage):
    parts = lineage.strip("/").split("/")
    return {"/" + "/".join(parts[: i + 1]) + "/" for i in range(len(parts))}


def near(record, filters, local_authority_lineage):
    if record.latitude is not None:
        km = distance_km(
            filters.postcode.latitude, filters.postcode.longitude, record.latitude, record.longitude
        )
        return km <= filters.radius * KM_PER_MILE
    if not local_authority_lineage:
        return False
    return any(lineage in _prefixes(local_authority_lineage) for lineage in record.place_lineages)


def available(record, date_from, date_to):
    date_from, date_to = date_from or date_to, date_to or date_from
    if record.availability == "on_request":
        start, end = record.window
        return (start is None or start <= date_to) and (end is None or end >= date_from)
    zone = timezone.get_current_timezone()
    lower = datetime.combine(date_from, time.min, tzinfo=zone)
    upper = datetime.combine(date_to + timedelta(days=1), time.min, tzinfo=zone)
    return any(start < upper and (end or start) >= lower for start, end in record.sessions)


def year_groups(age_min, age_max):
    """The ages at the start of the school year of the year groups an activity for these ages
    suits: children stay within its ages all year (age y to y + 1), or, for an activity for one
    age only, they start the year at that age."""
    if age_min == age_max:
        return {age_min}
    return {age for age in range(age_min, age_max) if age + 1 <= age_max}


def in_stage(record, stage):
    """An activity is in a stage when it suits at least one whole year group of the stage (the
    stage's ages, as labelled, run from its youngest year's start to its oldest year's end)."""
    return bool(
        year_groups(record.age_min, record.age_max) & set(range(stage.age_min, stage.age_max))
    )


def matches(record, filters, skip=None, local_authority_lineage=None):
    checks = {
        "place": lambda: any(
            lineage.startswith(filters.place.lineage) for lineage in record.place_lineages
        ),
        "postcode": lambda: near(record, filters, local_authority_lineage),
        "art_form": lambda: bool(record.art_forms & set(filters.art_form)),
        "format": lambda: bool(record.formats & set(filters.format)),
        "access": lambda: set(filters.access) <= record.access,
        "language": lambda: bool(record.languages & set(filters.language)),
        "age": lambda: (
            (filters.age_range[0] is None or record.age_max >= filters.age_range[0])
            and (filters.age_range[1] is None or record.age_min <= filters.age_range[1])
        ),
        "stage": lambda: in_stage(record, filters.stage),
        "free": lambda: record.is_free,
        "max_price": lambda: (
            record.is_free or (record.price is not None and record.price <= filters.max_price)
        ),
        "date_from": lambda: available(record, filters.date_from, filters.date_to),
        "in_care": lambda: record.in_care,
        "cpd": lambda: record.cpd,
    }
    active = {
        "place": filters.place is not None,
        "postcode": filters.postcode is not None,
        "art_form": bool(filters.art_form),
        "format": bool(filters.format),
        "access": bool(filters.access),
        "language": bool(filters.language),
        "age": filters.age_range is not None,
        "stage": filters.stage is not None,
        "free": filters.free,
        "max_price": filters.max_price is not None,
        "date_from": bool(filters.date_from or filters.date_to),
        "in_care": filters.in_care,
        "cpd": filters.cpd,
    }
    return all(checks[name]() for name, on in active.items() if on and name != skip)


def expected_ids(world, filters, local_authority_lineage=None, skip=None):
    return {r.pk for r in world if matches(r, filters, skip, local_authority_lineage)}


def expected_facets(world, filters, nation_code=None, local_authority_lineage=None):
    facets = {}
    for name, attribute in (
        ("art_form", "art_forms"),
        ("format", "formats"),
        ("access", "access"),
        ("language", "languages"),
    ):
        counts = {}
        for record in world:
            if matches(record, filters, name, local_authority_lineage):
                for value in getattr(record, attribute):
                    counts[value] = counts.get(value, 0) + 1
        facets[name] = counts
    facets["stage"] = {
        stage.slug: sum(
            1
            for r in world
            if matches(r, filters, "stage", local_authority_lineage) and in_stage(r, stage)
        )
        for stage in stages_for(nation_code)
    }
    for name, attribute in (("free", "is_free"), ("in_care", "in_care"), ("cpd", "cpd")):
        facets[name] = sum(
            1
            for r in world
            if matches(r, filters, name, local_authority_lineage) and getattr(r, attribute)
        )
    return facets
