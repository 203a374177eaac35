"""Directory pages as Open Referral UK records (plain dicts the serializers render).

What maps to what:
- a provider (ProviderPage) is an organization;
- an activity (ActivityPage) is a service: its summary the description, its ages
  ``minimum_age``/``maximum_age``, its price (or "free") a cost option, its dated sessions
  one schedule each (or one schedule for its "on request" window), its languages of delivery
  languages, and its art forms, formats, access features and languages of delivery
  attributes linking the service to taxonomy terms;
- an activity's venue (one of its provider's, or its own) is a location with one address,
  and the service held there a service-at-location. Activities with no venue (they come to
  the school, or run online) have none.

Values the database leaves empty are left out rather than sent as null: the profile's JSON
schemas type every optional field as a plain string or number.
"""

from django.conf import settings
from django.db.models import Value
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from core import site_cache
from directory.models import (
    AccessFeature,
    ActivityPage,
    ActivitySession,
    ArtForm,
    DeliveryLanguage,
    Format,
    ProviderPage,
)
from directory.search.filters import RELATIONS_BY_FIELD
from directory.structured_data import LANGUAGE_TAGS
from opendata.openreferral import ids
from places.models import Place
from places.postcodes import PostcodeError, find_district

STATUS_ACTIVE = "active"
# The taxonomies, by the search package's filter name: (model, activity field, name). Names and
# descriptions are marked here and translated when a response is written.
TAXONOMIES = {
    "art_form": (ArtForm, "art_forms", gettext_noop("Art forms")),
    "format": (Format, "formats", gettext_noop("Formats")),
    "access": (AccessFeature, "access_features", gettext_noop("Access features")),
    "language": (DeliveryLanguage, "delivery_languages", gettext_noop("Languages of delivery")),
}
TAXONOMY_DESCRIPTIONS = {
    "art_form": gettext_noop("The art forms an activity offers children."),
    "format": gettext_noop(
        "How an activity is delivered: at school, at a venue, online, outdoors."
    ),
    "access": gettext_noop(
        "What an activity offers disabled children and children with additional needs."
    ),
    "language": gettext_noop("The languages an activity is delivered in."),
}
ICAL_DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


# Records hold JSON's own types (text for ids, dates and date-times) so that the renderer never
# falls back to converting objects one by one: on a page of a hundred services that fallback
# cost as much as building the records.
_id = ids.derived_text


def _date(day):
    return day.isoformat() if day else None


def _date_time(moment):
    """In the site's time zone, written as Django REST framework writes a date-time."""
    if not moment:
        return None
    text = timezone.localtime(moment).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


# Sentences every record of a kind repeats: translated once per request (ServiceBuilder).
WORDS = {
    "on_request": gettext_noop("On request during term time"),
    "dated": gettext_noop("A dated session"),
    "free": gettext_noop("Free to schools"),
    "bursaries": gettext_noop("Bursaries and subsidised places"),
}


def _compact(record):
    return {key: value for key, value in record.items() if value not in (None, "")}


def taxonomy_name(name):
    return _(TAXONOMIES[name][2])


def taxonomy(name):
    return {
        "id": str(ids.taxonomy_id(name)),
        "name": taxonomy_name(name),
        "description": _(TAXONOMY_DESCRIPTIONS[name]),
    }


class TermIndex:
    """Every published term of the four taxonomies, named in the reader's language (else the
    default language, else any): four small queries per request."""

    def __init__(self, language_code):
        self.by_key = {}  # translation_key -> record
        self.order = []  # (taxonomy order, sort_order, name, key)
        for position, (name, (model, _field, _label)) in enumerate(TAXONOMIES.items()):
            best = {}
            rows = model.objects.values_list(
                "translation_key", "name", "slug", "sort_order", "locale__language_code"
            )
            for key, term_name, slug, sort_order, language in rows:
                rank = (
                    0
                    if language == language_code
                    else 1
                    if language == settings.LANGUAGE_CODE
                    else 2
                )
                if key not in best or rank < best[key][0]:
                    best[key] = (rank, term_name, slug, sort_order)
            for key, (_rank, term_name, slug, sort_order) in best.items():
                self.by_key[key] = {
                    "id": str(key),
                    "name": term_name,
                    "description": f"{taxonomy_name(name)}: {term_name}",
                    "taxonomy": taxonomy_name(name),
                    "taxonomy_id": str(ids.taxonomy_id(name)),
                    "term": slug,
                    "filter": name,
                }
                self.order.append((position, sort_order, term_name, key))
        self.order.sort()

    @classmethod
    def for_language(cls, language_code):
        """The index for ``language_code``, kept in the site cache (saving a term starts a new
        site generation: directory/wagtail_hooks.py declares the taxonomies)."""
        return site_cache.remember(
            ("openreferral-terms", language_code), lambda: cls(language_code)
        )

    def terms(self, taxonomy_filter=None):
        records = [self.by_key[key] for *_rest, key in self.order]
        if taxonomy_filter:
            records = [record for record in records if record["filter"] == taxonomy_filter]
        return [public_term(record) for record in records]

    def get(self, key):
        record = self.by_key.get(key)
        return public_term(record) if record else None

    def slugs(self, keys):
        """{filter name: [slugs]} of the terms with these translation keys."""
        found = {}
        for key in set(keys):
            record = self.by_key.get(key)
            if record:
                found.setdefault(record["filter"], []).append(record["term"])
        return found


def public_term(record):
    return {key: value for key, value in record.items() if key != "filter"}


def organization(provider, request, uri=None):
    """``uri``: the provider's address when the caller has it (see ``child_address``)."""
    record = _compact(
        {
            "id": str(provider.translation_key),
            "name": provider.title,
            "email": provider.contact_email,
            "website": provider.website,
            "uri": uri or provider.get_full_url(request),
        }
    )
    # Required by the profile, so sent even when empty; HTML, as the profile allows.
    record["description"] = expand_db_html(provider.description or "")
    return record


def child_address(parent_address, page, request):
    """``page``'s full address from its parent's. A Wagtail page's address is its parent's
    followed by its slug, so a page of services reverses one URL per parent (a directory, a
    provider) rather than one per record; Wagtail's own reversal is used when the parent's
    address is not at hand (tests/opendata/test_openreferral_contract.py checks the two
    agree)."""
    if parent_address and parent_address.endswith("/"):
        return f"{parent_address}{page.slug}/"
    return page.get_full_url(request)


def _parent_addresses(pages, request):
    """{path: full address} of the parents of ``pages`` (one query)."""
    paths = {page.path[: -page.steplen] for page in pages}
    return {
        parent.path: parent.get_full_url(request)
        for parent in Page.objects.filter(path__in=paths).only("id", "path", "url_path", "locale")
    }


def _providers_of(activities):
    """The live providers of ``activities`` by path. Wagtail leaves a page's children live
    when only the page is unpublished, so an activity can outlive its provider's page: it is
    then sent with no organization rather than with the unpublished provider's details."""
    paths = {activity.path[: -activity.steplen] for activity in activities}
    providers = ProviderPage.objects.live().filter(path__in=paths)
    return {provider.path: provider for provider in providers}


def _areas(activities, language_code):
    """Postcode -> (local authority name, nation name) in the reader's language where known."""
    codes = {}
    for activity in activities:
        if activity.venue_postcode:
            try:
                district = find_district(activity.venue_postcode)
            except PostcodeError:
                continue
            codes[activity.venue_postcode] = district.local_authority_code
    if not codes:
        return {}
    places = {}
    rows = Place.objects.filter(code__in=set(codes.values())).values_list(
        "code", "name", "lineage", "locale__language_code"
    )
    nations = set()
    for code, name, lineage, language in rows:
        rank = 0 if language == language_code else 1 if language == settings.LANGUAGE_CODE else 2
        if code not in places or rank < places[code][0]:
            places[code] = (rank, name, lineage.strip("/").split("/")[0])
            nations.add(places[code][2])
    nation_names = {}
    for code, name, language in Place.objects.filter(code__in=nations).values_list(
        "code", "name", "locale__language_code"
    ):
        rank = 0 if language == language_code else 1 if language == settings.LANGUAGE_CODE else 2
        if code not in nation_names or rank < nation_names[code][0]:
            nation_names[code] = (rank, name)
    found = {}
    for postcode, code in codes.items():
        if code in places:
            _rank, name, nation = places[code]
            found[postcode] = (name, nation_names.get(nation, (0, ""))[1])
    return found


def _local(moment, zone):
    return moment.astimezone(zone)


def _clock(moment):
    """HH:MM with the UTC offset, as the profile asks ("10:00+01:00")."""
    return moment.isoformat(timespec="minutes")[11:]


def _schedules(activity, sessions, service_id, words):
    """``sessions``: the activity's (start, end) pairs; ``words``: WORDS translated."""
    if activity.availability == activity.Availability.ON_REQUEST:
        return [
            _compact(
                {
                    "id": _id("schedule", service_id, "on-request"),
                    "service_id": service_id,
                    "valid_from": _date(activity.available_from),
                    "valid_to": _date(activity.available_until),
                    "description": words["on_request"],
                    "schedule_link": activity.booking_url,
                    "notes": activity.duration,
                }
            )
        ]
    schedules = []
    zone = timezone.get_current_timezone()
    for session_start, session_end in sorted(sessions, key=lambda pair: pair[0]):
        start = _local(session_start, zone)
        end = _local(session_end, zone) if session_end else None
        schedules.append(
            _compact(
                {
                    "id": _id("schedule", service_id, session_start.isoformat()),
                    "service_id": service_id,
                    "valid_from": _date(start.date()),
                    "valid_to": _date((end or start).date()),
                    "dtstart": _date(start.date()),
                    "byday": ICAL_DAYS[start.weekday()],
                    "opens_at": _clock(start),
                    "closes_at": _clock(end) if end else None,
                    "description": words["dated"],
                    "schedule_link": activity.booking_url,
                    "notes": activity.duration,
                }
            )
        )
    return schedules


def _cost_options(activity, service_id, words):
    if activity.is_free:
        return [
            {
                "id": _id("cost", service_id, "price"),
                "service_id": service_id,
                "option": words["free"],
                "amount": 0,
                "amount_description": words["free"],
            }
        ]
    options = []
    if activity.price is not None:
        unit = words["price_units"].get(activity.price_unit, "")
        options.append(
            _compact(
                {
                    "id": _id("cost", service_id, "price"),
                    "service_id": service_id,
                    "option": unit,
                    "amount": activity.price,
                    "amount_description": f"£{activity.price} {unit}".strip(),
                }
            )
        )
    if activity.bursaries.strip():
        options.append(
            {
                "id": _id("cost", service_id, "bursaries"),
                "service_id": service_id,
                "option": words["bursaries"],
                "amount_description": activity.bursaries.strip(),
            }
        )
    return options


def _location(activity, areas):
    location_id = str(ids.location_id(activity))
    city, nation = areas.get(activity.venue_postcode, ("", ""))
    address = activity.published_venue_address
    location = {
        "id": location_id,
        "location_type": "physical",
        "name": activity.venue_name or address.postcode,
        "latitude": activity.latitude,
        "longitude": activity.longitude,
    }
    if activity.venue_postcode:
        location["addresses"] = [
            {
                "id": _id("address", location_id),
                "location_id": location_id,
                "address_1": ", ".join(
                    line.strip() for line in address.street.splitlines() if line.strip()
                ),
                "city": city,
                "state_province": nation,
                "postal_code": address.postcode,
                "country": "GB",
                "address_type": "physical",
            }
        ]
    return _compact(location)


def has_venue(activity):
    return bool(activity.venue_name or activity.venue_postcode)


def service_at_location(activity, service_id, areas):
    location = _location(activity, areas)
    return {
        "id": service_id,
        "service_id": service_id,
        "location_id": location["id"],
        "location": location,
    }


def _linked_terms(activity_ids):
    """Activity id -> [(taxonomy filter name, term translation key, term slug)], in the
    taxonomies' order and, within one, the terms' sort order (as the prefetched relations
    gave them). One query: the four link tables' rows in a UNION, sorted here."""
    parts = []
    for position, (_model, field, _label) in enumerate(TAXONOMIES.values()):
        link = ActivityPage._meta.get_field(field).remote_field.through
        column = RELATIONS_BY_FIELD[field]
        parts.append(
            link.objects.filter(activitypage_id__in=activity_ids)
            .annotate(position=Value(position))
            .values_list(
                "position",
                f"{column}__sort_order",
                f"{column}__name",
                f"{column}_id",
                "activitypage_id",
                f"{column}__translation_key",
                f"{column}__slug",
            )
            .order_by()
        )
    rows = sorted(parts[0].union(*parts[1:], all=True))
    names = list(TAXONOMIES)
    found = {}
    for position, _order, _name, _id, activity_id, key, slug in rows:
        found.setdefault(activity_id, []).append((names[position], key, slug))
    return found


class ServiceBuilder:
    """Builds service records for a page of activities in a fixed number of queries."""

    def __init__(self, request, language_code, terms):
        self.request = request
        self.language_code = language_code
        self.terms = terms
        self.words = {key: _(message) for key, message in WORDS.items()}
        self.words["price_units"] = {
            value: str(label) for value, label in ActivityPage.PriceUnit.choices
        }

    def services(self, activities):
        activities = list(activities)
        if not activities:
            return []
        # Plain rows rather than prefetched objects: the records need a few columns of each
        # linked term and session, and building model instances (and modelcluster's managers)
        # for every one cost more than the rest of a page of services.
        self.terms_of = _linked_terms([activity.pk for activity in activities])
        self.sessions_of = {}
        for activity_id, start, end in ActivitySession.objects.filter(
            activity_id__in=[activity.pk for activity in activities]
        ).values_list("activity_id", "start", "end"):
            self.sessions_of.setdefault(activity_id, []).append((start, end))
        providers = _providers_of(activities)
        areas = _areas(activities, self.language_code)
        directories = _parent_addresses(providers.values(), self.request)
        organizations = {}
        records = []
        for activity in activities:
            provider = providers.get(activity.path[: -activity.steplen])
            if provider is not None and provider.pk not in organizations:
                uri = child_address(
                    directories.get(provider.path[: -provider.steplen]), provider, self.request
                )
                organizations[provider.pk] = organization(provider, self.request, uri)
            records.append(
                self._service(activity, organizations.get(getattr(provider, "pk", None)), areas)
            )
        return records

    def _service(self, activity, organization_record, areas):
        service_id = str(activity.translation_key)
        attributes, languages = [], []
        for name, term_key, slug in self.terms_of.get(activity.pk, ()):
            record = self.terms.get(term_key)
            if record is None:
                continue
            attributes.append(
                {
                    "id": _id("attribute", service_id, term_key),
                    "link_id": service_id,
                    "link_type": "service",
                    "taxonomy_term_id": record["id"],
                    "taxonomy_term": record,
                }
            )
            if name == "language":
                languages.append(
                    _compact(
                        {
                            "id": _id("language", service_id, term_key),
                            "service_id": service_id,
                            "name": record["name"],
                            "code": LANGUAGE_TAGS.get(slug),
                        }
                    )
                )
        record = {
            "id": service_id,
            "organization_id": organization_record["id"] if organization_record else None,
            "name": activity.title,
            "description": activity.summary,
            "url": child_address((organization_record or {}).get("uri"), activity, self.request),
            "email": activity.booking_email or (organization_record or {}).get("email"),
            "status": STATUS_ACTIVE,
            "minimum_age": activity.age_min,
            "maximum_age": activity.age_max,
            "last_modified": _date_time(activity.last_published_at),
            "organization": organization_record,
            "schedules": _schedules(
                activity, self.sessions_of.get(activity.pk, ()), service_id, self.words
            ),
            "service_at_locations": (
                [service_at_location(activity, service_id, areas)] if has_venue(activity) else []
            ),
            "languages": languages,
            "cost_options": _cost_options(activity, service_id, self.words),
            "attributes": attributes,
        }
        return _compact(record)
