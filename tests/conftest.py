"""Fixtures shared by the whole suite."""

import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connections, transaction
from django.utils import translation
from pytest_django.plugin import blocking_manager_key
from wagtail.models import Locale, Site

from home.factories import site_with_home_page


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a transactional test, put back the rows the migrations made.

    A transactional test (the browser tests) ends by emptying every table. pytest-django runs
    such tests after the others, but a test worker runs whole test files in the order they are
    handed to it, so an ordinary test may follow one on the same worker and must still find
    the locales, root page, groups and workflows the migrations created.
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


@dataclass
class DatabaseSnapshot:
    """A copy of the whole SQLite test database and of the upload folders, to restore later."""

    database: sqlite3.Connection
    files: Path

    @classmethod
    def take(cls, connection, files):
        connection.ensure_connection()
        database = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(database)
        for name, folder in _upload_folders():
            shutil.copytree(folder, files / name)
        return cls(database, files)

    def restore(self, connection):
        connection.ensure_connection()
        self.database.backup(connection.connection)
        for name, folder in _upload_folders():
            shutil.rmtree(folder, ignore_errors=True)
            shutil.copytree(self.files / name, folder)


def _upload_folders():
    return [("media", settings.MEDIA_ROOT), ("private", settings.SHOWCASE_PRIVATE_ROOT)]


@dataclass
class DemoSnapshots:
    migrated: DatabaseSnapshot
    demo: DatabaseSnapshot


@pytest.fixture(scope="session")
def demo_snapshots(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo content, loaded once per test worker and kept as a copy to restore.

    ``load_demo`` takes about a minute; most tests that use it only need a fresh copy of its
    result. On SQLite (the test database lives in memory) the whole database is copied with
    SQLite's backup API, before and after loading, with the upload folders, so a module or a
    browser test starts from an untouched demo and leaves nothing behind. Other databases have
    no such copy (None here): there the demo is loaded again where it is needed.
    """
    connection = connections["default"]
    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        return None
    with django_db_blocker.unblock():
        migrated = DatabaseSnapshot.take(connection, tmp_path_factory.mktemp("migrated"))
        load_demo()
        demo = DatabaseSnapshot.take(connection, tmp_path_factory.mktemp("demo"))
        migrated.restore(connection)
    return DemoSnapshots(migrated, demo)


@pytest.fixture(scope="module")
def shared_demo(request, django_db_blocker, demo_snapshots):
    """The demo content, shared by the tests of a module; each test still runs in its own
    transaction, so what one test changes the next does not see."""
    if demo_snapshots is None:
        request.getfixturevalue("module_db")
        with django_db_blocker.unblock():
            load_demo()
        yield
        return
    connection = connections["default"]
    with django_db_blocker.unblock():
        demo_snapshots.demo.restore(connection)
    yield
    with django_db_blocker.unblock():
        demo_snapshots.migrated.restore(connection)


@pytest.fixture
def demo_site(shared_demo, db):
    return Site.objects.get(is_default_site=True)
