"""What is never served from the page cache and never stored in it: editors, previews, forms
with CSRF tokens, backpack pages, requests with a session or messages cookie, posts, searches
with typed input or filters (which the search log must see), errors and the showcase's
pictures."""

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from core.cache import ENTRY_PREFIX, NEVER
from home.factories import FormFieldFactory, FormPageFactory
from showcase.images import get_or_create_rendition
from tests.cache.conftest import from_cache, prime, served, text


def stored_pages():
    """How many pages the cache holds (the test cache is the local-memory one)."""
    return sum(ENTRY_PREFIX in key for key in cache._cache)


def assert_never_cached(client, url, **extra):
    """Two requests: neither answered from the cache, nothing stored, and both sent so no
    browser or proxy keeps them."""
    before = stored_pages()
    for _attempt in range(2):
        response, hit = served(client, url, **extra)
        assert not hit, f"{url} was answered from the cache"
        assert response["Cache-Control"] == NEVER, url
    assert stored_pages() == before, f"{url} was stored"
    return response


@pytest.fixture
def editor(db):
    user = User.objects.create_superuser("editor", "editor@example.org", "pw")
    editor = Client()
    editor.force_login(user)
    return editor


def test_signed_in_editors_get_no_stored_page_and_leave_none(client, editor, world):
    prime(client, "/")  # an anonymous copy is stored...
    assert_never_cached(editor, "/")  # ...and never handed to an editor
    # An editor's visit stores nothing an anonymous reader would then be given.
    story = world["story"].url
    assert_never_cached(editor, story)
    assert not from_cache(client, story)


def test_previews_show_the_draft_not_the_stored_page_and_are_not_stored(client, editor, world):
    story = world["story"]
    prime(client, story.url)
    story.title = "A draft nobody may see yet"
    story.save_revision()

    preview = assert_never_cached(editor, reverse("wagtailadmin_pages:view_draft", args=[story.pk]))
    assert "A draft nobody may see yet" in preview.content.decode()
    assert "A draft nobody may see yet" not in text(client, story.url)


def test_backpack_pages_are_never_cached(client, world):
    assert_never_cached(client, reverse("backpack:saved"))


def test_form_pages_with_csrf_tokens_are_never_cached(client, world):
    form_page = FormPageFactory(parent=world["home"])
    FormFieldFactory(page=form_page, label="Your email", field_type="email")
    form_page.save_revision().publish()
    response = assert_never_cached(client, form_page.url)
    assert "csrfmiddlewaretoken" in response.content.decode()


def test_the_take_down_form_is_never_cached(client, world):
    response = assert_never_cached(client, world["showcase"].url + "withdraw/")
    assert "csrfmiddlewaretoken" in response.content.decode()


def test_a_visitor_with_a_session_sees_their_own_page_never_the_stored_one(client, world):
    activity = world["activity"]
    prime(client, activity.url)
    anonymous = text(client, activity.url)
    assert "data-saved-count>0<" in anonymous

    client.post(reverse("backpack:toggle"), {"activity": activity.pk, "action": "save"})

    response = assert_never_cached(client, activity.url)
    assert "data-saved-count>1<" in response.content.decode()
    # Everyone else still gets the stored page.
    assert from_cache(Client(), activity.url)


def test_a_messages_cookie_is_never_answered_from_the_cache(client, world):
    prime(client, "/")
    client.cookies["messages"] = "anything"
    assert_never_cached(client, "/")


def test_posts_are_never_answered_from_the_cache(client, world):
    prime(client, world["story"].url)
    response = client.post(world["story"].url)
    assert response["Cache-Control"] == NEVER


@pytest.mark.parametrize(
    "query",
    [
        {"postcode": "LE1 5WW"},  # where a teacher works
        {"q": "samba"},  # typed keywords
        {"art_form": "music"},  # a search the search log must see
    ],
)
def test_directory_searches_are_never_cached(client, world, query):
    assert_never_cached(client, world["directory"].url, data=query)


def test_the_plain_directory_is_cached(client, world):
    prime(client, world["directory"].url)


def test_site_search_is_never_cached(client, world):
    assert_never_cached(client, "/search/", data={"q": "drumming"})


def test_errors_are_not_stored(client, world):
    before = stored_pages()
    for _attempt in range(2):
        response, hit = served(client, "/no-such-page/")
        assert response.status_code == 404 and not hit
    assert stored_pages() == before


def test_the_showcase_picture_view_is_never_cached(client, world):
    get_or_create_rendition(world["work"], "card")
    url = f"/showcase-media/{world['work'].pk}/card.jpg"
    before = stored_pages()
    for _attempt in range(2):
        response = client.get(url)
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]
    assert stored_pages() == before


def test_query_strings_are_part_of_the_key(client, world):
    """Chosen, not typed: a listing's page number or a story filter is kept, each apart."""
    stories = world["stories"].url
    prime(client, stories, stories + "?kind=case-study")
    assert not from_cache(client, stories + "?kind=advocacy")


def test_nothing_is_stored_when_the_processes_do_not_share_the_cache(client, world, settings):
    # Per-process memory under several workers (no REDIS_URL, no SINGLE_PROCESS_SERVER): a
    # purge in one worker would not reach another's copy, so nothing is kept at all.
    settings.CACHE_SHARED_BY_ALL_PROCESSES = False
    before = stored_pages()
    for _attempt in range(2):
        _response, hit = served(client, world["story"].url)
        assert not hit
    assert stored_pages() == before
