"""The site cache (core/site_cache.py): what every page reads of its site (which site, which
page a path routes to, view restrictions, settings, navigation, footer, search choices) is kept
between requests, and a change shows on the very next request whichever way it is made. Each
test first requests the page twice, so the second answer comes from a warm cache, then changes
something through the ORM (no admin, no purge of its own unless the change is a publish)."""

from unittest import mock

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageViewRestriction

from core import site_cache
from directory.factories import ActivityPageFactory, DirectoryIndexPageFactory, ProviderPageFactory
from directory.models import ArtForm
from home.factories import FooterFactory, PublishedStandardPageFactory
from home.models import NavigationLink, SiteSettings


def fetch(client, url):
    """(status, body, queries) of one GET."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response.status_code, response.content.decode(), len(queries)


def warm(client, *urls):
    for url in urls:
        assert client.get(url).status_code == 200, url
        assert client.get(url).status_code == 200, url


@pytest.fixture
def about(home_page):
    return PublishedStandardPageFactory(parent=home_page, title="About us", slug="about")


def test_a_warm_cache_spares_the_site_lookups_and_shows_the_same_page(client, about):
    status, cold_body, cold = fetch(client, about.url)
    status_again, warm_body, warm_queries = fetch(client, about.url)
    assert status == status_again == 200
    assert warm_queries < cold
    assert "About us" in warm_body
    assert cold_body.count("<a ") == warm_body.count("<a ")


def test_navigation_links_added_show_at_once(client, home_page, about):
    warm(client, about.url)
    settings = SiteSettings.for_site(home_page.get_site())
    NavigationLink.objects.create(settings=settings, page=about, sort_order=0)
    _status, body, _queries = fetch(client, home_page.url)
    assert 'class="primary-nav"' in body and f'href="{about.url}"' in body


def test_the_current_navigation_link_follows_the_page_shown(client, home_page, about):
    settings = SiteSettings.for_site(home_page.get_site())
    NavigationLink.objects.create(settings=settings, page=about, sort_order=0)
    warm(client, "/", about.url)
    assert 'aria-current="page">About us<' in fetch(client, about.url)[1]
    assert 'aria-current="page">About us<' not in fetch(client, "/")[1]


def test_site_settings_and_the_footer_changed_show_at_once(client, home_page, about):
    warm(client, about.url)
    settings = SiteSettings.for_site(home_page.get_site())
    settings.contact_email = "hello@example.org"
    settings.footer = FooterFactory(text="<p>Five experiences a year</p>")
    settings.save()
    body = fetch(client, about.url)[1]
    assert "hello@example.org" in body and "Five experiences a year" in body

    footer = settings.footer
    footer.text = "<p>Every child, every year</p>"
    footer.save()
    body = fetch(client, about.url)[1]
    assert "Every child, every year" in body and "Five experiences a year" not in body


def test_an_unpublished_page_is_not_routed_from_the_cache(client, about):
    warm(client, about.url)
    about.unpublish()
    assert fetch(client, about.url)[0] == 404


def test_a_page_moved_to_another_slug_without_an_event_is_routed_afresh(client, about):
    """Whatever saves a page (a command, the shell), not only a publish, is seen."""
    old_url = about.url
    warm(client, old_url)
    about.slug = "who-we-are"
    about.save()
    assert fetch(client, old_url)[0] == 404
    assert fetch(client, old_url.replace("/about/", "/who-we-are/"))[0] == 200


def test_a_deleted_page_is_not_routed_from_the_cache(client, about):
    url = about.url
    warm(client, url)
    about.delete()
    assert fetch(client, url)[0] == 404


def test_a_new_view_restriction_applies_at_once(client, about):
    warm(client, about.url)
    PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(about.url)
    assert response.status_code == 302 and "login" in response["Location"]


def test_a_renamed_search_term_shows_in_the_home_page_search_box(client, home_page):
    directory = DirectoryIndexPageFactory(parent=home_page, title="Directory", slug="directory")
    provider = ProviderPageFactory(parent=directory, title="Sound Makers", slug="sound-makers")
    ActivityPageFactory(parent=provider, title="Samba for schools", art_forms=("music",))
    warm(client, "/", directory.url)
    assert "Music and song" not in fetch(client, "/")[1]
    music = ArtForm.objects.get(slug="music", locale__language_code="en")
    music.name = "Music and song"
    music.save()
    assert "Music and song" in fetch(client, "/")[1]
    assert "Music and song" in fetch(client, directory.url)[1]


def test_the_saved_count_in_the_header_stays_each_visitors_own(home_page):
    """Nothing personal is kept: the header's saved count comes from each visitor's session."""
    directory = DirectoryIndexPageFactory(parent=home_page, title="Directory", slug="directory")
    provider = ProviderPageFactory(parent=directory, title="Sound Makers", slug="sound-makers")
    activity = ActivityPageFactory(parent=provider, title="Samba for schools", slug="samba")
    saver, other = Client(), Client()
    warm(other, activity.url)
    saver.post(reverse("backpack:toggle"), {"activity": activity.pk, "next": activity.url})
    assert "data-saved-count>1<" in fetch(saver, activity.url)[1]
    assert "data-saved-count>0<" in fetch(other, activity.url)[1]


def test_only_a_pages_own_address_is_kept_as_a_route(client, home_page):
    """Sub-paths a routable page serves may take any value: keeping them would let made-up
    addresses fill the cache."""
    directory = DirectoryIndexPageFactory(parent=home_page, title="Directory", slug="directory")
    provider = ProviderPageFactory(parent=directory, title="Sound Makers", slug="sound-makers")
    activity = ActivityPageFactory(parent=provider, title="Samba for schools", slug="samba")
    with mock.patch.object(site_cache, "keep", wraps=site_cache.keep) as keep:
        assert client.get(activity.url).status_code == 200
        client.get(activity.url + "calendar/")
        client.get(activity.url + "no-such-thing/")
    routes = [call.args[0] for call in keep.call_args_list if call.args[0][0] == "route"]
    site = home_page.get_site()
    # The activity's own address, and the home page's, from which any other is routed.
    assert sorted(routes) == [
        ("route", site.pk, "en", ()),
        ("route", site.pk, "en", ("directory", "sound-makers", "samba")),
    ]


def test_a_sub_path_is_routed_from_the_nearest_kept_page(client, home_page):
    directory = DirectoryIndexPageFactory(parent=home_page, title="Directory", slug="directory")
    provider = ProviderPageFactory(parent=directory, title="Sound Makers", slug="sound-makers")
    activity = ActivityPageFactory(parent=provider, title="Samba for schools", slug="samba")
    client.get(activity.url)
    home_type = type(home_page.specific)
    with mock.patch.object(home_type, "route", autospec=True, side_effect=home_type.route) as walk:
        assert client.get(activity.url + "no-such-thing/").status_code == 404
        assert walk.call_count == 1  # "not found" from the kept activity: Wagtail makes sure
        walk.reset_mock()
        assert client.get(activity.url).status_code == 200
        assert client.get(directory.url).status_code == 200  # routed from the home page
        assert walk.call_count == 1


def test_outside_a_request_nothing_is_kept(db):
    answers = iter(["first", "second"])
    assert site_cache.remember(("test",), lambda: next(answers)) == "first"
    assert site_cache.remember(("test",), lambda: next(answers)) == "second"


def test_nothing_is_kept_between_requests_when_processes_do_not_share_the_cache(settings):
    # Per-process memory under several gunicorn workers: a change seen by one worker would
    # never reach the others, so the site cache (and the page cache) read afresh each time.
    from core import site_cache

    settings.CACHE_SHARED_BY_ALL_PROCESSES = False
    site_cache._start()
    try:
        assert site_cache.recall(("anything",)) is site_cache.MISSING
        assert site_cache._generation() is False
    finally:
        site_cache._finish()
    settings.CACHE_SHARED_BY_ALL_PROCESSES = True
    site_cache._start()
    try:
        assert site_cache._generation()  # a token: answers may be kept
    finally:
        site_cache._finish()


def test_a_held_answer_is_the_processs_until_the_generation_changes(settings):
    # ``held``: one copy per process for a large answer (the search scope), handed out until a
    # change starts a new generation, which every request reads from the shared cache; it is
    # not written to the shared cache (a copy per generation would fill it).
    from django.core.cache import cache

    settings.CACHE_SHARED_BY_ALL_PROCESSES = True
    answers = iter([[1, 2], [3]])
    with site_cache.serving():
        first = site_cache.remember(("held",), lambda: next(answers), held=True)
        assert site_cache.remember(("held",), lambda: next(answers), held=True) is first
        assert cache.get(site_cache._key(("held",))) is None
    with site_cache.serving():
        assert site_cache.remember(("held",), lambda: next(answers), held=True) is first
        site_cache.bump_generation()
        assert site_cache.remember(("held",), lambda: next(answers), held=True) == [3]
    with site_cache.serving():  # the next request reads the new generation too
        assert site_cache.remember(("held",), lambda: next(answers), held=True) == [3]
    assert first == [1, 2]
    assert site_cache.remember(("held",), lambda: "outside a request", held=True) == (
        "outside a request"
    )


def test_a_migration_starts_a_new_generation(db, settings):
    # A deployment migrates, and new code may keep answers in another shape than the old code
    # kept under the generation still in Redis: migrating starts a new one.
    from django.apps import apps
    from django.db.models.signals import post_migrate

    settings.CACHE_SHARED_BY_ALL_PROCESSES = True
    with site_cache.serving():
        before = site_cache._generation()
    core = apps.get_app_config("core")
    post_migrate.send(
        sender=core, app_config=core, verbosity=0, interactive=False, using="default", apps=apps
    )
    with site_cache.serving():
        assert site_cache._generation() != before
