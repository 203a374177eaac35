"""Fixtures shared by the whole suite."""

import os

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connections, transaction
from django.utils import translation
from pytest_django.plugin import blocking_manager_key
from wagtail.models import Locale, Site

from home.factories import site_with_home_page
from tests.worlds import Worlds, drop_postgresql_copies, module_world


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a transactional test, put back the rows the migrations made.

    A transactional test (the browser tests) ends by emptying every table. pytest-django runs
    such tests after the others, but a test worker runs tests in the order they are handed to
    it, so an ordinary test may follow one on the same worker and must still find the locales,
    root page, groups and workflows the migrations created.
    """
    result = yield
    if "transactional_db" in item.fixturenames:
        connection = connections["default"]
        rows = getattr(connection, "_test_serialized_contents", None)
        if rows:
            with item.config.stash[blocking_manager_key].unblock():
                connection.creation.deserialize_db_from_string(rows)
    return result


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
    return site_with_home_page("test-home", locale=english)


def load_demo():
    with open(os.devnull, "w") as devnull:
        call_command("load_demo", stdout=devnull)


@pytest.fixture(scope="session")
def worlds(django_db_setup, django_db_blocker, tmp_path_factory):
    """The costly worlds of this run, built once and shared by the workers (see tests/worlds.py);
    None where the test database cannot be copied (neither SQLite in memory nor PostgreSQL)."""
    connection = connections["default"]
    copyable = connection.vendor == "postgresql" or (
        connection.vendor == "sqlite" and connection.is_in_memory_db()
    )
    if not copyable:
        return None
    base = tmp_path_factory.getbasetemp()
    # Under pytest-xdist each worker's base folder sits in the run's own folder.
    shared = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "shared-worlds"
    shared.mkdir(exist_ok=True)
    return Worlds(connection, django_db_blocker, tmp_path_factory.mktemp("worlds"), shared)


def pytest_sessionfinish(session):
    """Drop the PostgreSQL copies of the worlds once every worker is done."""
    connection = connections["default"]
    if connection.vendor == "postgresql" and not os.environ.get("PYTEST_XDIST_WORKER"):
        drop_postgresql_copies(connection)


@pytest.fixture(scope="module")
def shared_demo(request):
    """The demo content (``load_demo`` takes about a minute), shared by the tests of a module."""
    yield from module_world(request, "demo", load_demo)


@pytest.fixture
def demo_site(shared_demo, db):
    return Site.objects.get(is_default_site=True)
