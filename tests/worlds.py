"""Costly test worlds (the demo, a directory of activities, a stories archive) built once per
test run and restored wherever a module needs one.

A world is whatever a builder function leaves in the database and the upload folders, plus the
value it returns. On SQLite the test database lives in memory, so the whole of it can be copied
with SQLite's backup API: the first worker that needs a world builds it, saves the copy to a
folder all pytest-xdist workers share (under a file lock, so it is built once per run, not
once per worker) and the others read it back. A module then starts from an untouched copy and,
at its end, the database goes back to its migrated state. Each test inside still runs in its
own transaction, so what one test changes the next does not see.

On PostgreSQL the copy is a database made with ``CREATE DATABASE … TEMPLATE``, which the test
database is dropped and recreated from; the copies are dropped when the run ends
(``drop_postgresql_copies``). Other databases have no such copy: there a world is built inside a
transaction that spans the module (``module_db``) and rolled back at its end.
"""

import fcntl
import pickle
import shutil
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings


def _upload_folders():
    return [("media", settings.MEDIA_ROOT), ("private", settings.SHOWCASE_PRIVATE_ROOT)]


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

    def save(self, path):
        with sqlite3.connect(path) as target:
            self.database.backup(target)

    @classmethod
    def load(cls, path, files):
        database = sqlite3.connect(":memory:", check_same_thread=False)
        with sqlite3.connect(path) as source:
            source.backup(database)
        return cls(database, files)


@dataclass
class PostgresSnapshot:
    """A copy of the PostgreSQL test database (a database on the same server, made from it as a
    template) and of the upload folders."""

    name: str
    files: Path

    @classmethod
    def take(cls, connection, files, name):
        test_database = connection.settings_dict["NAME"]
        connection.close()  # a template must have no other session
        with _server(connection) as server:
            server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            server.execute(f'CREATE DATABASE "{name}" TEMPLATE "{test_database}"')
        for upload, folder in _upload_folders():
            shutil.copytree(folder, files / upload)
        return cls(name, files)

    def restore(self, connection):
        test_database = connection.settings_dict["NAME"]
        connection.close()
        with _server(connection) as server:
            server.execute(f'DROP DATABASE "{test_database}" WITH (FORCE)')
            server.execute(f'CREATE DATABASE "{test_database}" TEMPLATE "{self.name}"')
        for upload, folder in _upload_folders():
            shutil.rmtree(folder, ignore_errors=True)
            shutil.copytree(self.files / upload, folder)


def _server(connection):
    """A connection to the server's maintenance database, outside any transaction."""
    import psycopg

    params = connection.get_connection_params()
    params["dbname"] = "postgres"
    return psycopg.connect(**params, autocommit=True)


def drop_postgresql_copies(connection):
    """Drop this run's copies: their names start with the test database's name (one per
    worker under pytest-xdist) and go on with ``_w_``."""
    settings_dict = connection.settings_dict
    test_name = settings_dict["TEST"].get("NAME") or f"test_{settings_dict['NAME']}"
    with _server(connection) as server:
        names = [row[0] for row in server.execute("SELECT datname FROM pg_database")]
        for name in names:
            if name.startswith(test_name) and "_w_" in name:
                server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@dataclass
class World:
    snapshot: DatabaseSnapshot
    value: bytes  # what the builder returned, pickled: each module gets its own copy

    def unpack(self):
        return pickle.loads(self.value)  # noqa: S301 (written by this test run)


@contextmanager
def _exclusive(path):
    with open(path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class Worlds:
    """The worlds of one test run, on one worker's in-memory SQLite database."""

    def __init__(self, connection, blocker, folder, shared):
        self.connection = connection
        self.blocker = blocker
        self.shared = shared
        self.postgresql = connection.vendor == "postgresql"
        with blocker.unblock():
            self.migrated = self._take(folder / "migrated", "migrated")
        self._worlds = {}

    def _take(self, files, name):
        if not self.postgresql:
            return DatabaseSnapshot.take(self.connection, files)
        test_database = self.connection.settings_dict["NAME"]
        return PostgresSnapshot.take(self.connection, files, f"{test_database}_w_{name}")

    @contextmanager
    def use(self, name, build, on=None):
        """The world `name`, built by `build` (on top of the world `on`, if given) the first
        time any worker asks for it, in place for the duration of the block."""
        value = self.restore(name, build, on)
        try:
            yield value
        finally:
            with self.blocker.unblock():
                self.migrated.restore(self.connection)

    def restore(self, name, build, on=None):
        """Put the world `name` in place and return its value (the caller puts back the
        migrated state, or a transactional test's flush does)."""
        with self.blocker.unblock():
            world = self._worlds.get(name) or self._obtain(name, build, on)
            world.snapshot.restore(self.connection)
        return world.unpack()

    def _obtain(self, name, build, on):
        folder = self.shared / name
        with _exclusive(self.shared / f"{name}.lock"):
            if (folder / "ready").exists():
                if self.postgresql:
                    snapshot = PostgresSnapshot((folder / "database").read_text(), folder)
                else:
                    snapshot = DatabaseSnapshot.load(folder / "database.sqlite3", folder)
                world = World(snapshot, (folder / "value.pickle").read_bytes())
            else:
                if on is None:
                    self.migrated.restore(self.connection)
                else:
                    self._worlds[on].snapshot.restore(self.connection)
                value = pickle.dumps(build())
                shutil.rmtree(folder, ignore_errors=True)
                folder.mkdir(parents=True)
                snapshot = self._take(folder, name)
                if self.postgresql:
                    (folder / "database").write_text(snapshot.name)
                else:
                    snapshot.save(folder / "database.sqlite3")
                (folder / "value.pickle").write_bytes(value)
                (folder / "ready").touch()
                world = World(snapshot, value)
        self._worlds[name] = world
        return world


def module_world(request, name, build, on=None):
    """For a module-scoped fixture: ``yield from module_world(request, "name", build)`` gives
    the module the world `name`. Without copies (neither SQLite in memory nor PostgreSQL) the
    world is built inside the module's rolled-back transaction instead."""
    worlds = request.getfixturevalue("worlds")
    if worlds is None:
        request.getfixturevalue("module_db")
        with request.getfixturevalue("django_db_blocker").unblock():
            value = build()
        yield value
        return
    # Like ``module_db``: the module's own fixtures may add to the world (undone at its end).
    with worlds.blocker.unblock(), worlds.use(name, build, on) as value:
        yield value
