"""Demo stories, written for this site from the programme's published background
(../shared/seeds): the pilots, the policy case for the programme and case studies of culture
changing children's and young people's chances. Figures carry their sources; quotes are
attributed as the sources attribute them. Stories link to the demo providers, activities and
places the directory's demo content creates.

The stories are data (stories/demo/stories.toml); this module finds what they link to and
makes them with the stories app's factories, as the tests do. Safe to run again: a story,
author or document that is already there is left as it is.
"""

from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.models import Locale

from core.demo_data import read_demo_data, stream_blocks
from core.demo_images import get_or_create_demo_image
from directory.models import ActivityPage, DirectoryIndexPage, ProviderPage
from places.models import Place
from stories.bootstrap import programme_site
from stories.factories import StoryPageFactory
from stories.models import Author, StoryIndexPage, StoryPage, Theme


def get_or_create_document(title, filename, text):
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing is not None:
        return existing
    data = text.encode("utf-8")
    doc = Document(title=title, file_size=len(data))
    doc.file.save(filename, ContentFile(data), save=False)
    doc.save()
    return doc


class Lookups:
    """Demo vocabulary and directory pages by their stable keys."""

    def __init__(self, home):
        english = Locale.objects.get(language_code="en")
        self.locale = english
        self.themes = {t.slug: t for t in Theme.objects.filter(locale=english)}
        self.places = {p.code: p for p in Place.objects.filter(locale=english)}
        self.directory = DirectoryIndexPage.objects.child_of(home).live().first() or home
        self.providers = {
            p.slug: p
            for p in ProviderPage.objects.descendant_of(home).filter(locale=english).live()
        }

    def author(self, name, role):
        author, _ = Author.objects.get_or_create(
            name=name, locale=self.locale, defaults={"role": role}
        )
        return author

    def first_activity(self, provider_slug):
        provider = self.providers.get(provider_slug)
        if provider is None:
            return None
        return ActivityPage.objects.child_of(provider).live().order_by("path").first()


def add_story(index, lookups, spec, refs):
    existing = StoryPage.objects.child_of(index).filter(slug=spec["slug"]).first()
    if existing is not None:
        return existing, False
    activities = (lookups.first_activity(slug) for slug in spec.get("activities", []))
    story = StoryPageFactory(
        parent=index,
        title=spec["title"],
        slug=spec["slug"],
        kind=spec["kind"],
        date=spec["date"],
        summary=spec["summary"],
        body=stream_blocks(spec["body"], refs),
        listing_image=refs.get(spec.get("image")),
        authors=[refs[name] for name in spec["authors"]],
        themes=spec["themes"],
        places=spec["places"],
        providers=[
            lookups.providers[slug]
            for slug in spec.get("providers", [])
            if slug in lookups.providers
        ],
        activities=[activity for activity in activities if activity is not None],
    )
    return story, True


def references(data, lookups):
    """The images, documents, authors and pages the stories name, by their names."""
    refs = {"directory": lookups.directory}
    for name, seed in data["images"].items():
        refs[name] = get_or_create_demo_image(f"Abstract shapes ({name} story)", seed=seed)
    for name, spec in data["documents"].items():
        refs[name] = get_or_create_document(spec["title"], spec["filename"], spec["text"])
    for author in data["authors"]:
        refs[author["name"]] = lookups.author(author["name"], author["role"])
    return refs


@transaction.atomic
def load(stdout, activities=0, **options):
    site = programme_site()
    index = StoryIndexPage.objects.child_of(site.root_page).first() if site else None
    if index is None:
        return None
    home = site.root_page
    lookups = Lookups(home)
    created = 0
    stories = {}
    data = read_demo_data("stories", "stories")
    refs = references(data, lookups)
    for spec in data["stories"]:
        story, was_created = add_story(index, lookups, spec, refs)
        stories[spec["slug"]] = story
        created += was_created
    if index.featured_story_id is None and "wakefield-summer-school" in stories:
        index.featured_story = stories["wakefield-summer-school"]
        index.save_revision().publish()
    if created:
        stdout.write(f"Stories: {created} stories added.")
    return index
