"""Fixtures shared by the whole suite."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.utils import translation
from wagtail.models import Locale, Page, Site

from home.factories import HomePageFactory


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate limits and cached fragments must not leak from one test into the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="module")
def module_db(django_db_setup, django_db_blocker):
    """Data shared by every test in a module, inside a transaction rolled back at its end.

    Each test still runs in its own nested transaction (a savepoint), so tests stay isolated
    from each other while a costly world is built once per module, not once per test.
    """
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in English. A request through the test client leaves its language
    active on the thread afterwards, which would otherwise decide how the next test's search
    is read (the PostgreSQL text search configuration follows the active language)."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def english(db):
    return Locale.objects.get(language_code="en")


@pytest.fixture
def home_page(english):
    """A fresh home page serving as the default site's root (the migration's placeholder page
    and its site are replaced)."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="test-home", locale=english)
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    return home


@pytest.fixture
def demo_site(db):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    return Site.objects.get(is_default_site=True)
