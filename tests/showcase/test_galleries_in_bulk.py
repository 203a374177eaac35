"""Lists of galleries (the home page's "Children's work", the showcase index) check the consent
rule for every gallery in one query. What they find must be exactly what each gallery's own
page shows: the works are worked out here from the records, in plain Python."""

import itertools
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.utils import timezone

from directory.factories import ActivityPageFactory, DirectoryIndexPageFactory, ProviderPageFactory
from places.loader import load_places
from places.models import Place
from showcase.factories import ArtworkFactory, ShowcasePageFactory, child_with_consent
from showcase.featured import featured_galleries
from showcase.models import Artwork, ShowcasePage
from showcase.models.pages import with_visible_works

VISIBLE_STATES = {"valid", "all_sites", "authority"}
# Consent states of showcase/factories.py, plus a flagged child and a work awaiting review
# (both with valid consent).
STATES = ["valid", "expired", "withdrawn", "flagged", "awaiting", "print_only", "all_sites"]


@dataclass
class Work:
    pk: int
    state: str
    project: str
    activity_key: object
    lineage: str
    reviewed_at: object


@pytest.fixture
def world(home_page, site, showcase):
    load_places()
    index, _everything = showcase
    directory = DirectoryIndexPageFactory(parent=home_page)
    provider = ProviderPageFactory(parent=directory)
    drums = ActivityPageFactory(parent=provider, title="Drums")
    clay = ActivityPageFactory(parent=provider, title="Clay")
    leicester = Place.objects.get(code="GB-LCE", locale=home_page.locale)
    east_midlands = Place.objects.get(code="E12000004", locale=home_page.locale)
    derby = Place.objects.get(code="GB-DER", locale=home_page.locale)

    works = []
    now = timezone.now()
    choices = itertools.product(
        STATES, ["", "pilot"], [None, drums, clay], [None, leicester, derby]
    )
    for number, (state, project, activity, place) in enumerate(choices):
        if number % 5:  # one combination in five keeps the world small but varied
            continue
        flagged = state == "flagged"
        consent = "valid" if state in ("flagged", "awaiting") else state
        child = child_with_consent(site, consent, flagged=flagged)
        status = Artwork.Status.AWAITING_REVIEW if state == "awaiting" else Artwork.Status.APPROVED
        reviewed_at = now - timedelta(minutes=number) if status == Artwork.Status.APPROVED else None
        artwork = ArtworkFactory(
            seed=number,
            status=status,
            reviewed_at=reviewed_at,
            project=project,
            activity=activity,
            place=place,
            children=[child],
        )
        works.append(
            Work(
                artwork.pk,
                state,
                project,
                activity.translation_key if activity else None,
                place.lineage if place else "",
                reviewed_at,
            )
        )

    galleries = [
        ShowcasePageFactory(
            parent=index,
            title=f"Gallery {number}",
            slug=f"gallery-{number}",
            project=project,
            activity=activity,
            place=place,
        )
        for number, (project, activity, place) in enumerate(
            itertools.product(["", "pilot"], [None, drums], [None, east_midlands, derby])
        )
    ]
    return index, galleries, works


def expected_works(gallery, works):
    """Newest first, as a gallery's page lists them."""
    shown = [
        work
        for work in works
        if work.state in VISIBLE_STATES
        and (not gallery.project or work.project == gallery.project)
        and (not gallery.activity_id or work.activity_key == gallery.activity.translation_key)
        and (not gallery.place_id or work.lineage.startswith(gallery.place.lineage))
    ]
    return sorted(shown, key=lambda work: (work.reviewed_at, work.pk), reverse=True)


def test_counts_and_covers_match_the_rule_for_every_gallery(world, site):
    index, galleries, works = world
    found = with_visible_works(ShowcasePage.objects.filter(pk__in=[g.pk for g in galleries]), site)
    by_pk = {gallery.pk: gallery for gallery in found}
    assert any(by_pk[g.pk].visible_works == 0 for g in galleries)  # the world has both kinds
    assert any(by_pk[g.pk].visible_works > 1 for g in galleries)
    for gallery in galleries:
        expected = expected_works(gallery, works)
        assert by_pk[gallery.pk].visible_works == len(expected), gallery.title
        assert by_pk[gallery.pk].cover_id == (expected[0].pk if expected else None)
        # The gallery's own page agrees.
        assert [work.pk for work in gallery.works(site)] == [work.pk for work in expected]


def test_the_home_page_features_only_galleries_with_works_to_show(rf, world, site, home_page):
    _index, galleries, works = world
    request = rf.get("/", HTTP_HOST="localhost")
    shown = featured_galleries(request, home_page, limit=100)
    with_works = [g for g in galleries if expected_works(g, works)]
    # The "everything" gallery of the showcase fixture shows every visible work.
    assert [g.title for g in shown if g.title.startswith("Gallery")] == [
        g.title for g in with_works
    ]


def test_the_showcase_index_counts_each_gallery(client, world, site):
    index, galleries, works = world
    response = client.get(index.url)
    html = response.content.decode()
    for gallery in galleries:
        count = len(expected_works(gallery, works))
        block = html.split(f">{gallery.title}</a>", 1)[1].split("</article>", 1)[0]
        label = f"{count} work" if count == 1 else f"{count} works"
        assert label in block, (gallery.title, count)
