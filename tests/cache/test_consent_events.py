"""Every consent change purges every page that shows the works concerned (the gallery, the
work's page, the showcase index's cover, the home page's "Children's work" slot, the sitemap),
and a page showing works is never served from the cache past the next consent expiry, for
which there is no event."""

from datetime import timedelta

import pytest
from django.utils import timezone

from core import cache as page_cache
from showcase.factories import ArtworkFactory, ConsentRecordFactory, child_with_consent
from showcase.models import Artwork, ConsentRecord
from tests.cache.conftest import fetch, from_cache, prime, text


def showing(world):
    """Each page that shows the world's work, with what shows it there."""
    work = world["work"]
    return {
        world["gallery"].url: "Moon over the canal",
        world["work_url"]: "Moon over the canal",
        world["showcase"].url: f"/showcase-media/{work.pk}/",
        "/": "Everything",  # the gallery's card, there only while it has a work to show
        "/sitemap.xml": f"work/{work.pk}/",
    }


def assert_shown(client, pages):
    for url, marker in pages.items():
        assert marker in text(client, url), url


def assert_gone(client, pages):
    for url, marker in pages.items():
        assert marker not in text(client, url), url


def withdraw(world):
    ConsentRecord.objects.create(child=world["child"], kind=ConsentRecord.Kind.WITHDRAWN)


def expire_now(world):
    """A new ledger entry moving the expiry into the past (entries are never edited)."""
    now = timezone.now()
    ConsentRecordFactory(
        child=world["child"],
        site=world["site"],
        given_at=now - timedelta(days=30),
        expires_at=now - timedelta(minutes=1),
    )


def flag_do_not_publish(world):
    child = world["child"]
    child.do_not_publish = True
    child.save()


def send_back(world):
    work = world["work"]
    work.status = Artwork.Status.REJECTED
    work.save()


@pytest.mark.parametrize("change", [withdraw, expire_now, flag_do_not_publish, send_back])
def test_a_consent_or_moderation_change_purges_every_page_showing_the_work(client, world, change):
    pages = showing(world)
    assert_shown(client, pages)
    prime(client, *pages)

    change(world)

    assert client.get(world["work_url"]).status_code == 404
    assert_gone(client, pages)


def test_approving_a_work_shows_it_at_once(client, world):
    waiting = ArtworkFactory(
        children=[world["child"]], title="Kites at dawn", status=Artwork.Status.AWAITING_REVIEW
    )
    prime(client, world["gallery"].url)
    assert "Kites at dawn" not in text(client, world["gallery"].url)

    waiting.status = Artwork.Status.APPROVED
    waiting.reviewed_at = timezone.now()
    waiting.save()

    assert "Kites at dawn" in text(client, world["gallery"].url)


def test_lifting_do_not_publish_shows_the_work_again(client, world):
    flag_do_not_publish(world)
    prime(client, world["gallery"].url)
    child = world["child"]
    child.do_not_publish = False
    child.save()
    assert "Moon over the canal" in text(client, world["gallery"].url)


@pytest.fixture
def expiring_soon(world, settings):
    """The world's child's consent, re-recorded to end in five minutes, well within the time
    the cache would otherwise keep a page."""
    settings.PAGE_CACHE_SECONDS = 3600
    now = timezone.now()
    ConsentRecordFactory(
        child=world["child"],
        site=world["site"],
        given_at=now - timedelta(days=1),
        expires_at=now + timedelta(minutes=5),
    )
    return now + timedelta(minutes=5)


def test_pages_showing_works_are_not_served_from_the_cache_after_expiry(
    client, world, expiring_soon, monkeypatch
):
    pages = showing(world)
    prime(client, *pages)
    # Still served from the cache a minute before the expiry...
    real_now = timezone.now
    monkeypatch.setattr(timezone, "now", lambda: expiring_soon - timedelta(minutes=1))
    for url in pages:
        assert from_cache(client, url), url

    # ...and never after it, though nothing happened in between.
    monkeypatch.setattr(timezone, "now", lambda: expiring_soon + timedelta(seconds=1))
    assert client.get(world["work_url"]).status_code == 404
    assert_gone(client, pages)
    monkeypatch.setattr(timezone, "now", real_now)


def test_a_consent_starting_later_is_shown_from_its_start(client, world, monkeypatch):
    starts = timezone.now() + timedelta(hours=2)
    child = child_with_consent(world["site"], given_at=starts)
    ArtworkFactory(children=[child], title="Kites at dawn")
    prime(client, world["gallery"].url)
    assert "Kites at dawn" not in text(client, world["gallery"].url)

    monkeypatch.setattr(timezone, "now", lambda: starts + timedelta(seconds=1))
    assert "Kites at dawn" in text(client, world["gallery"].url)


def max_ages(response):
    directives = dict(
        part.strip().partition("=")[::2] for part in response["Cache-Control"].split(",")
    )
    return {name: int(value) for name, value in directives.items() if value.isdigit()}


def test_headers_never_let_a_cache_keep_a_page_past_the_expiry(
    client, world, frontend_cache, monkeypatch
):
    expiry = timezone.now() + timedelta(seconds=100)
    ConsentRecordFactory(
        child=world["child"],
        site=world["site"],
        given_at=timezone.now() - timedelta(days=1),
        expires_at=expiry,
    )
    for url in [world["gallery"].url, "/"]:
        for _attempt in range(2):  # when rendered, then from the cache
            response, _queries = fetch(client, url)
            remaining = (expiry - timezone.now()).total_seconds()
            ages = max_ages(response)
            assert "public" in response["Cache-Control"]
            assert 0 < ages["s-maxage"] <= remaining, url
            assert ages["s-maxage"] + ages.get("stale-while-revalidate", 0) <= remaining + 1
            assert ages["max-age"] <= remaining
    # Browsers, which no purge reaches, never keep a page showing the works themselves.
    assert max_ages(client.get(world["gallery"].url))["max-age"] == 0


def test_without_a_front_end_cache_pages_showing_works_reach_no_other_cache(client, world):
    response = client.get(world["gallery"].url)
    assert response["Cache-Control"] == page_cache.NEVER
    assert "noarchive" in response["X-Robots-Tag"]
    # ...yet the site's own cache, purged on every change, keeps them.
    assert from_cache(client, world["gallery"].url)
