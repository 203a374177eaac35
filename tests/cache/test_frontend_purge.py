"""Front-end cache purges (wagtail.contrib.frontend_cache, a recording backend): each event
sends the URLs of the pages that show what changed, worked out here independently from the
pages themselves."""

from django.utils import timezone
from wagtail.models import Locale

from directory.factories import ProviderPageFactory
from showcase.models import ConsentRecord
from stories.factories import StoryPageFactory


def full(page):
    return page.get_full_url()


def feeds(index, kind):
    base = full(index)
    return {
        base + "feed/rss/",
        base + "feed/atom/",
        base + f"feed/{kind}/rss/",
        base + f"feed/{kind}/atom/",
    }


def sitemap(world):
    return world["site"].root_url + "/sitemap.xml"


def test_publishing_a_story_purges_it_its_index_feeds_home_and_sitemap(
    world, frontend_cache, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        story = StoryPageFactory(
            parent=world["stories"],
            title="Puppets",
            slug="puppets",
            kind="advocacy",
            activities=[world["activity"]],
        )
    expected = {
        full(story),
        full(world["stories"]),
        full(world["home"]),
        sitemap(world),
        *feeds(world["stories"], "advocacy"),
        full(world["activity"]),  # its "stories about this" panel
        full(world["provider"]),
    }
    assert expected <= set(frontend_cache)


def test_publishing_an_activity_purges_its_listings_and_pages_naming_it(
    world, frontend_cache, django_capture_on_commit_callbacks
):
    activity = world["activity"]
    gallery = world["gallery"]
    gallery.activity = activity
    gallery.save_revision().publish()
    frontend_cache.clear()
    with django_capture_on_commit_callbacks(execute=True):
        activity.title = "Samba and songs"
        activity.save_revision().publish()
    expected = {
        full(activity),
        full(world["provider"]),
        full(world["directory"]),
        full(world["home"]),
        sitemap(world),
        full(gallery),  # "inspired by" on its works
    }
    assert expected <= set(frontend_cache)
    assert full(world["story"]) not in frontend_cache  # the story names no activity


def test_the_page_is_purged_in_every_language(
    world, frontend_cache, django_capture_on_commit_callbacks
):
    welsh = Locale.objects.get_or_create(language_code="cy")[0]
    story = world["story"]
    translation = story.copy_for_translation(welsh, copy_parents=True)
    translation.save_revision().publish()
    frontend_cache.clear()
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()
    welsh_url = full(translation)
    assert "/cy/" in welsh_url
    assert {full(story), welsh_url} <= set(frontend_cache)


def test_moving_purges_the_old_and_new_addresses(
    world, frontend_cache, django_capture_on_commit_callbacks
):
    activity, old_provider = world["activity"], world["provider"]
    new_provider = ProviderPageFactory(parent=world["directory"], title="Beat Box", slug="beat")
    old_url = full(activity)
    frontend_cache.clear()
    with django_capture_on_commit_callbacks(execute=True):
        activity.move(new_provider, pos="last-child")
    activity.refresh_from_db()
    expected = {old_url, full(activity), full(old_provider), full(new_provider)}
    assert expected <= set(frontend_cache)


def test_deleting_purges_the_page_and_its_listings(
    world, frontend_cache, django_capture_on_commit_callbacks
):
    activity = world["activity"]
    expected = {full(activity), full(world["provider"]), full(world["directory"])}
    with django_capture_on_commit_callbacks(execute=True):
        activity.delete()
    assert expected <= set(frontend_cache)


def test_unpublishing_purges_the_page_and_its_listings(
    world, frontend_cache, django_capture_on_commit_callbacks
):
    story = world["story"]
    with django_capture_on_commit_callbacks(execute=True):
        story.unpublish()
    assert {full(story), full(world["stories"]), full(world["home"])} <= set(frontend_cache)


def test_a_withdrawal_purges_the_galleries_index_home_and_sitemap(
    world, frontend_cache, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        ConsentRecord.objects.create(
            child=world["child"], kind=ConsentRecord.Kind.WITHDRAWN, given_at=timezone.now()
        )
    expected = {
        full(world["gallery"]),
        full(world["showcase"]),
        full(world["home"]),
        sitemap(world),
    }
    assert expected <= set(frontend_cache)


def test_nothing_is_sent_without_a_front_end_cache(world, django_capture_on_commit_callbacks):
    from tests.cache import recording_backend

    recording_backend.PURGED.clear()
    with django_capture_on_commit_callbacks(execute=True):
        world["story"].save_revision().publish()
    assert recording_backend.PURGED == []
