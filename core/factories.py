"""Factories for the core app's models, shared by the tests and the demo-content command."""

import factory
import wagtail_factories

from core.models import SiteImage


class SiteImageFactory(wagtail_factories.ImageFactory):
    class Meta:
        model = SiteImage

    title = factory.Sequence(lambda n: f"Image {n}")
