"""Factories and page builders shared by every app's factories, the tests and the demo.

A page here is made the way an editor makes one: added under its parent, then published
through a revision, so it has the history, the live state and the translation links the
site's views, search and workflows expect. Building pages any other way in a test or the demo
would test a site nobody can produce.
"""

import factory
import wagtail_factories
from wagtail.models import Locale

from core.models import SiteImage


class SiteImageFactory(wagtail_factories.ImageFactory):
    class Meta:
        model = SiteImage

    title = factory.Sequence(lambda n: f"Image {n}")


class PublishedPageFactory(wagtail_factories.PageFactory):
    """A page added under ``parent`` and published through a revision, read back from the
    database so its relations are those that were saved. ``publish=False`` leaves a draft
    revision (the page is not live); ``publish=None`` adds a live page with no revision at
    all, which is quicker, for volume that is only there to be searched."""

    class Meta:
        abstract = True

    @classmethod
    def _build(cls, model_class, *args, **kwargs):
        kwargs.pop("publish", None)
        return super()._build(model_class, *args, **kwargs)

    @classmethod
    def _create_instance(cls, model_class, parent, kwargs):
        publish = kwargs.pop("publish", True)
        instance = cls._instance(model_class, kwargs, parent)
        if publish is False:
            instance.live = False  # add_child would otherwise make it live without a revision
        if parent:
            parent.add_child(instance=instance)
        else:
            model_class.add_root(instance=instance)
        if publish is None:
            return instance
        revision = instance.save_revision()
        if publish:
            revision.publish()
        return model_class.objects.get(pk=instance.pk)

    @classmethod
    def _instance(cls, model_class, kwargs, parent):
        """The unsaved page; a factory overrides this for what a constructor cannot take."""
        return model_class(**kwargs)


def locale(language_code="en"):
    return Locale.objects.get(language_code=language_code)


def publish(page):
    """Publish the page's current state as a new revision."""
    page.save_revision().publish()
    return page


def publish_child(parent, page):
    """Add ``page`` under ``parent`` and publish it, as an editor would."""
    parent.add_child(instance=page)
    return publish(page)


def publish_translation(page, language, copy_parents=True, **fields):
    """Publish a translation of ``page`` into ``language`` (a Locale or a language code) with
    the given field values, and return it read back from the database. Its parents are
    translated too where they are not yet, as wagtail-localize does for an editor."""
    if isinstance(language, str):
        language = locale(language)
    translated = page.copy_for_translation(language, copy_parents=copy_parents)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    return translated.specific_class.objects.get(pk=translated.pk)
