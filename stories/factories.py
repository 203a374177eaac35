"""Factories for the stories app's models, shared by the tests and the demo content.

A story's themes are slugs and its places codes, looked up in the story's own language (its
parent's); authors are names (or Author objects), made on first use; providers and
activities are pages.
"""

import factory

from core.factories import PublishedPageFactory, locale
from places.models import Place
from stories.models import (
    Author,
    StoryActivity,
    StoryAuthor,
    StoryIndexPage,
    StoryPage,
    StoryPlace,
    StoryProvider,
    StoryTheme,
    Theme,
)


class StoryIndexPageFactory(PublishedPageFactory):
    class Meta:
        model = StoryIndexPage

    title = "Stories"
    slug = "stories"
    introduction = "What we learn."


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author
        django_get_or_create = ("name", "locale")

    name = factory.Faker("name")
    locale = factory.LazyFunction(locale)


class StoryPageFactory(PublishedPageFactory):
    class Meta:
        model = StoryPage

    title = factory.Sequence(lambda n: f"Story {n}")
    slug = factory.Sequence(lambda n: f"story-{n}")
    kind = "case-study"
    summary = "What happened, and where."
    body = factory.LazyFunction(lambda: [{"type": "rich_text", "value": "<p>Some words.</p>"}])

    @classmethod
    def _instance(cls, model_class, kwargs, parent):
        language = parent.locale if parent else locale()
        themes = kwargs.pop("themes", ())
        places = kwargs.pop("places", ())
        authors = kwargs.pop("authors", ())
        providers = kwargs.pop("providers", ())
        activities = kwargs.pop("activities", ())
        story = model_class(**kwargs)
        story.story_themes = [
            StoryTheme(theme=Theme.objects.get(slug=slug, locale=language)) for slug in themes
        ]
        story.story_places = [
            StoryPlace(place=Place.objects.get(code=code, locale=language)) for code in places
        ]
        story.story_authors = [
            StoryAuthor(
                author=AuthorFactory(name=author, locale=language)
                if isinstance(author, str)
                else author
            )
            for author in authors
        ]
        story.story_providers = [StoryProvider(provider=provider) for provider in providers]
        story.story_activities = [StoryActivity(activity=activity) for activity in activities]
        return story
