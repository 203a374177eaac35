"""Factories for the directory's models, shared by the tests and the demo content.

Taxonomy terms and places are reference data made by ``bootstrap`` (and the migrations), so a
factory takes them by slug or code (or as objects) and looks them up in English; a test then
says ``art_forms=["music"]`` and nothing more.
"""

from datetime import timedelta

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from core.factories import PublishedPageFactory, locale
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
from places.models import Place


def terms(model, chosen):
    """The English terms of ``model`` named by slug (objects pass through), in the given
    order."""
    slugs = [each for each in chosen if isinstance(each, str)]
    found = {term.slug: term for term in model.objects.filter(locale=locale(), slug__in=slugs)}
    return [
        found[each] if isinstance(each, str) else each
        for each in chosen
        if not isinstance(each, str) or each in found
    ]


def places(chosen):
    """English places named by code (objects pass through)."""
    codes = [each for each in chosen if isinstance(each, str)]
    found = {place.code: place for place in Place.objects.filter(locale=locale(), code__in=codes)}
    return [
        found[each] if isinstance(each, str) else each
        for each in chosen
        if not isinstance(each, str) or each in found
    ]


class TaxonomyFactory(DjangoModelFactory):
    class Meta:
        abstract = True
        django_get_or_create = ("slug", "locale")

    name = factory.Sequence(lambda n: f"Term {n}")
    slug = factory.LazyAttribute(lambda term: term.name.lower().replace(" ", "-"))
    locale = factory.LazyFunction(locale)


class ArtFormFactory(TaxonomyFactory):
    class Meta:
        model = ArtForm


class FormatFactory(TaxonomyFactory):
    class Meta:
        model = Format


class AccessFeatureFactory(TaxonomyFactory):
    class Meta:
        model = AccessFeature


class DeliveryLanguageFactory(TaxonomyFactory):
    class Meta:
        model = DeliveryLanguage


class DirectoryIndexPageFactory(PublishedPageFactory):
    class Meta:
        model = DirectoryIndexPage

    title = "Find activities"
    slug = "activities"


class ProviderVenueFactory(DjangoModelFactory):
    """Build (not create) venues to hand to a provider:
    ``venues=[ProviderVenueFactory.build()]``."""

    class Meta:
        model = ProviderVenue

    name = factory.Sequence(lambda n: f"Venue {n}")
    postcode = "LE1 1AA"


class ProviderPageFactory(PublishedPageFactory):
    class Meta:
        model = ProviderPage

    slug = factory.Sequence(lambda n: f"provider-{n}")
    title = factory.LazyAttribute(lambda provider: provider.slug.title())
    description = "<p>About us.</p>"

    @classmethod
    def _instance(cls, model_class, kwargs, parent):
        if "places_served" in kwargs:
            kwargs["places_served"] = places(kwargs["places_served"])
        return model_class(**kwargs)


class ActivitySessionFactory(DjangoModelFactory):
    """Build (not create) sessions to hand to an activity; an activity also takes
    ``(start, end)`` pairs."""

    class Meta:
        model = ActivitySession

    start = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))


ACTIVITY_TERMS = {
    "art_forms": ArtForm,
    "formats": Format,
    "access_features": AccessFeature,
    "delivery_languages": DeliveryLanguage,
}


class ActivityPageFactory(PublishedPageFactory):
    """An activity; its taxonomy terms are slugs, its places codes, its sessions
    ActivitySession objects or ``(start, end)`` pairs, its tags keywords."""

    class Meta:
        model = ActivityPage

    title = factory.Sequence(lambda n: f"Activity {n}")
    slug = factory.Sequence(lambda n: f"activity-{n}")
    summary = "An activity."
    description = "<p>Details.</p>"
    age_min = 5
    age_max = 11
    is_free = True
    art_forms = ("music",)
    formats = ("comes-to-school",)
    access_features = ()
    delivery_languages = ("english",)
    places = ("GB-LCE",)
    sessions = ()

    @classmethod
    def _instance(cls, model_class, kwargs, parent):
        tags = kwargs.pop("tags", ())
        for name, model in ACTIVITY_TERMS.items():
            kwargs[name] = terms(model, kwargs[name])
        kwargs["places"] = places(kwargs["places"])
        kwargs["sessions"] = [
            each
            if isinstance(each, ActivitySession)
            else ActivitySession(start=each[0], end=each[1])
            for each in kwargs["sessions"]
        ]
        activity = model_class(**kwargs)
        if tags:
            activity.tags.add(*tags)
        return activity
