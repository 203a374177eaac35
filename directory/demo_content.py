"""Demo providers and activities across the four nations, written for this project. Providers
named in the programme's background (The Spark, Arena Theatre, Coventry Museums, Care to Dance,
the Art House, the Museum of Making, Cambridge Junction, Palmer Park library) appear with
invented but plausible offers; the others are invented outright.

``load(stdout, activities=N)`` adds N more varied activities, deterministically, for benchmarks.
"""

import random
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from directory.models import (
    AccessFeature,
    ActivityPage,
    ActivitySession,
    ArtForm,
    DeliveryLanguage,
    DirectoryIndexPage,
    Format,
    ProviderPage,
    ProviderVenue,
)
from directory.permissions import provider_editors_group
from places.models import Place
from places.nations import nation_code_for_site
from regions.regions import REGIONS_BY_KEY
from regions.sites import regional_sites, site_for_region

PROVIDERS = [
    {
        "slug": "the-spark-arts-for-children",
        "title": "The Spark Arts for Children",
        "places": ["GB-LCE", "E12000004"],
        "venue": ("The Spark studio", "Leicester city centre", "LE1 1AA"),
        "about": "A Leicester charity that has brought theatre, music and art to the city's "
        "primary schools as part of the City Classroom since 2016, and the main partner of the "
        "first Arts Backpack pilot.",
        "forms": ["theatre-drama", "music", "visual-art-craft", "literature-poetry-storytelling"],
        "languages": ["english"],
    },
    {
        "slug": "arena-theatre",
        "title": "Arena Theatre",
        "places": ["GB-WLV", "E12000005"],
        "venue": ("Arena Theatre", "Wulfruna Street, Wolverhampton", "WV1 1LY"),
        "about": "A Wolverhampton theatre that makes and hosts work for young audiences and "
        "works with the Virtual School on projects for children in care.",
        "forms": ["theatre-drama", "dance", "circus-street-arts"],
        "languages": ["english"],
        "in_care": True,
    },
    {
        "slug": "coventry-museums",
        "title": "Coventry Museums",
        "places": ["GB-COV"],
        "venue": ("Herbert Art Gallery & Museum", "Jordan Well, Coventry", "CV1 5QP"),
        "about": "Coventry's museums and galleries run school visits, handling sessions and "
        "loans boxes, and took part in Collaborate & Innovate with children in care.",
        "forms": ["museums-heritage", "visual-art-craft", "architecture-design"],
        "languages": ["english"],
        "in_care": True,
    },
    {
        "slug": "care-to-dance",
        "title": "Care to Dance",
        "places": ["E12000005"],
        "venue": None,
        "about": "Dance artists who bring movement sessions to schools and care settings across "
        "the West Midlands, shaped with and for care-experienced children.",
        "forms": ["dance", "music"],
        "languages": ["english"],
        "in_care": True,
    },
    {
        "slug": "the-art-house-wakefield",
        "title": "The Art House",
        "places": ["GB-WKF", "E12000003"],
        "venue": ("The Art House", "Drury Lane, Wakefield", "WF1 2TE"),
        "about": "A welcoming arts hub in Wakefield with studios and galleries, running summer "
        "schools and workshops with local artists.",
        "forms": ["visual-art-craft", "photography", "film-animation"],
        "languages": ["english"],
    },
    {
        "slug": "museum-of-making",
        "title": "Museum of Making",
        "places": ["GB-DER", "E12000004"],
        "venue": ("Museum of Making", "Derby Silk Mill, Full Street, Derby", "DE1 3AF"),
        "about": "In Derby's Silk Mill, part of the Derwent Valley Mills World Heritage Site, "
        "the museum tells three hundred years of the city's making and invites children to make "
        "things themselves.",
        "forms": ["museums-heritage", "architecture-design", "digital-games-design"],
        "languages": ["english"],
    },
    {
        "slug": "cambridge-junction",
        "title": "Cambridge Junction",
        "places": ["GB-CAM", "E12000006"],
        "venue": ("Cambridge Junction", "Clifton Way, Cambridge", "CB1 7GX"),
        "about": "An arts centre in Cambridge presenting theatre, music and digital work, with a "
        "long record of projects with young people who find school hard.",
        "forms": ["theatre-drama", "music", "digital-games-design", "combined-arts-festivals"],
        "languages": ["english"],
    },
    {
        "slug": "palmer-park-library",
        "title": "Palmer Park Library",
        "places": ["GB-RDG"],
        "venue": ("Palmer Park Library", "Palmer Park, Wokingham Road, Reading", "RG1 3DU"),
        "about": "A community library in East Reading offering storytelling, rhyme times and "
        "reading challenges for local schools.",
        "forms": ["literature-poetry-storytelling"],
        "languages": ["english"],
    },
    {
        "slug": "lagan-puppet-collective",
        "title": "Lagan Puppet Collective",
        "places": ["GB-BFS", "GB-NIR"],
        "venue": None,
        "about": "Puppeteers and makers who tour Belfast schools with shows and make-your-own-"
        "puppet workshops, in English and Irish.",
        "forms": ["theatre-drama", "visual-art-craft", "literature-poetry-storytelling"],
        "languages": ["english", "irish", "bilingual"],
    },
    {
        "slug": "foyle-drum-and-dance",
        "title": "Foyle Drum and Dance",
        "places": ["GB-DRS", "GB-NIR"],
        "venue": None,
        "about": "Percussion and dance leaders from Derry and Strabane who work in primary "
        "schools across the north-west.",
        "forms": ["music", "dance"],
        "languages": ["english", "irish"],
    },
    {
        "slug": "kingdom-story-bothy",
        "title": "Kingdom Story Bothy",
        "places": ["GB-FIF", "GB-SCT"],
        "venue": ("The Story Bothy", "Kirkcaldy", "KY1 1XT"),
        "about": "Storytellers and writers in Fife who run story walks, writing days and a "
        "travelling story tent.",
        "forms": ["literature-poetry-storytelling", "theatre-drama", "photography"],
        "languages": ["english", "scottish-gaelic"],
    },
    {
        "slug": "clyde-sound-lab",
        "title": "Clyde Sound Lab",
        "places": ["GB-GLG"],
        "venue": ("Clyde Sound Lab", "Merchant City, Glasgow", "G1 1QX"),
        "about": "A Glasgow music studio where children record songs, build instruments and "
        "make soundtracks.",
        "forms": ["music", "digital-games-design", "film-animation"],
        "languages": ["english"],
    },
    {
        "slug": "feis-beag-highland-music",
        "title": "Fèis Beag Highland Music",
        "places": ["GB-HLD", "GB-SCT"],
        "venue": ("Eden Court", "Bishops Road, Inverness", "IV3 5SA"),
        "about": "Traditional music tutors who teach fiddle, clàrsach and Gaelic song in Highland "
        "schools, in Gaelic and English.",
        "forms": ["music", "combined-arts-festivals"],
        "languages": ["scottish-gaelic", "english", "bilingual"],
    },
    {
        "slug": "cwmni-celf-y-cymoedd",
        "title": "Cwmni Celf y Cymoedd",
        "places": ["GB-RCT", "GB-WLS"],
        "venue": ("Canolfan y Cymoedd", "Pontypridd", "CF37 1DP"),
        "about": "A Welsh-medium arts company in the Rhondda valleys making theatre, art and "
        "music with children in Welsh and bilingually.",
        "forms": ["theatre-drama", "visual-art-craft", "music", "circus-street-arts"],
        "languages": ["welsh", "bilingual"],
    },
    {
        "slug": "bay-animation-studio",
        "title": "Bay Animation Studio",
        "places": ["GB-CRF", "GB-WLS"],
        "venue": ("Bay Animation Studio", "Cardiff Bay", "CF10 5AL"),
        "about": "Animators in Cardiff Bay who teach stop-motion and drawn animation to classes "
        "in the studio or online.",
        "forms": ["film-animation", "digital-games-design", "photography"],
        "languages": ["english", "welsh", "bilingual"],
    },
    {
        "slug": "story-stream",
        "title": "Story Stream",
        "places": ["GB-ENG", "GB-WLS", "GB-SCT", "GB-NIR"],
        "venue": None,
        "about": "Live online sessions with authors, poets and illustrators for classes anywhere "
        "in the UK.",
        "forms": ["literature-poetry-storytelling", "visual-art-craft", "architecture-design"],
        "languages": ["english"],
        "online": True,
    },
]

IDEAS = {
    "music": [
        (
            "Make a samba band",
            "Pupils learn rhythms on surdo, caixa and agogô and perform as one band.",
        ),
        (
            "Songwriting in a day",
            "A class writes, rehearses and records its own song about where it lives.",
        ),
        (
            "Build an instrument",
            "Children make shakers, drums and kazoos, then compose a piece for them.",
        ),
    ],
    "dance": [
        ("Hip-hop moves", "A lively series of hip-hop classes that ends in a short performance."),
        ("Dance a story", "Children turn a picture book into movement, working in small groups."),
        (
            "Folk dances from home",
            "Dances from the families' own heritage, taught by local dancers.",
        ),
    ],
    "theatre-drama": [
        ("Theatre trip and workshop", "See a show made for young audiences, then meet the cast."),
        ("Drama for confidence", "Games and improvisation that help children speak up and listen."),
        ("Puppet show and make", "Watch a puppet show, then build a puppet to take home."),
    ],
    "visual-art-craft": [
        ("Printmaking workshop", "Relief printing with safe carving blocks and bright inks."),
        ("Clay creatures", "Hand-built clay animals inspired by a local collection."),
        ("Big collaborative mural", "The class designs and paints a mural with an artist."),
    ],
    "film-animation": [
        ("Stop-motion in a day", "Plan, shoot and edit a short stop-motion film using tablets."),
        ("Make a documentary", "Children interview people in their community and cut a film."),
    ],
    "digital-games-design": [
        ("Design your own video game", "From paper prototype to a playable level, in teams."),
        ("Coding for makers", "Program lights and sounds for a model the class builds."),
    ],
    "literature-poetry-storytelling": [
        ("Meet an author", "An author reads, answers questions and runs a writing game."),
        ("Poetry slam for beginners", "Children write and perform short poems to each other."),
        (
            "Story walk",
            "A storyteller leads the class on a walk, telling tales of the places passed.",
        ),
    ],
    "museums-heritage": [
        (
            "Object handling session",
            "Handle real objects from the collection and work out their stories.",
        ),
        ("Be a curator", "Pupils choose objects and build a mini-exhibition for their school."),
    ],
    "circus-street-arts": [
        ("Circus skills", "Juggling, plate spinning and balance with professional circus artists."),
        ("Street carnival costume", "Design and make carnival costumes for a parade."),
    ],
    "photography": [
        ("Photo walk", "Children explore their neighbourhood through a camera lens."),
        ("Pinhole cameras", "Make a pinhole camera from a tin and develop the pictures."),
    ],
    "architecture-design": [
        ("Design a playground", "Pupils survey, sketch and model a better playground."),
        ("Build a city in a day", "A giant cardboard city planned and built by the class."),
    ],
    "combined-arts-festivals": [
        ("Festival day", "A day of music, dance and making brought to the school field."),
        ("Lantern parade", "Make willow lanterns and join a community parade."),
    ],
}
AGE_RANGES = [(3, 5), (4, 7), (5, 7), (5, 11), (7, 11), (8, 11), (9, 11), (10, 14), (3, 11)]
PRICES = [
    ("pupil", "3.50"),
    ("pupil", "6"),
    ("pupil", "12"),
    ("class", "150"),
    ("class", "280"),
    ("session", "95"),
    ("school", "450"),
]
PLACE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"


def _by_slug(model):
    english = Locale.objects.get(language_code="en")
    return {item.slug: item for item in model.objects.filter(locale=english)}


class Vocabulary:
    def __init__(self):
        self.art_forms = _by_slug(ArtForm)
        self.formats = _by_slug(Format)
        self.access = _by_slug(AccessFeature)
        self.languages = _by_slug(DeliveryLanguage)
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
    provider = ProviderPage(
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
    )
    provider.places_served = [vocabulary.places[code] for code in spec["places"]]
    if spec["venue"]:
        name, address, postcode = spec["venue"]
        provider.venues = [ProviderVenue(name=name, address=address, postcode=postcode)]
    directory.add_child(instance=provider)
    provider.save_revision().publish()
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
    form_slug = rng.choice(spec["forms"])
    title, summary = rng.choice(IDEAS[form_slug])
    age_min, age_max = rng.choice(AGE_RANGES)
    if spec.get("online"):
        formats = ["online"]
    elif spec["venue"] is None:
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
    unit, price = rng.choice(PRICES)
    activity = ActivityPage(
        title=title,
        slug=f"{provider.slug}-{number}",
        summary=summary,
        description=f"<p>{summary} Led by {provider.title}, for up to one class at a time.</p>",
        age_min=age_min,
        age_max=age_max,
        is_free=is_free,
        price=None if is_free else Decimal(price),
        price_unit="" if is_free else unit,
        bursaries=""
        if is_free
        else "Free places for schools with high numbers of pupils eligible for free school meals.",
        availability=rng.choice(["dated", "dated", "on_request"]),
        duration=rng.choice(["1 hour", "Half a day", "A full school day", "Six weekly sessions"]),
        group_size=rng.choice(["Up to 30 pupils", "Up to 15 pupils", "One class", "Whole school"]),
        booking_email=provider.contact_email,
        curriculum_links="Supports the expressive arts and oracy across the curriculum.",
        suitable_for_children_in_care=bool(spec.get("in_care")) or rng.random() < 0.1,
        cpd_for_teachers=rng.random() < 0.2,
    )
    if spec["venue"] and "visit-a-venue" in formats:
        activity.venue_name, activity.venue_address, activity.venue_postcode = spec["venue"]
    if activity.availability == "on_request":
        today = timezone.localdate()
        activity.available_from = today
        activity.available_until = today + timedelta(days=300)
    activity.art_forms = [vocabulary.art_forms[form_slug]] + (
        [vocabulary.art_forms[rng.choice(spec["forms"])]] if rng.random() < 0.3 else []
    )
    activity.formats = [vocabulary.formats[slug] for slug in formats]
    activity.access_features = rng.sample(list(vocabulary.access.values()), rng.randint(0, 3))
    activity.delivery_languages = [
        vocabulary.languages[slug] for slug in rng.sample(spec["languages"], 1)
    ]
    activity.places = [vocabulary.places[spec["places"][0]]]
    if activity.availability == "dated":
        activity.sessions = [
            ActivitySession(start=start, end=end, places_left=rng.choice([None, 5, 12, 30]))
            for start, end in _session_times(rng, rng.randint(1, 3))
        ]
    if provider.get_children().filter(title=title).exists():
        activity.title = f"{title}: ages {age_min} to {age_max}"
    provider.add_child(instance=activity)
    if with_revision:
        activity.save_revision().publish()
    return activity


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
        "venue": None,
        "about": "An invented provider that exists to make the directory big enough to measure.",
        "forms": rng.sample(sorted(IDEAS), 3),
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
    for spec in PROVIDERS:
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
