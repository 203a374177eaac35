"""What the directory finds follows what is published, and nothing else."""

import pytest
from django.utils import translation
from wagtail.models import Locale, Page, PageViewRestriction, Site

from directory.factories import ActivityPageFactory, ProviderPageFactory
from directory.models import ArtForm, DirectoryIndexPage
from directory.search import Filters, activity_scope, search_activities
from home.factories import HomePageFactory
from places.models import Place

pytestmark = pytest.mark.django_db


def search(directory_page, locale_code="en", **filters):
    scope = activity_scope(directory_page, Locale.objects.get(language_code=locale_code))
    return {
        a.title
        for a in search_activities(scope, Filters(**filters), page_size=100).page.object_list
    }


@pytest.fixture
def provider(directory_page):
    return ProviderPageFactory(parent=directory_page, slug="tester")


def republish(activity, tags=None, **changes):
    if tags is not None:
        activity.tags.set(tags)
    for name, value in changes.items():
        setattr(activity, name, value)
    activity.save_revision().publish()


def test_republished_tags_and_places_replace_the_old_ones_in_search(directory_page, provider):
    activity = ActivityPageFactory(
        parent=provider, title="Rhythm day", slug="rhythm", tags=["kazoo"], places=["GB-LCE"]
    )
    assert search(directory_page, q="kazoo") == {"Rhythm day"}
    assert search(directory_page, q="leicester") == {"Rhythm day"}

    english = Locale.objects.get(language_code="en")
    republish(
        activity,
        tags=["ocarina"],
        places=[Place.objects.get(code="GB-DER", locale=english)],
        art_forms=[ArtForm.objects.get(slug="dance", locale=english)],
    )
    assert search(directory_page, q="ocarina") == {"Rhythm day"}
    assert search(directory_page, q="kazoo") == set()
    assert search(directory_page, q="derby") == {"Rhythm day"}
    assert search(directory_page, q="leicester") == set()
    assert search(directory_page, art_form=["dance"]) == {"Rhythm day"}
    assert search(directory_page, art_form=["music"]) == set()


def test_drafts_private_and_unpublished_pages_never_appear(directory_page, provider):
    ActivityPageFactory(parent=provider, title="Published kite day", slug="kite")
    draft = ActivityPageFactory(parent=provider, title="Draft kite day", slug="draft-kite")
    draft.unpublish()
    private = ActivityPageFactory(parent=provider, title="Private kite day", slug="private-kite")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    # A published page with an unpublished newer draft shows its published version.
    published = Page.objects.get(slug="kite").specific
    published.title = "Renamed kite day"
    published.save_revision()
    assert search(directory_page, q="kite") == {"Published kite day"}
    assert search(directory_page) == {"Published kite day"}


def test_other_sites_and_languages_stay_out(directory_page, provider):
    ActivityPageFactory(parent=provider, title="Local lantern parade", slug="lantern")
    root = Page.get_first_root_node()
    other_home = HomePageFactory(parent=root, slug="other-site-home")
    Site.objects.create(hostname="wales.localhost", port=80, root_page=other_home)
    other_directory = DirectoryIndexPage(title="Activities", slug="activities")
    other_home.add_child(instance=other_directory)
    ActivityPageFactory(
        parent=ProviderPageFactory(parent=other_directory, slug="elsewhere"),
        title="Distant lantern parade",
        slug="lantern",
    )

    welsh = Locale.objects.get(language_code="cy")
    welsh_directory = directory_page.copy_for_translation(welsh, copy_parents=True)
    welsh_directory.save_revision().publish()
    welsh_activity = Page.objects.get(slug="lantern", path__startswith=directory_page.path).specific
    translated = welsh_activity.copy_for_translation(welsh, copy_parents=True)
    translated.title = "Gorymdaith lusernau"
    translated.save_revision().publish()

    assert search(directory_page, q="lantern") == {"Local lantern parade"}
    assert search(other_directory, q="lantern") == {"Distant lantern parade"}
    assert search(welsh_directory, "cy", q="gorymdaith") == {"Gorymdaith lusernau"}
    assert search(directory_page, q="gorymdaith") == set()


def test_welsh_directory_search_reads_welsh_words(directory_page, provider):
    ActivityPageFactory(parent=provider, title="Dance workshop for children", slug="dance-workshop")
    welsh = Locale.objects.get(language_code="cy")
    welsh_directory = directory_page.copy_for_translation(welsh, copy_parents=True)
    welsh_directory.save_revision().publish()
    translated = Page.objects.get(slug="dance-workshop").copy_for_translation(
        welsh, copy_parents=True
    )
    translated.title = "Gweithdy dawns i blant"
    translated.save_revision().publish()

    # The words are read in the directory's language, whichever the caller has active: on
    # PostgreSQL, Welsh as written ("dawn", talent, is not "dawns", dance), English stemmed.
    with translation.override("en"):
        assert search(welsh_directory, "cy", q="dawns") == {"Gweithdy dawns i blant"}
        assert search(welsh_directory, "cy", q="dawn") == set()
        assert search(directory_page, q="dance") == {"Dance workshop for children"}


def test_result_cards_name_terms_in_the_reader_language(directory_page, provider):
    activity = ActivityPageFactory(
        parent=provider, title="Drumming circle", slug="drums", art_forms=["music", "dance"]
    )
    welsh = Locale.objects.get(language_code="cy")
    music = ArtForm.objects.get(locale__language_code="en", slug="music")
    welsh_music = music.copy_for_translation(welsh)
    welsh_music.name = "Cerddoriaeth"
    welsh_music.save()
    welsh_directory = directory_page.copy_for_translation(welsh, copy_parents=True)
    welsh_directory.save_revision().publish()
    translated = activity.copy_for_translation(welsh, copy_parents=True)
    translated.save_revision().publish()

    def card_terms(page, locale_code):
        scope = activity_scope(page, Locale.objects.get(language_code=locale_code))
        [card] = search_activities(scope, Filters()).page.object_list
        card.card_batch.load()  # as the card's template does, unless the card is kept rendered
        return card.art_form_names, card.provider_page.title

    # Dance has no Welsh name yet, so it keeps the one it was entered with.
    assert card_terms(welsh_directory, "cy") == (["Cerddoriaeth", "Dance"], provider.title)
    assert card_terms(directory_page, "en") == (["Music", "Dance"], provider.title)
