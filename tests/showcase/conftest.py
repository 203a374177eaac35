"""A small showcase world: a site, an index and a gallery, and helpers that make children,
consent and works in any state."""

import io
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw

from showcase.models import Artwork, Child, ConsentRecord, ShowcaseIndexPage, ShowcasePage


@pytest.fixture(autouse=True)
def _fresh_private_root():
    """Each test starts with an empty private folder, so "no file remains" means this test."""
    root = Path(settings.SHOWCASE_PRIVATE_ROOT)
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True, exist_ok=True)
    yield
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True, exist_ok=True)


@pytest.fixture
def site(home_page):
    return home_page.get_site()


@pytest.fixture
def showcase(home_page):
    index = ShowcaseIndexPage(title="Children's work", slug="showcase")
    home_page.add_child(instance=index)
    index.save_revision().publish()
    gallery = ShowcasePage(title="Everything", slug="everything")
    index.add_child(instance=gallery)
    gallery.save_revision().publish()
    return index, gallery


@pytest.fixture
def gallery(showcase):
    return showcase[1]


def drawing(seed=1, size=(320, 240), fmt="PNG", **save_options):
    picture = Image.new("RGB", size, (40 + seed * 20 % 200, 120, 200))
    pen = ImageDraw.Draw(picture)
    pen.ellipse([20, 20, 20 + seed * 7 % 150 + 40, 140], fill=(250, 200, 20))
    pen.rectangle([150, 100, 300, 220], fill=(200, 30, 60))
    buffer = io.BytesIO()
    picture.save(buffer, format=fmt, **save_options)
    return buffer.getvalue()


def make_child(site, state="valid", reference=None, flagged=False, user=None):
    """A child whose consent is in the named state (see STATES below)."""
    now = timezone.now()
    child = Child.objects.create(**({"reference": reference} if reference else {}))
    entry = {
        "child": child,
        "given_by": ConsentRecord.GivenBy.PARENT,
        "given_at": now - timedelta(days=10),
        "notice_version": "2025-09",
        "site": site,
        "recorded_by": user,
    }
    if state in ("valid", "withdrawn"):
        ConsentRecord.objects.create(**entry)
    elif state == "all_sites":
        ConsentRecord.objects.create(**{**entry, "site": None, "all_regional_sites": True})
    elif state == "expired":
        ConsentRecord.objects.create(
            **{
                **entry,
                "given_at": now - timedelta(days=400),
                "expires_at": now - timedelta(seconds=1),
            }
        )
    elif state == "print_only":
        ConsentRecord.objects.create(**{**entry, "site": None, "print_use": True})
    elif state == "other_site":
        from wagtail.models import Page, Site

        other_home = Page.get_first_root_node().add_child(title="Other", slug="other-home")
        other = Site.objects.create(hostname="wales.example", root_page=other_home)
        ConsentRecord.objects.create(**{**entry, "site": other})
    elif state == "not_yet_given":
        ConsentRecord.objects.create(**{**entry, "given_at": now + timedelta(days=3)})
    if state == "withdrawn":
        ConsentRecord.objects.create(child=child, kind=ConsentRecord.Kind.WITHDRAWN)
    if flagged:
        child.do_not_publish = True
        child.save()
    return child


def make_artwork(children, status=Artwork.Status.APPROVED, seed=1, **fields):
    values = {
        "title": f"Artwork {seed}",
        "display_name": "",
        "medium": Artwork.Medium.PAINTING,
        "alt_text": "A bright painting of a sun over a red house.",
        "childs_words": "I like the colours.",
        "status": status,
        "reviewed_at": timezone.now() if status == Artwork.Status.APPROVED else None,
    }
    values.update(fields)
    artwork = Artwork(**values)
    artwork.image = ContentFile(drawing(seed), name="upload.png")
    artwork.save()
    artwork.children.set(children)
    return artwork


@pytest.fixture
def admin_user(db):
    return User.objects.create_superuser("root", "root@example.org", "pw")


@pytest.fixture
def editor(db):
    user = User.objects.create_user("editor", "editor@example.org", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def reviewer(db):
    user = User.objects.create_user("reviewer", "reviewer@example.org", "pw")
    user.groups.add(Group.objects.get(name="Safeguarding reviewers"))
    return user


def private_files():
    root = Path(settings.SHOWCASE_PRIVATE_ROOT)
    return sorted(path for path in root.rglob("*") if path.is_file())


def media_files():
    root = Path(settings.MEDIA_ROOT)
    return sorted(path for path in root.rglob("*") if path.is_file())
