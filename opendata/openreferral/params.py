"""The Open Referral UK query parameters, checked and turned into the directory search's
``Filters``. Anything malformed is a 400 with a JSON body naming each bad parameter; nothing a
client sends reaches the database unchecked.
"""

import math
import re
from dataclasses import dataclass
from datetime import UTC, datetime, time

from django.conf import settings
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from rest_framework import status
from rest_framework.exceptions import APIException

from directory.search import TAXONOMY_FILTERS, Filters
from opendata.openreferral import ids
from opendata.openreferral.scope import languages
from places.postcodes import KM_PER_MILE, PostcodeError, find_district

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 100
MAX_PAGE = 100_000
MAX_SEARCH_LENGTH = 200
MAX_AGE = 150
MAX_PROXIMITY_METRES = 160_934  # 100 miles
DEFAULT_PROXIMITY_METRES = 16_093  # 10 miles, the directory page's default radius
METRES_PER_MILE = KM_PER_MILE * 1000
# iCalendar's day codes (as in a schedule's ``byday``) and English day names -> ISO weekday.
DAYS = {
    code: number
    for number, names in enumerate(
        [
            ("mo", "monday"),
            ("tu", "tuesday"),
            ("we", "wednesday"),
            ("th", "thursday"),
            ("fr", "friday"),
            ("sa", "saturday"),
            ("su", "sunday"),
        ],
        start=1,
    )
    for code in names
}
TIME_OF_DAY = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$")


class BadParameters(APIException):
    status_code = status.HTTP_400_BAD_REQUEST
    default_code = "bad_parameters"

    def __init__(self, errors):
        self.detail = {
            "detail": "Some query parameters are not valid.",
            "errors": {name: str(message) for name, message in errors.items()},
        }


@dataclass
class Listing:
    """A list request: which language, which page, how many per page."""

    language: str
    page: int
    per_page: int


@dataclass
class Search(Listing):
    filters: Filters
    # A taxonomy or term id that names nothing published: nothing can match.
    matches_nothing: bool = False


def _one(params, name):
    """The parameter's value ('' if absent); the last one wins when repeated, as in Django."""
    return params.get(name, "").strip()


def _integer(params, name, errors, default, lowest, highest):
    text = _one(params, name)
    if not text:
        return default
    try:
        value = int(text)
    except ValueError:
        errors[name] = "Give a whole number."
        return default
    if not lowest <= value <= highest:
        errors[name] = f"Give a number from {lowest} to {highest}."
        return default
    return value


def _number(params, name, errors, highest):
    text = _one(params, name)
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        errors[name] = "Give a number."
        return None
    if not math.isfinite(value) or not 0 <= value <= highest:
        errors[name] = f"Give a number from 0 to {highest}."
        return None
    return int(value) if value.is_integer() else value


def _time_of_day(params, name, errors):
    text = _one(params, name)
    if not text:
        return None
    match = TIME_OF_DAY.match(text)
    if not match:
        errors[name] = "Give a time of day as HH:MM (24-hour clock, UK time)."
        return None
    return time(int(match[1]), int(match[2]), int(match[3] or 0))


def _moment(params, name, errors):
    text = _one(params, name)
    if not text:
        return None
    try:
        value = parse_datetime(text)
        if value is None:
            day = parse_date(text)
            value = datetime.combine(day, time.min) if day else None
    except (ValueError, OverflowError):
        value = None
    if value is None:
        errors[name] = "Give an ISO 8601 date or date and time, such as 2026-09-01T09:00:00Z."
        return None
    try:
        if timezone.is_naive(value):
            value = timezone.make_aware(value, timezone.get_default_timezone())
        # The database compares in UTC: a moment at the edge of the calendar (year 1 ahead of
        # UTC, year 9999 behind it) has no UTC time.
        value.astimezone(UTC)
    except (ValueError, OverflowError):
        errors[name] = "Give a date and time between the years 1 and 9999 in UTC."
        return None
    return value


def _days(params, name, errors):
    names = [part.strip().lower() for part in _one(params, name).split(",") if part.strip()]
    unknown = [part for part in names if part not in DAYS]
    if unknown:
        errors[name] = "Give days as MO, TU, WE, TH, FR, SA or SU (commas between several)."
        return ()
    return tuple(sorted({DAYS[part] for part in names}))


def _uuids(params, name, errors):
    texts = [
        part.strip() for value in params.getlist(name) for part in value.split(",") if part.strip()
    ]
    found = [ids.parse(text) for text in texts]
    if any(value is None for value in found):
        errors[name] = "Give one or more UUIDs, separated by commas."
        return []
    return found


def listing(params, errors=None):
    """The language and paging parameters every list (and ``lang`` every item) takes."""
    errors = {} if errors is None else errors
    language = _one(params, "lang") or settings.LANGUAGE_CODE
    if language not in languages():
        errors["lang"] = "Give one of: " + ", ".join(languages()) + "."
        language = settings.LANGUAGE_CODE
    page = _integer(params, "page", errors, 1, 1, MAX_PAGE)
    per_page = _integer(params, "per_page", errors, DEFAULT_PER_PAGE, 1, MAX_PER_PAGE)
    return Listing(language, page, per_page)


def language_only(params):
    errors = {}
    found = listing(params, errors)
    if errors.get("lang"):
        raise BadParameters({"lang": errors["lang"]})
    return found.language


def search(params, term_slugs, with_location=False):
    """A ``Search`` from service (or, ``with_location``, service-at-location) parameters.

    ``term_slugs(uuids)`` gives {filter name: [slugs]} of the published terms with those ids.
    """
    errors = {}
    base = listing(params, errors)
    values = {"page": base.page, "q": _one(params, "search")}
    matches_nothing = False
    if len(values["q"]) > MAX_SEARCH_LENGTH or "\x00" in values["q"]:
        errors["search"] = f"Give at most {MAX_SEARCH_LENGTH} characters."
        values["q"] = ""

    term_ids = _uuids(params, "taxonomy_term_id", errors)
    if term_ids:
        slugs = term_slugs(term_ids)
        if sum(len(found) for found in slugs.values()) < len(set(term_ids)):
            matches_nothing = True  # an id that names no term
        values.update({name: tuple(found) for name, found in slugs.items()})
    taxonomy_ids = _uuids(params, "taxonomy_id", errors)
    if taxonomy_ids:
        by_id = {ids.taxonomy_id(name): name for name in TAXONOMY_FILTERS}
        values["with_terms"] = tuple(by_id[key] for key in taxonomy_ids if key in by_id)
        matches_nothing |= len(values["with_terms"]) < len(set(taxonomy_ids))

    youngest = _number(params, "minimum_age", errors, MAX_AGE)
    oldest = _number(params, "maximum_age", errors, MAX_AGE)
    if youngest is not None or oldest is not None:
        values["age_within"] = (youngest, oldest)
    values["time_from"] = _time_of_day(params, "start_time", errors)
    values["time_to"] = _time_of_day(params, "end_time", errors)
    values["weekdays"] = _days(params, "day", errors)
    values["modified_after"] = _moment(params, "modified_after", errors)

    if with_location:
        values["at_venue"] = True
        postcode = _one(params, "postcode")
        proximity = _number(params, "proximity", errors, MAX_PROXIMITY_METRES)
        if postcode:
            try:
                values["postcode"] = find_district(postcode[:10])
            except PostcodeError:
                errors["postcode"] = "Give a UK postcode or postcode district we know."
            metres = DEFAULT_PROXIMITY_METRES if proximity is None else proximity
            values["radius"] = metres / METRES_PER_MILE
        elif proximity is not None:
            errors["proximity"] = "Give a postcode to measure the proximity from."
    if errors:
        raise BadParameters(errors)
    if not values["q"] and "postcode" not in values:
        # A to Z rather than the directory's soonest first: a consumer paging through every
        # service should not see the order change as sessions pass between two requests.
        values["sort"] = "az"
    filters = Filters(**{name: value for name, value in values.items() if value is not None})
    return Search(base.language, base.page, base.per_page, filters, matches_nothing)
