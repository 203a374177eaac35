"""Demo providers and activities across the four nations, written for this project. Providers
named in the programme's background (The Spark, Arena Theatre, Coventry Museums, Care to Dance,
the Art House, the Museum of Making, Cambridge Junction, Palmer Park library) appear with
invented but plausible offers; the others are invented outright. The words are data
(directory/demo/providers.toml, directory/demo/activities.toml); this module decides where each
provider lists, which ideas it offers (``plan_offers``) and each activity's price, dates and
access, from generators seeded by the provider's slug and the activity's title, so the demo is
the same on every run. Every detail of an activity follows from its idea (where it happens, how
long, for what group), so none contradicts itself; slugs are made from titles. In each pilot
area (Leicester, Belfast, Fife, Cardiff) a provider per core art form offers four activities
whose ages cover every primary year group, and at least one other local provider offers an
activity in that art form for every year group too, so no art form hangs on one provider.
Pages are made by the directory's factories, as in the tests.

``load(stdout, activities=N)`` adds N more varied activities, deterministically, for benchmarks.
"""

import random
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale

from core.demo_data import read_demo_data
from directory.factories import (
    ACTIVITY_TERMS,
    ActivityPageFactory,
    ProviderPageFactory,
    ProviderVenueFactory,
)
from directory.models import ActivityPage, ActivitySession, DirectoryIndexPage, ProviderPage
from directory.permissions import provider_editors_group
from places.models import Place
from places.nations import nation_code_for_site
from regions.regions import REGIONS_BY_KEY
from regions.sites import regional_sites, site_for_region

PLACE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"


def providers():
    return read_demo_data("directory", "providers")["providers"]


def activity_parts():
    return read_demo_data("directory", "activities")


def _by_slug(model):
    english = Locale.objects.get(language_code="en")
    return {item.slug: item for item in model.objects.filter(locale=english)}


class Vocabulary:
    def __init__(self):
        terms = {name: _by_slug(model) for name, model in ACTIVITY_TERMS.items()}
        self.art_forms = terms["art_forms"]
        self.formats = terms["formats"]
        self.access = terms["access_features"]
        self.languages = terms["delivery_languages"]
        english = Locale.objects.get(language_code="en")
        self.places = {place.code: place for place in Place.objects.filter(locale=english)}


def ensure_provider(directory, spec, vocabulary):
    existing = (
        ProviderPage.objects.filter(slug=spec["slug"], locale__language_code="en")
        .order_by("path")
        .first()
    )
    if existing:
        if not existing.is_child_of(directory):
            # Databases made before the regional sites held every provider on England's site.
            existing.move(directory, pos="last-child")
        return existing
    venue = spec.get("venue")
    provider = ProviderPageFactory(
        parent=directory,
        title=spec["title"],
        slug=spec["slug"],
        description=f"<p>{spec['about']}</p>",
        listing_summary=spec["about"][:290],
        contact_email=f"schools@{spec['slug'].replace('-', '')[:20]}.example",
        contact_phone="0300 123 4567",
        booking_information="Email us with your school, year group and preferred dates.",
        accessibility_statement=(
            "<p>Tell us about any access needs when you book; we will adapt the session.</p>"
        ),
        dbs_checked=True,
        trauma_informed=bool(spec.get("in_care")),
        places_served=[vocabulary.places[code] for code in spec["places"]],
        venues=[ProviderVenueFactory.build(**venue)] if venue else [],
    )
    provider_editors_group(provider)
    return provider


# Start and end times of one session, by the idea's length (hours and minutes).
SESSION_TIMES = {
    "hour": [((10, 0), (11, 0)), ((13, 30), (14, 30))],
    "half-day": [((9, 30), (12, 0))],
    "day": [((9, 15), (15, 0))],
    "weekly": [((13, 30), (14, 30))],
}
# The formats each kind of idea has, and whether it needs the provider's venue.
FORMATS = {
    "school": ["comes-to-school"],
    "venue": ["visit-a-venue"],
    "outdoors": ["outdoors-community"],
    "online": ["online"],
}
BURSARIES = "Free places for schools with high numbers of pupils eligible for free school meals."


def _school_day(rng, earliest, latest):
    """A weekday between ``earliest`` and ``latest`` days from today (read when called)."""
    day = timezone.localdate() + timedelta(days=rng.randint(earliest, latest))
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def _sessions(rng, length):
    """Dated sessions that match the idea's length: one to three separate dates for a single
    session, or six a week apart for a weekly course."""
    zone = timezone.get_current_timezone()
    (start_h, start_m), (end_h, end_m) = rng.choice(SESSION_TIMES[length])
    if length == "weekly":
        first = _school_day(rng, 7, 120)
        days = [first + timedelta(weeks=week) for week in range(6)]
    else:
        days = sorted({_school_day(rng, 3, 200) for _ in range(rng.randint(1, 3))})
    return [
        (
            datetime.combine(day, time(start_h, start_m), tzinfo=zone),
            datetime.combine(day, time(end_h, end_m), tzinfo=zone),
        )
        for day in days
    ]


def _can_offer(provider, idea):
    """Whether ``provider`` can run ``idea``: venue ideas need a venue, an online provider
    only works online, and a provider with a venue but no touring offer still tours."""
    if provider.get("online"):
        return idea["where"] == "online"
    if idea["where"] == "venue":
        return bool(provider.get("venue"))
    return idea["where"] != "online"


def plan_offers(spec):
    """The activities a provider offers: (art form, idea, ages, delivery language), chosen with
    generators seeded by its slug, so every load makes the same ones.

    A pilot provider offers four in its art form, one in each of the ``pilot_slots``: the
    first comes to the school; the second and third are at its venue where it has one. Others
    offer up to ``offers`` (default four) ideas from their art forms. Any provider may also
    offer named ideas in other art forms (``_also_offers``)."""
    parts = activity_parts()
    languages = spec.get("languages", ["english"])
    plan = []
    if spec.get("pilot"):
        form = spec["pilot"]
        pool = [idea for idea in parts["ideas"][form] if _can_offer(spec, idea)]
        rng = random.Random(f"{spec['slug']}-pilot")
        chosen = []
        preferences = ["school", "venue", "venue", None]
        for slot, prefer in zip(parts["pilot_slots"], preferences, strict=True):
            left = [idea for idea in pool if idea not in chosen]
            matching = [idea for idea in left if prefer is None or idea["where"] == prefer]
            if prefer == "venue" and not matching:
                matching = [idea for idea in left if idea["where"] != "school"] or left
            idea = rng.choice(matching or left)
            chosen.append(idea)
            plan.append((form, idea, rng.choice(slot)))
    else:
        rng = random.Random(f"{spec['slug']}-offers")
        pool = [
            (form, idea)
            for form in spec.get("forms", [])
            for idea in parts["ideas"][form]
            if _can_offer(spec, idea)
        ]
        count = min(spec.get("offers", 4), len(pool))
        for form, idea in rng.sample(pool, count):
            plan.append((form, idea, rng.choice(parts["age_ranges"])))
    plan += _also_offers(spec, parts)
    return [
        (form, idea, ages, languages[index % len(languages)])
        for index, (form, idea, ages) in enumerate(plan)
    ]


def _also_offers(spec, parts):
    """The named ideas a provider offers beside its own art form (its "also" table: art form ->
    idea title), each for every primary year group, so a pilot area's teacher meets more than
    one provider in each art form. A name that is not an idea the provider can run is a
    mistake in the data, not something to skip quietly."""
    rng = random.Random(f"{spec['slug']}-also")
    offers = []
    for form, title in spec.get("also", {}).items():
        idea = next((i for i in parts["ideas"][form] if i["title"] == title), None)
        if idea is None or not _can_offer(spec, idea):
            raise ValueError(f"{spec['slug']} cannot offer {form} idea {title!r}")
        offers.append((form, idea, rng.choice(parts["also_ages"])))
    return offers


def _price(rng, idea, form):
    prices = activity_parts()["prices"]
    free_chance = 0.5 if form == "museums-heritage" else 0.2
    if rng.random() < free_chance:
        return None, ""
    kind = "whole-school" if idea["group"] == "school" else idea["where"]
    amount, unit = rng.choice(prices[kind])
    return Decimal(amount), unit


def build_activity(provider, spec, vocabulary, offer, with_revision=True):
    """One activity from a planned offer; everything about it follows from its idea, so it
    never contradicts itself."""
    values = activity_values(provider, spec, vocabulary, offer)
    return ActivityPageFactory(parent=provider, publish=True if with_revision else None, **values)


def activity_values(provider, spec, vocabulary, offer):
    """The field values, terms, places and sessions of the activity ``offer`` plans: shared by
    the factory path above and the bulk loader (directory/bulk_load.py), so both make the same
    activities."""
    form, idea, (age_min, age_max), language = offer
    parts = activity_parts()
    rng = random.Random(f"{spec['slug']}-{slugify(idea['title'])}")
    group = parts["groups"][idea["group"]]
    price, unit = _price(rng, idea, form)
    values = {
        "title": idea["title"],
        "slug": slugify(idea["title"]),
        "summary": idea["summary"],
        "description": f"<p>{idea['summary']}</p><p>{group['sentence']}</p>",
        "age_min": age_min,
        "age_max": age_max,
        "is_free": price is None,
        "price": price,
        "price_unit": unit,
        "bursaries": "" if price is None else BURSARIES,
        "availability": rng.choice(["dated", "dated", "on_request"]),
        "duration": parts["lengths"][idea["length"]],
        "group_size": group["size"],
        "booking_email": provider.contact_email,
        "curriculum_links": "Supports the expressive arts and oracy across the curriculum.",
        "suitable_for_children_in_care": bool(spec.get("in_care")) or rng.random() < 0.1,
        "cpd_for_teachers": rng.random() < 0.2,
    }
    if idea["where"] == "venue":
        # The activity chooses its provider's venue; saving copies the name, address and
        # location from it (directory/models/venues.py).
        values["venue_key"] = provider.venues.get(postcode=spec["venue"]["postcode"]).key
    if values["availability"] == "on_request":
        today = timezone.localdate()
        values["available_from"] = today
        values["available_until"] = today + timedelta(days=rng.choice([180, 240, 300]))
    values["art_forms"] = [vocabulary.art_forms[form]]
    values["formats"] = [vocabulary.formats[slug] for slug in FORMATS[idea["where"]]]
    access = list(vocabulary.access.values())
    if idea["where"] == "online":
        access = [term for term in access if term.slug in ("captions", "send-adapted", "bsl")]
    elif idea["where"] != "venue":
        access = [term for term in access if term.slug != "wheelchair-access"]
    values["access_features"] = rng.sample(access, rng.randint(0, min(3, len(access))))
    values["delivery_languages"] = [vocabulary.languages[language]]
    values["places"] = [vocabulary.places[spec["places"][0]]]
    values["sessions"] = []
    if values["availability"] == "dated":
        values["sessions"] = [
            ActivitySession(start=start, end=end, places_left=rng.choice([None, 5, 12, 30]))
            for start, end in _sessions(rng, idea["length"])
        ]
    return values


def extra_provider_spec(rng, index, vocabulary):
    """An invented provider in a random local authority, for benchmark volumes."""
    authorities = sorted(
        code
        for code, place in vocabulary.places.items()
        if place.kind == "local_authority" and place.latitude
    )
    code = rng.choice(authorities)
    return {
        "slug": f"benchmark-provider-{index}",
        "title": f"{vocabulary.places[code].name} Creative Partnership {index}",
        "places": [code],
        "about": "An invented provider that exists to make the directory big enough to measure.",
        "forms": rng.sample(sorted(activity_parts()["ideas"]), 3),
        "languages": ["english"],
        "offers": 50,
    }


@transaction.atomic
def load(stdout, activities=0, **options):
    # Each provider lists on the site of the nation it is based in (its directory page made by
    # ``bootstrap``); England's site also holds the UK-wide providers and the generated
    # benchmark volume.
    directories = {
        nation_code_for_site(site): DirectoryIndexPage.objects.child_of(site.root_page).first()
        for _region, site in regional_sites()
    }
    directory = directories[nation_code_for_site(site_for_region(REGIONS_BY_KEY["england"]))]
    vocabulary = Vocabulary()
    created = 0
    for spec in providers():
        nation = vocabulary.places[spec["places"][0]].nation_code
        provider = ensure_provider(directories.get(nation, directory), spec, vocabulary)
        have = set(ActivityPage.objects.child_of(provider).values_list("slug", flat=True))
        for offer in plan_offers(spec):
            if slugify(offer[1]["title"]) not in have:
                build_activity(provider, spec, vocabulary, offer)
                created += 1
    added = 0
    if activities:
        existing = (
            ProviderPage.objects.child_of(directory)
            .filter(slug__startswith="benchmark-provider-")
            .count()
        )
        per_provider = 50
        needed_providers = (activities + per_provider - 1) // per_provider
        for index in range(existing, existing + needed_providers):
            spec = extra_provider_spec(random.Random(f"benchmark-{index}"), index, vocabulary)
            provider = ensure_provider(directory, spec, vocabulary)
            offers = plan_offers(spec)
            for number in range(min(per_provider, activities - added)):
                # No revision history for generated volume: it is only there to be searched.
                # Each idea appears once per provider (slugs come from titles); larger volumes
                # repeat ideas under a numbered provider-specific title.
                form, idea, ages, language = offers[number % len(offers)]
                if number >= len(offers):
                    idea = {**idea, "title": f"{idea['title']} (group {number // len(offers) + 1})"}
                build_activity(
                    provider,
                    spec,
                    vocabulary,
                    (form, idea, ages, language),
                    with_revision=False,
                )
                added += 1
            if added >= activities:
                break
        created += added
    if created:
        stdout.write(f"Directory: {created} activities added.")
    return directory
