"""Factories for the showcase: pages, children, consent and works, shared by the tests and the
demo content. Nothing outside showcase/ may import this module (tests excepted): everything
about consent stays here.

``child_with_consent`` is the one place a child is given consent in a named state, so the
tests and the demo agree on what "expired" or "withdrawn" means in the ledger.
"""

import io
from datetime import timedelta

import factory
from django.core.files.base import ContentFile
from django.utils import timezone
from factory.django import DjangoModelFactory
from PIL import Image, ImageDraw
from wagtail.models import Page, Site

from core.factories import PublishedPageFactory
from showcase.models import Artwork, Child, ConsentRecord, ShowcaseIndexPage, ShowcasePage

NOTICE_VERSION = "2025-09"


class ShowcaseIndexPageFactory(PublishedPageFactory):
    class Meta:
        model = ShowcaseIndexPage

    title = "Children's work"
    slug = "showcase"


class ShowcasePageFactory(PublishedPageFactory):
    class Meta:
        model = ShowcasePage

    title = "Everything"
    slug = "everything"


def drawing(seed=1, size=(320, 240), fmt="PNG", **save_options):
    """A small picture, the same for the same seed, as the bytes of an upload."""
    picture = Image.new("RGB", size, (40 + seed * 20 % 200, 120, 200))
    pen = ImageDraw.Draw(picture)
    pen.ellipse([20, 20, 20 + seed * 7 % 150 + 40, 140], fill=(250, 200, 20))
    pen.rectangle([150, 100, 300, 220], fill=(200, 30, 60))
    buffer = io.BytesIO()
    picture.save(buffer, format=fmt, **save_options)
    return buffer.getvalue()


class ChildFactory(DjangoModelFactory):
    """A child with no consent at all; ``child_with_consent`` gives one."""

    class Meta:
        model = Child


class ConsentRecordFactory(DjangoModelFactory):
    class Meta:
        model = ConsentRecord

    child = factory.SubFactory(ChildFactory)
    given_by = ConsentRecord.GivenBy.PARENT
    given_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=10))
    notice_version = NOTICE_VERSION


def child_with_consent(
    site,
    state="valid",
    reference=None,
    flagged=False,
    user=None,
    now=None,
    given_at=None,
    expires_at=None,
    withdrawn_at=None,
    authority_name="",
):
    """A child whose consent ledger is in the named state:

    valid, withdrawn (given, then withdrawn), all_sites (every regional site), expired,
    print_only (a scope without the website), other_site (another site's consent only),
    not_yet_given (dated in the future), authority (given by the responsible authority for
    a child in care), and anything else (none) for a child without consent. ``flagged``
    marks the child "do not publish".
    """
    now = now or timezone.now()
    child = ChildFactory(**({"reference": reference} if reference else {}))
    entry = {
        "child": child,
        "given_at": given_at or now - timedelta(days=10),
        "site": site,
        "recorded_by": user,
    }
    if state in ("valid", "withdrawn"):
        ConsentRecordFactory(**entry)
    elif state == "all_sites":
        ConsentRecordFactory(**{**entry, "site": None, "all_regional_sites": True})
    elif state == "authority":
        ConsentRecordFactory(
            **entry,
            given_by=ConsentRecord.GivenBy.AUTHORITY,
            authority_name=authority_name,
            expires_at=expires_at,
        )
    elif state == "expired":
        ConsentRecordFactory(
            **{
                **entry,
                "given_at": now - timedelta(days=400),
                "expires_at": expires_at or now - timedelta(seconds=1),
            }
        )
    elif state == "print_only":
        ConsentRecordFactory(**{**entry, "site": None, "print_use": True})
    elif state == "other_site":
        other_home = Page.get_first_root_node().add_child(title="Other", slug="other-home")
        other = Site.objects.create(hostname="wales.example", root_page=other_home)
        ConsentRecordFactory(**{**entry, "site": other})
    elif state == "not_yet_given":
        ConsentRecordFactory(**{**entry, "given_at": now + timedelta(days=3)})
    if state == "withdrawn":
        withdrawal = {"given_at": withdrawn_at} if withdrawn_at else {}
        ConsentRecord.objects.create(child=child, kind=ConsentRecord.Kind.WITHDRAWN, **withdrawal)
    if flagged:
        child.do_not_publish = True
        child.save()
    return child


class ArtworkFactory(DjangoModelFactory):
    """A work by ``children`` (a list), approved unless told otherwise, with a drawing drawn
    from ``seed``."""

    class Meta:
        model = Artwork
        skip_postgeneration_save = True

    class Params:
        seed = 1

    title = factory.LazyAttribute(lambda work: f"Artwork {work.seed}")
    display_name = ""
    medium = Artwork.Medium.PAINTING
    alt_text = "A bright painting of a sun over a red house."
    childs_words = "I like the colours."
    status = Artwork.Status.APPROVED
    reviewed_at = factory.LazyAttribute(
        lambda work: timezone.now() if work.status == Artwork.Status.APPROVED else None
    )
    image = factory.LazyAttribute(lambda work: ContentFile(drawing(work.seed), name="upload.png"))

    @factory.post_generation
    def children(artwork, create, extracted, **kwargs):
        if create and extracted:
            artwork.children.set(extracted)
