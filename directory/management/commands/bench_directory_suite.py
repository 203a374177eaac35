"""``make bench``: the directory search at 1,000 and 10,000 activities on SQLite, then at
100,000 on PostgreSQL, each in a throwaway database, ending with the two closing lines.

Every step runs as its own ``manage.py`` process with its own ``DATABASE_URL``, the way a
deployment would, so the settings choose the database and the search backend (Wagtail's
database backend: SQLite FTS5 here, PostgreSQL full text there). A machine with no PostgreSQL
(a user's laptop has only Python) skips that part with a message; it is never a failure.
"""

import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

MANAGE = Path(__file__).resolve().parents[3] / "manage.py"
SQLITE_SIZES = (1000, 10000)
POSTGRES_SIZE = 100000
CLOSING = "directory p95 at "


class Command(BaseCommand):
    help = "Benchmark the directory on SQLite (1,000 and 10,000) and PostgreSQL (100,000)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--sqlite-path", default=str(Path(tempfile.gettempdir()) / "artsbackpack-bench.sqlite3")
        )
        parser.add_argument(
            "--postgres",
            default=os.environ.get(
                "BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres"
            ),
            help="A PostgreSQL server's URL (a database to connect to while creating and "
            "dropping the throwaway one); BENCH_POSTGRES_URL in the environment.",
        )
        parser.add_argument("--postgres-size", type=int, default=POSTGRES_SIZE)
        parser.add_argument("--skip-sqlite", action="store_true")
        parser.add_argument("--repeat", type=int, default=30)

    def handle(self, *args, sqlite_path, postgres, postgres_size, skip_sqlite, repeat, **options):
        closing = []
        if not skip_sqlite:
            Path(sqlite_path).unlink(missing_ok=True)
            url = f"sqlite:///{sqlite_path}"
            self._prepare(url)
            for size in SQLITE_SIZES:
                self._load(url, size)
                closing.append(self._bench(url, repeat))
            Path(sqlite_path).unlink(missing_ok=True)
        closing.append(self._postgres(postgres, postgres_size, repeat))
        # The closing lines: the largest SQLite figure, then PostgreSQL's.
        for line in closing[-2:] if not skip_sqlite else closing:
            self.stdout.write(line)

    def _run(self, url, *command, capture=False):
        env = {**os.environ, "DATABASE_URL": url, "DEBUG": "0"}
        process = subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
            [sys.executable, str(MANAGE), *command],
            env=env,
            capture_output=capture,
            text=True,
            check=False,
        )
        if process.returncode:
            if capture:
                self.stderr.write(process.stdout + process.stderr)
            raise CommandError(f"manage.py {' '.join(command)} failed")
        return process.stdout if capture else ""

    def _prepare(self, url):
        self._run(url, "migrate", "--noinput", "-v0")
        self._run(url, "load_demo", capture=True)  # the site, reference data and demo pages

    def _load(self, url, size):
        started = time.perf_counter()
        self._run(url, "bulk_load_activities", "--up-to", str(size), capture=True)
        self.stdout.write(
            f"loaded up to {size} activities in {time.perf_counter() - started:.0f} s"
        )

    def _bench(self, url, repeat):
        output = self._run(url, "bench_directory", "--repeat", str(repeat), capture=True)
        self.stdout.write(output.rstrip())
        return next(line for line in reversed(output.splitlines()) if line.startswith(CLOSING))

    def _postgres(self, server_url, size, repeat):
        skipped = f"{CLOSING}{size} activities on PostgreSQL: skipped"
        try:
            import psycopg
        except ImportError:
            self.stdout.write("PostgreSQL part skipped: psycopg is not installed.")
            return skipped
        try:
            admin = psycopg.connect(server_url, autocommit=True, connect_timeout=5)
        except psycopg.Error as error:
            self.stdout.write(f"PostgreSQL part skipped: cannot connect ({error}).")
            return skipped
        name = f"artsbackpack_bench_{uuid.uuid4().hex[:8]}"
        # The identifier is ours (letters, digits, underscore), never from input.
        admin.execute(f"CREATE DATABASE {name}")
        url = server_url.rsplit("/", 1)[0] + f"/{name}"
        try:
            started = time.perf_counter()
            self._prepare(url)
            self.stdout.write(
                f"PostgreSQL: site and demo content in {time.perf_counter() - started:.0f} s"
            )
            self._load(url, size)
            return self._bench(url, repeat)
        finally:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            admin.close()
