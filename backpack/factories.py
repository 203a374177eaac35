"""Factories for the class backpack, shared by the tests and the demo content."""

import factory
from factory.django import DjangoModelFactory

from backpack.forms import current_school_year
from backpack.models import Backpack, BookingRequest, PlannedExperience, School


class SchoolFactory(DjangoModelFactory):
    class Meta:
        model = School

    name = factory.Sequence(lambda n: f"Primary School {n}")


class BackpackFactory(DjangoModelFactory):
    class Meta:
        model = Backpack

    class_name = factory.Sequence(lambda n: f"Year 3 Class {n}")
    school_year = factory.LazyFunction(current_school_year)
    year_group = "year-3"
    pupils = 28
    nation = "GB-ENG"


class PlannedExperienceFactory(DjangoModelFactory):
    """An experience of ``activity`` (required) in ``backpack``."""

    class Meta:
        model = PlannedExperience

    backpack = factory.SubFactory(BackpackFactory)
    activity_key = factory.LazyAttribute(lambda planned: planned.activity.translation_key)
    activity_title = factory.LazyAttribute(lambda planned: planned.activity.title)


class BookingRequestFactory(DjangoModelFactory):
    """A request for ``activity`` (required); its provider is the activity's parent."""

    class Meta:
        model = BookingRequest

    activity_title = factory.LazyAttribute(lambda booking: booking.activity.title)
    provider = factory.LazyAttribute(
        lambda booking: booking.activity.get_parent().specific if booking.activity else None
    )
    school_name = "Hillside Primary School"
    contact_name = "A. Teacher"
    email = "teacher@school.example"
    preferred_dates = "Spring term"
    pupils = 28
    adults = 3
    year_group = "Year 3"
