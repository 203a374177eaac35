"""Demo providers and activities across the four nations, written for this project. Providers
named in the programme's background (The Spark, Arena Theatre, Coventry Museums, Care to Dance,
the Art House, the Museum of Making, Cambridge Junction, Palmer Park library) appear with
invented but plausible offers; the others are invented outright. The words are data
(directory/demo/providers.toml, directory/demo/activities.toml); this module decides where each
provider lists and draws each activity's details from a generator seeded by its slug, so the
demo is the same on every run. Pages are made by the directory's factories, as in the tests.

``load(stdout, activities=N)`` adds N more varied activities, deterministically, for benchmarks.
"""

import random
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
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


def _session_times(rng, count):
    """Dated sessions spread over the coming school months (from today, not import time)."""
    today = timezone.localdate()
    zone = timezone.get_current_timezone()
    sessions = []
    for _ in range(count):
        day = today + timedelta(days=rng.randint(3, 200))
        while day.weekday() >= 5:
            day += timedelta(days=1)
        start = datetime.combine(day, time(rng.choice([9, 10, 13])), tzinfo=zone)
        sessions.append((start, start + timedelta(hours=rng.choice([1, 2, 3]))))
    return sorted(sessions)


def build_activity(provider, spec, vocabulary, rng, number, with_revision=True):
    parts = activity_parts()
    venue = spec.get("venue")
    form_slug = rng.choice(spec["forms"])
    idea = rng.choice(parts["ideas"][form_slug])
    title, summary = idea["title"], idea["summary"]
    age_min, age_max = rng.choice(parts["age_ranges"])
    if spec.get("online"):
        formats = ["online"]
    elif venue is None:
        formats = rng.choice(
            [["comes-to-school"], ["comes-to-school", "outdoors-community"], ["hybrid"]]
        )
    else:
        formats = rng.choice(
            [
                ["visit-a-venue"],
                ["comes-to-school"],
                ["visit-a-venue", "comes-to-school"],
                ["outdoors-community"],
            ]
        )
    is_free = rng.random() < 0.35
    price = rng.choice(parts["prices"])
    values = {
        "title": title,
        "slug": f"{provider.slug}-{number}",
        "summary": summary,
        "description": (
            f"<p>{summary} Led by {provider.title}, for up to one class at a time.</p>"
        ),
        "age_min": age_min,
        "age_max": age_max,
        "is_free": is_free,
        "price": None if is_free else Decimal(price["amount"]),
        "price_unit": "" if is_free else price["unit"],
        "bursaries": ""
        if is_free
        else "Free places for schools with high numbers of pupils eligible for free school meals.",
        "availability": rng.choice(["dated", "dated", "on_request"]),
        "duration": rng.choice(
            ["1 hour", "Half a day", "A full school day", "Six weekly sessions"]
        ),
        "group_size": rng.choice(
            ["Up to 30 pupils", "Up to 15 pupils", "One class", "Whole school"]
        ),
        "booking_email": provider.contact_email,
        "curriculum_links": "Supports the expressive arts and oracy across the curriculum.",
        "suitable_for_children_in_care": bool(spec.get("in_care")) or rng.random() < 0.1,
        "cpd_for_teachers": rng.random() < 0.2,
    }
    if venue and "visit-a-venue" in formats:
        # The activity chooses its provider's venue; saving copies the name, address and
        # location from it (directory/models/venues.py).
        values["venue_key"] = provider.venues.get(postcode=venue["postcode"]).key
    if values["availability"] == "on_request":
        today = timezone.localdate()
        values["available_from"] = today
        values["available_until"] = today + timedelta(days=300)
    values["art_forms"] = [vocabulary.art_forms[form_slug]] + (
        [vocabulary.art_forms[rng.choice(spec["forms"])]] if rng.random() < 0.3 else []
    )
    values["formats"] = [vocabulary.formats[slug] for slug in formats]
    values["access_features"] = rng.sample(list(vocabulary.access.values()), rng.randint(0, 3))
    values["delivery_languages"] = [
        vocabulary.languages[slug] for slug in rng.sample(spec["languages"], 1)
    ]
    values["places"] = [vocabulary.places[spec["places"][0]]]
    values["sessions"] = []
    if values["availability"] == "dated":
        values["sessions"] = [
            ActivitySession(start=start, end=end, places_left=rng.choice([None, 5, 12, 30]))
            for start, end in _session_times(rng, rng.randint(1, 3))
        ]
    if provider.get_children().filter(title=title).exists():
        values["title"] = f"{title}: ages {age_min} to {age_max}"
    return ActivityPageFactory(parent=provider, publish=True if with_revision else None, **values)


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
        have = ActivityPage.objects.child_of(provider).count()
        for number in range(have, 5):
            build_activity(
                provider, spec, vocabulary, random.Random(f"{spec['slug']}-{number}"), number
            )
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
            for number in range(min(per_provider, activities - added)):
                # No revision history for generated volume: it is only there to be searched.
                build_activity(
                    provider,
                    spec,
                    vocabulary,
                    random.Random(f"{spec['slug']}-{number}"),
                    number,
                    with_revision=False,
                )
                added += 1
            if added >= activities:
                break
        created += added
    if created:
        stdout.write(f"Directory: {created} activities added.")
    return directory
