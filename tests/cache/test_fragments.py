"""Kept fragments (core/fragments.py): the parts of a page every visitor sees alike are
rendered once per site generation, with the page cache off, and are dropped by exactly the
events that purge the page cache; what is about the visitor is rendered for each request."""

import logging
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.template import Context, Template
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

from core import fragments, site_cache
from home.factories import FormFieldFactory, FormPageFactory
from showcase.factories import ArtworkFactory, ConsentRecordFactory, child_with_consent
from tests.cache.conftest import text
from tests.cache.test_consent_events import flag_do_not_publish, send_back, withdraw


@pytest.fixture(autouse=True)
def page_cache(settings):
    """Only fragments: every answer below is rendered by its view."""
    settings.PAGE_CACHE_ENABLED = False
    settings.WAGTAILFRONTENDCACHE = {}


@pytest.fixture
def hits(monkeypatch):
    """Counts the kept fragments answers were built from."""
    counted = {"hits": 0}
    real = fragments.recall

    def counting(request, parts):
        html = real(request, parts)
        if html is not None:
            counted["hits"] += 1
        return html

    monkeypatch.setattr(fragments, "recall", counting)
    return counted


@pytest.fixture
def stored(monkeypatch):
    """The names of the fragments kept, as they are kept."""
    names = []
    real = site_cache.keep

    def recording(parts, value, **kwargs):
        if parts[0] == fragments.FRAGMENT_PREFIX:
            names.append(parts[1])
        return real(parts, value, **kwargs)

    monkeypatch.setattr(site_cache, "keep", recording)
    return names


def served_kept(client, hits, url, **extra):
    """(the response, how many kept fragments it was built from)."""
    before = hits["hits"]
    response = client.get(url, **extra)
    return response, hits["hits"] - before


def test_each_page_type_is_built_from_kept_parts_the_second_time(client, world, hits):
    urls = [
        "/",
        world["stories"].url,
        world["story"].url,
        world["directory"].url,
        world["provider"].url,
        world["activity"].url,
        world["showcase"].url,
        world["gallery"].url,
        world["work_url"],
    ]
    for url in urls:
        first, kept_first = served_kept(client, hits, url)
        again, kept_again = served_kept(client, hits, url)
        assert first.status_code == again.status_code == 200, url
        # The head, header, breadcrumbs and the page's own parts are kept for its address (the
        # footer for every page, the navigation for every address of a page).
        assert kept_again >= 4 and kept_again > kept_first, url
        assert again.content == first.content, url


def test_publishing_a_change_shows_at_once(client, world, hits):
    story = world["story"]
    for url in (story.url, world["stories"].url, "/"):
        client.get(url)
    story.title = "Samba in the snow"
    story.save_revision().publish()
    for url in (story.url, world["stories"].url):
        assert "Samba in the snow" in text(client, url), url


def showing(world):
    work = world["work"]
    return {
        world["gallery"].url: "Moon over the canal",
        world["showcase"].url: f"/showcase-media/{work.pk}/",
        "/": "Everything",
    }


@pytest.mark.parametrize("change", [withdraw, flag_do_not_publish, send_back])
def test_a_consent_or_moderation_change_drops_every_kept_part_showing_the_work(
    client, world, hits, change
):
    pages = showing(world)
    for url, marker in pages.items():
        client.get(url)
        response, kept = served_kept(client, hits, url)
        assert kept and marker in response.content.decode(), url
    change(world)
    for url, marker in pages.items():
        assert marker not in text(client, url), url
    assert client.get(world["work_url"]).status_code == 404


def test_a_work_is_not_shown_from_a_kept_part_after_its_consent_expires(
    client, world, hits, monkeypatch, settings
):
    settings.FRAGMENT_CACHE_SECONDS = 3600
    now = timezone.now()
    expiry = now + timedelta(minutes=5)
    ConsentRecordFactory(
        child=world["child"],
        site=world["site"],
        given_at=now - timedelta(days=1),
        expires_at=expiry,
    )
    pages = showing(world)
    for url in pages:
        client.get(url)
    monkeypatch.setattr(timezone, "now", lambda: expiry - timedelta(minutes=1))
    for url, marker in pages.items():
        response, kept = served_kept(client, hits, url)
        assert kept and marker in response.content.decode(), url
    # Nothing happened in between: only the clock tells the kept parts to go.
    monkeypatch.setattr(timezone, "now", lambda: expiry + timedelta(seconds=1))
    for url, marker in pages.items():
        assert marker not in text(client, url), url
    assert client.get(world["work_url"]).status_code == 404


def test_a_consent_starting_later_is_shown_from_its_start(client, world, monkeypatch):
    starts = timezone.now() + timedelta(hours=2)
    child = child_with_consent(world["site"], given_at=starts)
    ArtworkFactory(children=[child], title="Kites at dawn")
    for _ in range(2):
        assert "Kites at dawn" not in text(client, world["gallery"].url)
    monkeypatch.setattr(timezone, "now", lambda: starts + timedelta(seconds=1))
    assert "Kites at dawn" in text(client, world["gallery"].url)


def test_the_form_is_rendered_for_each_visitor_with_their_own_token(db, home_page, hits):
    form_page = FormPageFactory(parent=home_page, title="Sign up", slug="sign-up")
    FormFieldFactory(page=form_page, label="Email", field_type="email")
    first, second = Client(), Client()
    first.get(form_page.url)
    one, kept = served_kept(first, hits, form_page.url)
    other = second.get(form_page.url)
    assert kept  # the page around the form is kept...
    # ...the form itself is not: each visitor's token is their own.
    assert one.cookies["csrftoken"].value != other.cookies["csrftoken"].value
    assert 'name="csrfmiddlewaretoken"' in one.content.decode()
    assert not any("csrfmiddlewaretoken" in str(value) for value in cache._cache.values())


def test_a_fragment_holding_a_csrf_token_is_never_kept(rf, caplog):
    template = Template(
        '{% load kept_fragments %}{% kept_fragment "mistake" %}<form>{% csrf_token %}</form>'
        "{% endkept_fragment %}"
    )
    request = rf.get("/")
    with site_cache.serving(), caplog.at_level(logging.WARNING, logger="core.fragments"):
        key = fragments.key_parts(request, "mistake", [])
        assert key is not None
        html = template.render(Context({"request": request, "csrf_token": "secret-token"}))
        assert "secret-token" in html
        assert fragments.recall(request, key) is None
    assert "CSRF token" in caplog.text


def test_typed_input_is_never_kept(client, world, stored):
    url = world["directory"].url + "?q=samba"
    for _ in range(2):
        assert "Samba for schools" in text(client, url)
    # A search the search log must see refuses every cache: nothing of its page was kept...
    assert stored == []
    # ...while the same page without words keeps its parts.
    client.get(world["directory"].url)
    assert "directory-filters" in stored and "header" in stored
    # Typed input never makes a fragment's key, whoever asks.
    factory = RequestFactory()
    with site_cache.serving():
        assert fragments.key_parts(factory.get("/?q=samba"), "x", [], by_address=True) is None
        assert fragments.key_parts(factory.get("/?postcode=LE1"), "x", [], by_address=True) is None
        assert fragments.key_parts(factory.get("/?art_form=music"), "x", [], by_address=True)


def test_previews_are_never_kept(client, world):
    user = User.objects.create_superuser("editor", "editor@example.org", "pw")
    editor = Client()
    editor.force_login(user)
    story = world["story"]
    client.get(story.url)
    story.title = "A draft nobody may see yet"
    story.save_revision()
    preview = editor.get(reverse("wagtailadmin_pages:view_draft", args=[story.pk]))
    assert "A draft nobody may see yet" in preview.content.decode()
    assert "A draft nobody may see yet" not in text(client, story.url)


def test_the_saved_state_and_count_are_each_visitors_own(client, world):
    activity = world["activity"]
    directory = world["directory"].url
    saver = Client()
    assert saver.post(
        reverse("backpack:toggle"),
        {"activity": activity.pk, "action": "save", "next": directory},
    ).status_code in (302, 303)
    for _ in range(2):
        other = client.get(directory).content.decode()
        mine = saver.get(directory).content.decode()
        assert 'value="save"' in other and 'value="remove"' not in other
        assert 'value="remove"' in mine
    # The header's count of saved activities is the saver's alone.
    count = '<span class="saved-link__count" data-saved-count>{}</span>'
    assert count.format(1) in saver.get(activity.url).content.decode()
    assert count.format(0) in text(client, activity.url)
