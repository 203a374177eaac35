"""Demo showcase: galleries and works in every consent state, drawn by the program.

No photograph, and no real child, is ever part of the demo: each picture is a child-like
scene (sky, sun, house, trees, flowers) drawn with Pillow from a fixed seed. Children are
invented reference codes. Safe to run again: works, children and pages are found by their
title, reference or slug, and nothing already present is added twice.

The states, so a newcomer can see the rule at work (only the first two are ever shown):
visible (single and group), consent pending, expired, withdrawn, consent for print only
(a scope that excludes this site), a group work with a child marked "do not publish", and
awaiting safeguarding review.
"""

import io
import random
from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw

from directory.models import ActivityPage
from places.models import Place
from showcase.bootstrap import programme_site
from showcase.models import Artwork, Child, ConsentRecord, ShowcaseIndexPage, ShowcasePage

NOTICE = "2025-09"
PROJECT = "Leicester pilot"

# (reference, consent state, do not publish)
CHILDREN = [
    ("AB-DEMO01", "valid", False),
    ("AB-DEMO02", "valid", False),
    ("AB-DEMO03", "valid", False),
    ("AB-DEMO04", "none", False),
    ("AB-DEMO05", "expired", False),
    ("AB-DEMO06", "withdrawn", False),
    ("AB-DEMO07", "print_only", False),
    ("AB-DEMO08", "valid", True),
    ("AB-DEMO09", "valid", False),
    ("AB-DEMO10", "authority", False),
]

# title, display name, children, medium, status, words, alt text, seed, form slug
WORKS = [
    (
        "Our street at sunset",
        "Amira",
        ["AB-DEMO01"],
        "painting",
        "approved",
        "I painted the sky orange because that is how it looks when we walk home.",
        "A painting of a small red house under a big orange sun, with two green trees.",
        11,
        "visual-art-craft",
    ),
    (
        "The dancing forest",
        "",
        ["AB-DEMO02", "AB-DEMO03"],
        "collage",
        "approved",
        "We made the trees move like the dancers did. Each of us cut out half the leaves.",
        "A collage of tall trees in green and yellow paper leaning as if they were dancing.",
        12,
        "dance",
    ),
    (
        "Drum song",
        "Kofi",
        ["AB-DEMO10"],
        "drawing",
        "approved",
        "This is the sound of the big drum. It goes boom and the colours jump.",
        "A drawing of a blue drum with bright zigzag lines bursting out of it.",
        13,
        "music",
    ),
    (
        "My dragon (consent pending)",
        "Leo",
        ["AB-DEMO04"],
        "drawing",
        "approved",
        "My dragon is friendly and only breathes warm air.",
        "A drawing of a green dragon with a curly tail beside a yellow sun.",
        14,
        "visual-art-craft",
    ),
    (
        "Boats in the harbour (consent expired)",
        "Maya",
        ["AB-DEMO05"],
        "painting",
        "approved",
        "The boats are sleeping.",
        "A painting of three small boats on a calm blue sea under a pink sky.",
        15,
        "visual-art-craft",
    ),
    (
        "Rainbow kite (consent withdrawn)",
        "Sam",
        ["AB-DEMO06"],
        "painting",
        "approved",
        "The kite is flying to my gran's house.",
        "A painting of a striped rainbow kite high over green fields.",
        16,
        "visual-art-craft",
    ),
    (
        "The moon garden (print only)",
        "Noor",
        ["AB-DEMO07"],
        "drawing",
        "approved",
        "Flowers that only open at night.",
        "A drawing of white flowers under a round silver moon on a dark blue sky.",
        17,
        "visual-art-craft",
    ),
    (
        "Our band (a child marked do not publish)",
        "",
        ["AB-DEMO08", "AB-DEMO09"],
        "painting",
        "approved",
        "We painted everyone in our samba band playing at once.",
        "A painting of many small figures holding drums under a bright yellow sky.",
        18,
        "music",
    ),
    (
        "Castle in the clouds (awaiting review)",
        "Ella",
        ["AB-DEMO03"],
        "drawing",
        "awaiting_review",
        "A castle where everyone can visit.",
        "A drawing of a purple castle with flags floating on white clouds.",
        19,
        "visual-art-craft",
    ),
]

SKIES = ["#8ecae6", "#ffb703", "#f4acb7", "#bde0fe", "#ffd6a5"]
PAINTS = ["#e63946", "#2a9d8f", "#e9c46a", "#6a4c93", "#ff7f11", "#1982c4", "#8ac926"]


def draw_childlike_picture(seed, size=(900, 675)):
    """A scene in the manner of a child's painting: wobbly, bright and clearly not a photo."""
    rng = random.Random(seed)
    width, height = size
    picture = Image.new("RGB", size, rng.choice(SKIES))
    pen = ImageDraw.Draw(picture)
    ground = int(height * rng.uniform(0.62, 0.75))
    pen.rectangle([0, ground, width, height], fill=rng.choice(["#52b788", "#95d5b2", "#74c69d"]))
    sun_x, sun_r = rng.randint(80, width - 80), rng.randint(45, 80)
    pen.ellipse([sun_x - sun_r, 40, sun_x + sun_r, 40 + 2 * sun_r], fill="#ffd60a")
    for ray in range(10):
        angle_x = sun_x + int((sun_r + 30) * (1 if ray % 2 else -1) * rng.random())
        pen.line([sun_x, 40 + sun_r, angle_x, 40 + sun_r + rng.randint(-90, 90)], "#ffd60a", 6)
    house_x = rng.randint(60, width - 320)
    pen.rectangle([house_x, ground - 180, house_x + 220, ground], fill=rng.choice(PAINTS))
    pen.polygon(
        [
            (house_x - 20, ground - 180),
            (house_x + 110, ground - 290),
            (house_x + 240, ground - 180),
        ],
        fill=rng.choice(PAINTS),
    )
    pen.rectangle([house_x + 90, ground - 90, house_x + 140, ground], fill="#3d405b")
    for _ in range(rng.randint(2, 4)):
        tree_x = rng.randint(20, width - 40)
        pen.rectangle([tree_x, ground - 120, tree_x + 22, ground], fill="#7f5539")
        pen.ellipse([tree_x - 50, ground - 220, tree_x + 72, ground - 100], fill="#2d6a4f")
    for _ in range(14):
        flower_x, flower_y = rng.randint(0, width), rng.randint(ground + 20, height - 20)
        pen.ellipse([flower_x - 9, flower_y - 9, flower_x + 9, flower_y + 9], rng.choice(PAINTS))
    return picture


def picture_file(seed):
    buffer = io.BytesIO()
    draw_childlike_picture(seed).save(buffer, format="PNG")
    return ContentFile(buffer.getvalue(), name=f"demo-artwork-{seed}.png")


def ensure_child(reference, state, flagged, site, now):
    child, created = Child.objects.get_or_create(reference=reference)
    if not created:
        return child
    given = now - timedelta(days=30)
    entry = {
        "child": child,
        "given_by": ConsentRecord.GivenBy.PARENT,
        "given_at": given,
        "notice_version": NOTICE,
        "site": site,
    }
    if state in ("valid", "withdrawn"):
        ConsentRecord.objects.create(**entry)
    elif state == "authority":
        ConsentRecord.objects.create(
            **{
                **entry,
                "given_by": ConsentRecord.GivenBy.AUTHORITY,
                "authority_name": "Leicester City Council",
                "expires_at": now + timedelta(days=20),  # shows in the expiry report
            }
        )
    elif state == "expired":
        ConsentRecord.objects.create(
            **{
                **entry,
                "given_at": now - timedelta(days=400),
                "expires_at": now - timedelta(days=35),
            }
        )
    elif state == "print_only":
        ConsentRecord.objects.create(**{**entry, "site": None, "print_use": True})
    if state == "withdrawn":
        ConsentRecord.objects.create(
            child=child, kind=ConsentRecord.Kind.WITHDRAWN, given_at=now - timedelta(days=2)
        )
    if flagged:
        child.do_not_publish = True
        child.save()
    return child


def activity_for(form_slug):
    return (
        ActivityPage.objects.filter(art_forms__slug=form_slug, locale__language_code="en")
        .live()
        .order_by("path")
        .first()
    )


def ensure_works(now):
    leicester = Place.objects.filter(code="GB-LCE", locale__language_code="en").first()
    created = 0
    for title, name, references, medium, status, words, alt, seed, form_slug in WORKS:
        if Artwork.objects.filter(title=title).exists():
            continue
        artwork = Artwork(
            title=title,
            display_name=name,
            childs_words=words,
            medium=medium,
            alt_text=alt,
            age=8 + seed % 3,
            place=leicester,
            activity=activity_for(form_slug),
            project=PROJECT,
            status=status,
            reviewed_at=now if status == "approved" else None,
        )
        artwork.image = picture_file(seed)
        artwork.full_clean()
        artwork.save()
        artwork.children.set(Child.objects.filter(reference__in=references))
        created += 1
    return created


def ensure_galleries(index):
    galleries = [
        (
            "leicester-pilot",
            "The Leicester pilot",
            {"project": PROJECT},
            "Work from the first Arts Backpack pilot, in Leicester's primary schools.",
        ),
        (
            "made-in-leicester",
            "Made in Leicester",
            {"place": Place.objects.filter(code="GB-LCE", locale__language_code="en").first()},
            "Everything made by children in Leicester.",
        ),
    ]
    for slug, title, filters, summary in galleries:
        if ShowcasePage.objects.child_of(index).filter(slug=slug).exists():
            continue
        gallery = ShowcasePage(
            title=title, slug=slug, introduction=summary, listing_summary=summary, **filters
        )
        index.add_child(instance=gallery)
        gallery.save_revision().publish()
    return index


@transaction.atomic
def load(stdout, activities=0, **options):
    site = programme_site()
    now = timezone.now()
    for reference, state, flagged in CHILDREN:
        ensure_child(reference, state, flagged, site, now)
    created = ensure_works(now)
    index = ensure_galleries(ShowcaseIndexPage.objects.child_of(site.root_page).first())
    if created:
        stdout.write(f"Showcase: {created} works added.")
    return index
