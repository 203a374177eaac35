"""`make loadtest`: the production settings under gunicorn, on a throwaway SQLite database with
the demo content, driven by wrk with a realistic mix of pages for a fixed time, twice:

1. as deployed (Redis if one answers on 127.0.0.1:6379, database search);
2. with Redis and Elasticsearch both unreachable (closed ports): the site must degrade, not fail.

Each phase prints requests per second, p50/p95/p99 latency and the non-2xx count; the run ends
with `loadtest: N requests, E errors` and exits non-zero if E > 0. Needs wrk (apt install wrk).

Settings (environment): LOADTEST_SECONDS (30), LOADTEST_CONNECTIONS (20), LOADTEST_WORKERS (2),
LOADTEST_REUSE=1 to keep the database and static files of the previous run.
"""

import http.client
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
WORK = Path(tempfile.gettempdir()) / "artsbackpack-loadtest"
SECONDS = int(os.environ.get("LOADTEST_SECONDS", "30"))
CONNECTIONS = int(os.environ.get("LOADTEST_CONNECTIONS", "20"))
WORKERS = int(os.environ.get("LOADTEST_WORKERS", "2"))
HOST = "localhost"
# Variables the developer's shell may set that would change what is measured.
CONFIG_VARIABLES = {
    "DATABASE_URL",
    "REDIS_URL",
    "ELASTICSEARCH_URL",
    "AWS_STORAGE_BUCKET_NAME",
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "SERVE_MEDIA",
    "TRUSTED_PROXY_COUNT",
    "DJANGO_SETTINGS_MODULE",
}


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def redis_answers():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        return False
    return True


def base_env(settings_module):
    env = {key: value for key, value in os.environ.items() if key not in CONFIG_VARIABLES}
    env.update(
        DJANGO_SETTINGS_MODULE=settings_module,
        PYTHONPATH=f"{ROOT / 'site'}{os.pathsep}{ROOT}",
        # A writer waits for another instead of failing at once (SQLite locks the whole file).
        DATABASE_URL=f"sqlite:///{WORK / 'db.sqlite3'}?timeout=20",
        MEDIA_ROOT=str(WORK / "media"),
        SHOWCASE_PRIVATE_ROOT=str(WORK / "private"),
        STATIC_ROOT=str(WORK / "static"),
        LOG_LEVEL="WARNING",
    )
    return env


def production_env(**services):
    env = base_env("config.settings.production")
    env.update(
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="localhost,127.0.0.1",
        SERVE_MEDIA="1",
        **services,
    )
    return env


def manage(*args, env):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)  # noqa: S603


def prepare():
    if os.environ.get("LOADTEST_REUSE") and (WORK / "db.sqlite3").exists():
        print("loadtest: reusing", WORK)
        return
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    started = time.monotonic()
    print("loadtest: building a throwaway database with the demo content…", flush=True)
    dev = base_env("config.settings.dev")
    manage("migrate", "--noinput", "-v0", env=dev)
    with open(WORK / "load_demo.log", "w") as log:
        subprocess.run(  # noqa: S603 (fixed argument lists)
            [PYTHON, "manage.py", "load_demo"], cwd=ROOT, env=dev, check=True, stdout=log
        )
    manage("collectstatic", "--noinput", "-v0", env=production_env())
    print(f"loadtest: ready in {time.monotonic() - started:.0f} s", flush=True)


def get(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", path, headers={"Host": HOST, "X-Forwarded-Proto": "https"})
    response = connection.getresponse()
    return response.status, response.read().decode("utf-8", "replace")


def start_server(env):
    port = closed_port()
    log = open(WORK / f"gunicorn-{port}.log", "w")  # noqa: SIM115 - closed with the server
    server = subprocess.Popen(  # noqa: S603
        [
            GUNICORN,
            "--chdir",
            "site",
            "--workers",
            str(WORKERS),
            "--timeout",
            "120",
            "--bind",
            f"127.0.0.1:{port}",
            "config.wsgi",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    for _ in range(120):
        try:
            if get(port, "/healthz")[0] == 200:
                return server, port, log
        except OSError:
            pass
        if server.poll() is not None:
            break
        time.sleep(0.5)
    server.terminate()
    sys.exit(f"loadtest: gunicorn did not start; see {log.name}")


def stop_server(server, log):
    server.terminate()
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
    log.close()


def the_mix(port):
    """The addresses to request, weighted like real traffic, found from the site itself."""
    status, sitemap = get(port, "/sitemap.xml")
    if status != 200:
        sys.exit(f"loadtest: sitemap.xml answered {status}")
    pages = [urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
    pages = [path for path in pages if not re.match(r"^/(cy|gd|ga)/", path)]

    def under(prefix, limit):
        return [path for path in pages if path.startswith(prefix) and path != prefix][:limit]

    directory = "/activities/" if "/activities/" in pages else "/"
    mix = ["/"] * 4
    mix += [directory] * 3
    mix += [
        f"{directory}?q=dance",
        f"{directory}?q=music&sort=az",
        f"{directory}?place=GB-WLS",
        f"{directory}?place=uk&sort=soonest",
        f"{directory}?postcode=LE1&radius=25&sort=nearest",
        f"{directory}?page=2",
    ]
    mix += under(directory, 24)
    mix += ["/stories/"] * 2 + under("/stories/", 8)
    mix += [f"/search/?q={word}" for word in ("dance", "theatre", "music", "workshop", "museum")]
    showcase = under("/showcase/", 4)
    mix += ["/showcase/"] + showcase
    for gallery in showcase[:2]:
        status, html = get(port, gallery)
        works = sorted(set(re.findall(r'href="([^"]*/work/\d+/)"', html)))
        mix += [urlsplit(work).path for work in works[:3]]
    mix += [path for path in pages if path.count("/") == 2][:6]  # about, sign-up and the like
    return mix


def phase(title, env):
    print(f"\n== {title}", flush=True)
    server, port, log = start_server(env)
    try:
        mix = the_mix(port)
        paths_file = WORK / "paths.txt"
        paths_file.write_text("\n".join(mix) + "\n")
        print(f"  {len(mix)} addresses, {CONNECTIONS} connections, {SECONDS} s, {WORKERS} workers")
        result = subprocess.run(  # noqa: S603
            [  # noqa: S607 (wrk from PATH, checked in main)
                "wrk",
                "--threads",
                "2",
                "--connections",
                str(CONNECTIONS),
                "--duration",
                f"{SECONDS}s",
                "--timeout",
                "60s",
                "--script",
                str(ROOT / ".ci" / "loadtest.lua"),
                f"http://127.0.0.1:{port}/",
            ],
            env={**os.environ, "LOADTEST_PATHS": str(paths_file), "LOADTEST_HOST": HOST},
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        stop_server(server, log)
    requests, errors = 0, 0
    for line in result.stdout.splitlines():
        if line.startswith("RESULT "):
            requests, errors = (int(part) for part in line.split()[1:3])
        elif line.startswith("  - "):
            print(line)
    if errors:
        print(f"  see {log.name} for the server's log")
    return requests, errors


def main():
    if shutil.which("wrk") is None:
        sys.exit("loadtest: needs wrk (apt install wrk)")
    prepare()
    services = {"REDIS_URL": "redis://127.0.0.1:6379/15"} if redis_answers() else {}
    name = "with Redis" if services else "without Redis (none answers on 127.0.0.1:6379)"
    title = f"Phase 1: production settings, {name}, database search"
    totals = [phase(title, production_env(**services))]
    totals.append(
        phase(
            "Phase 2: Redis and Elasticsearch unreachable (closed ports)",
            production_env(
                REDIS_URL=f"redis://127.0.0.1:{closed_port()}/0",
                ELASTICSEARCH_URL=f"http://127.0.0.1:{closed_port()}",
            ),
        )
    )
    requests = sum(total[0] for total in totals)
    errors = sum(total[1] for total in totals)
    print(f"\nloadtest: {requests} requests, {errors} errors")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
