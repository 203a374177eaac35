"""Publishing, unpublishing, moving and deleting a page purges the page and every listing,
home-page slot, feed and sitemap that shows it: each is first shown to be served from the
cache, so the change showing on the next request proves the purge."""

from wagtail.models import PageViewRestriction

from directory.factories import ActivityPageFactory, ProviderPageFactory
from stories.factories import StoryPageFactory
from tests.cache.conftest import fetch, prime, text


def feeds(world):
    index = world["stories"].url
    return [index + "feed/rss/", index + "feed/atom/"]


def test_publishing_a_story_shows_it_everywhere_it_is_listed(client, world):
    pages = ["/", world["stories"].url, *feeds(world), "/sitemap.xml"]
    prime(client, *pages)

    StoryPageFactory(parent=world["stories"], title="Puppets in Preston", slug="puppets")

    for url in pages:
        assert "puppets" in text(client, url).lower(), url


def test_publishing_an_edit_shows_on_the_page_its_listings_and_the_home_page(client, world):
    activity = world["activity"]
    pages = [activity.url, world["provider"].url, world["directory"].url, "/"]
    prime(client, *pages)
    for url in pages:
        assert "Samba for schools" in text(client, url), url

    activity.title = "Samba and songs"
    activity.save_revision().publish()

    for url in pages:
        body = text(client, url)
        assert "Samba and songs" in body and "Samba for schools" not in body, url


def test_unpublishing_a_story_removes_it_from_every_page_that_showed_it(client, world):
    story = world["story"]
    pages = ["/", world["stories"].url, *feeds(world), "/sitemap.xml"]
    prime(client, story.url, *pages)

    story.unpublish()

    assert client.get(story.url).status_code == 404
    for url in pages:
        assert "drumming" not in text(client, url).lower(), url


def test_moving_an_activity_moves_it_between_provider_listings(client, world):
    activity, old_provider = world["activity"], world["provider"]
    new_provider = ProviderPageFactory(parent=world["directory"], title="Beat Box", slug="beat")
    old_url = activity.url
    prime(client, old_url, old_provider.url, new_provider.url, "/sitemap.xml")
    assert "Samba for schools" not in text(client, new_provider.url)

    activity.move(new_provider, pos="last-child")
    activity.refresh_from_db()

    # Not the stored page: Wagtail's automatic redirect to the new address.
    moved = client.get(old_url)
    assert moved.status_code == 301 and moved["Location"].endswith(activity.url)
    assert "Samba for schools" in text(client, activity.url)
    assert "Samba for schools" not in text(client, old_provider.url)
    assert "Samba for schools" in text(client, new_provider.url)
    sitemap = text(client, "/sitemap.xml")
    assert "/beat/samba/" in sitemap and "/sound-makers/samba/" not in sitemap


def test_deleting_an_activity_removes_it_from_listings_home_and_sitemap(client, world):
    activity = world["activity"]
    url = activity.url
    pages = [world["provider"].url, world["directory"].url, "/"]
    prime(client, url, "/sitemap.xml", *pages)

    activity.delete()

    assert client.get(url).status_code == 404
    for page in pages:
        assert "Samba for schools" not in text(client, page), page
    assert "/samba/" not in text(client, "/sitemap.xml")


def test_a_page_not_touched_by_a_change_is_still_purged_but_served_again_after(client, world):
    """The purge is the whole generation: cheap, never misses a listing; the next request
    renders and stores the page again."""
    prime(client, world["story"].url)
    ActivityPageFactory(parent=world["provider"], title="Steel pans", slug="steel-pans")
    assert fetch(client, world["story"].url)[1] > 0
    assert fetch(client, world["story"].url)[1] == 0


def test_restricting_a_page_to_signed_in_users_stops_serving_the_stored_copy(client, world):
    story = world["story"]
    prime(client, story.url)
    PageViewRestriction.objects.create(page=story, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(story.url)
    assert response.status_code == 302 and "Drumming" not in response.content.decode()
