"""The demo showcase after `make run`: visible works shown, every hidden state hidden."""

from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from wagtail.models import Page

from showcase.demo_content import demo
from showcase.models import Artwork, Child, ConsentRecord, ShowcasePage

pytestmark = pytest.mark.django_db

VISIBLE = {"Our street at sunset", "The dancing forest", "Drum song"}


def test_demo_shows_only_the_works_whose_consent_allows(client, demo_site):
    assert set(Artwork.objects.publicly_visible(demo_site).values_list("title", flat=True)) == (
        VISIBLE
    )
    hidden = [work["title"] for work in demo()["works"] if work["title"] not in VISIBLE]
    assert len(hidden) == 6
    hidden_ids = list(Artwork.objects.filter(title__in=hidden).values_list("pk", flat=True))
    paths = [page.url for page in Page.objects.live().public().filter(depth__gte=2).specific()]
    paths += ["/sitemap.xml", "/search/?q=dragon", "/search/?q=kite", "/search/?q=castle"]
    # Every gallery on every regional site, in its own language, asked on its own host.
    for gallery in ShowcasePage.objects.live():
        parts = urlsplit(gallery.full_url)
        paths += [(parts.hostname, f"{parts.path}work/{pk}/") for pk in hidden_ids]
    paths += [f"/showcase-media/{pk}/{size}.jpg" for pk in hidden_ids for size in ("card", "full")]
    seen_visible = set()
    for path in paths:
        host, path = path if isinstance(path, tuple) else ("localhost", path)
        response = client.get(path, HTTP_HOST=host)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        text = body.decode("utf-8", "replace")
        for title in hidden:
            assert title not in text, (path, title)
        for name in ("Leo", "Maya", "Sam", "Noor", "Ella"):
            assert f">{name}" not in text and f"By {name}" not in text, (path, name)
        if "/work/" in path or "showcase-media" in path:
            assert response.status_code == 404, path
        seen_visible |= {title for title in VISIBLE if title in text}
    assert seen_visible == VISIBLE


def test_demo_covers_every_state_and_loads_once(demo_site):
    counts = (Artwork.objects.count(), Child.objects.count(), ConsentRecord.objects.count())
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert (
        Artwork.objects.count(),
        Child.objects.count(),
        ConsentRecord.objects.count(),
    ) == counts
    kinds = set(ConsentRecord.objects.values_list("kind", flat=True))
    assert kinds == {"given", "withdrawn"}
    assert Child.objects.filter(do_not_publish=True).exists()
    assert Artwork.objects.filter(status=Artwork.Status.AWAITING_REVIEW).exists()
    assert ConsentRecord.objects.filter(print_use=True, site=None).exists()
