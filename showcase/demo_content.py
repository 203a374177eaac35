"""Demo showcase: galleries and works in every consent state, drawn by the program.

No photograph, and no real child, is ever part of the demo: each picture is a child-like
scene (sky, sun, house, trees, flowers) drawn with Pillow from a fixed seed. Children are
invented reference codes. Safe to run again: works, children and pages are found by their
title, reference or slug, and nothing already present is added twice. The words and states are
data (showcase/demo/works.toml); children, consent and works are made by showcase's factories,
the same ones the tests use.

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

from core.bootstrap import ensure_child_page
from core.demo_data import read_demo_data
from directory.models import ActivityPage
from places.models import Place
from regions.regions import REGIONS_BY_KEY
from regions.sites import site_for_region
from showcase.bootstrap import programme_site
from showcase.factories import ArtworkFactory, ShowcasePageFactory, child_with_consent
from showcase.models import Artwork, Child, ShowcaseIndexPage, ShowcasePage

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


def demo():
    return read_demo_data("showcase", "works")


def ensure_child(spec, site, now):
    existing = Child.objects.filter(reference=spec["reference"]).first()
    if existing is not None:
        return existing
    state = spec["consent"]
    return child_with_consent(
        site,
        state,
        reference=spec["reference"],
        flagged=spec.get("do_not_publish", False),
        now=now,
        given_at=now - timedelta(days=30),
        # An authority's consent runs out soon, so it shows in the expiry report.
        expires_at={"authority": now + timedelta(days=20), "expired": now - timedelta(days=35)}.get(
            state
        ),
        withdrawn_at=now - timedelta(days=2),
        authority_name=demo()["authority_name"],
    )


def activity_for(form_slug):
    return (
        ActivityPage.objects.filter(art_forms__slug=form_slug, locale__language_code="en")
        .live()
        .order_by("path")
        .first()
    )


def place(code):
    return Place.objects.filter(code=code, locale__language_code="en").first()


def ensure_works(now):
    data = demo()
    created = 0
    for work in data["works"]:
        if Artwork.objects.filter(title=work["title"]).exists():
            continue
        artwork = ArtworkFactory.build(
            title=work["title"],
            display_name=work["display_name"],
            childs_words=work["childs_words"],
            medium=work["medium"],
            alt_text=work["alt_text"],
            age=8 + work["seed"] % 3,
            place=place(data["place"]),
            activity=activity_for(work["art_form"]),
            project=data["project"],
            status=work["status"],
            reviewed_at=now if work["status"] == "approved" else None,
            image=picture_file(work["seed"]),
        )
        artwork.full_clean()
        artwork.save()
        artwork.children.set(Child.objects.filter(reference__in=work["children"]))
        created += 1
    return created


def ensure_galleries(index):
    for gallery in demo()["galleries"]:
        if ShowcasePage.objects.child_of(index).filter(slug=gallery["slug"]).exists():
            continue
        filters = {"project": gallery["project"]} if "project" in gallery else {}
        if "place" in gallery:
            filters["place"] = place(gallery["place"])
        ShowcasePageFactory(
            parent=index,
            title=gallery["title"],
            slug=gallery["slug"],
            introduction=gallery["summary"],
            listing_summary=gallery["summary"],
            **filters,
        )
    return index


def ensure_regional_showcase(spec, now, setup=None):
    """A regional site's showcase: an index on its home page, one gallery, and works whose
    children have consent for that site alone. Made only where the demo has works for it."""
    site = site_for_region(REGIONS_BY_KEY[spec["region"]])
    if site is None:
        return None
    for reference in spec["children"]:
        ensure_child({"reference": reference, "consent": "valid"}, site, now)
    for work in spec["works"]:
        if Artwork.objects.filter(title=work["title"]).exists():
            continue
        artwork = ArtworkFactory.build(
            title=work["title"],
            display_name=work["display_name"],
            childs_words=work["childs_words"],
            medium=work["medium"],
            alt_text=work["alt_text"],
            age=7 + work["seed"] % 4,
            place=place(spec["place"]),
            activity=activity_for(work["art_form"]),
            project=spec["project"],
            status="approved",
            reviewed_at=now,
            image=picture_file(work["seed"]),
        )
        artwork.full_clean()
        artwork.save()
        artwork.children.set(Child.objects.filter(reference__in=work["children"]))
    index, created = ensure_child_page(
        site.root_page,
        ShowcaseIndexPage,
        title=spec["index_title"],
        slug="showcase",
        introduction=spec["index_introduction"],
        listing_summary=spec["index_introduction"],
    )
    if created and setup is not None:
        # Navigation belongs to the home app, which links what the steps ask for.
        setup.add_to_navigation(site, index, sort_order=50)
    gallery = spec["gallery"]
    if not ShowcasePage.objects.child_of(index).filter(slug=gallery["slug"]).exists():
        ShowcasePageFactory(
            parent=index,
            title=gallery["title"],
            slug=gallery["slug"],
            introduction=gallery["summary"],
            listing_summary=gallery["summary"],
            project=spec["project"],
        )
    return index


@transaction.atomic
def load(stdout, activities=0, setup=None, **options):
    site = programme_site()
    now = timezone.now()
    for spec in demo()["children"]:
        ensure_child(spec, site, now)
    created = ensure_works(now)
    index = ensure_galleries(ShowcaseIndexPage.objects.child_of(site.root_page).first())
    for spec in demo().get("regions", []):
        ensure_regional_showcase(spec, now, setup)
    if created:
        stdout.write(f"Showcase: {created} works added.")
    return index
