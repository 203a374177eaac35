"""Factories for the home app's models, shared by the tests and the demo-content command."""

import factory
import wagtail_factories
from factory.django import DjangoModelFactory
from wagtail.models import Page, Site

from core.factories import PublishedPageFactory, locale
from home.models import Footer, FormField, FormPage, HomePage, StandardPage


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Arts Backpack"
    slug = "home"
    hero_heading = "Five cultural experiences a year for every primary-school child"
    hero_text = "Find local arts and culture for your class."


def site_with_home_page(slug="test-home", **fields):
    """A fresh home page serving as the only, default site's root (the migration's
    placeholder page and its site are replaced)."""
    fields.setdefault("locale", locale("en"))
    home = HomePageFactory(parent=Page.get_first_root_node(), slug=slug, **fields)
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    return home


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Standard page {n}")
    introduction = factory.Faker("sentence", nb_words=12)
    listing_summary = factory.Faker("sentence", nb_words=16)


class FormPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = FormPage

    title = "Join the mailing list"
    slug = "sign-up"
    thank_you_text = "<p>Thank you for signing up.</p>"


class FormFieldFactory(DjangoModelFactory):
    class Meta:
        model = FormField

    page = factory.SubFactory(FormPageFactory)
    sort_order = factory.Sequence(int)
    label = factory.Sequence(lambda n: f"Field {n}")
    field_type = "singleline"
    required = True


class FooterFactory(DjangoModelFactory):
    class Meta:
        model = Footer

    name = "Main footer"
    text = "<p>The Arts Backpack: five cultural experiences a year for every child.</p>"


class PublishedStandardPageFactory(PublishedPageFactory, StandardPageFactory):
    class Meta:
        model = StandardPage


class PublishedFormPageFactory(PublishedPageFactory, FormPageFactory):
    class Meta:
        model = FormPage
