"""`make lighthouse`: Lighthouse (mobile) accessibility and SEO scores of the home page, the
directory after a search and an activity page (and that search in Welsh), served as in
production (issue 14).

Builds a throwaway SQLite database with the demo content in /tmp/artsbackpack-lighthouse/,
collects static files, serves the production settings under gunicorn on 127.0.0.1 (DEBUG off,
WhiteNoise's hashed static files) and runs Lighthouse 12 from node_modules/ (`npm ci`) against
Debian's Chromium (CHROME_PATH, default /usr/bin/chromium). gunicorn serves the site through
`behind_the_proxy` below, which adds to every request the header the HTTPS proxy in front of
production adds (X-Forwarded-Proto), so the site answers as it does behind its proxy instead of
redirecting Lighthouse to HTTPS, robots.txt included (Lighthouse fetches it without the page's
extra headers).

Prints each page's two scores and, for a score under 100, the audits that failed and where;
exits non-zero unless every score is 100. LIGHTHOUSE_REUSE=1 keeps the previous database.
"""

import http.client
import json
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
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME = os.environ.get("CHROME_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
WORK = Path(tempfile.gettempdir()) / "artsbackpack-lighthouse"
HOST = "localhost"  # England's site, as `make run` names it
WALES = "wales.localhost"  # the Wales site, whose Welsh pages carry hreflang alternates
CATEGORIES = ("accessibility", "seo")
NOT_SCORED = ("notApplicable", "manual", "informative")
# The same switches as the browser tests (tests/browser/conftest.py): no sandbox inside a
# container, and nothing that phones home.
CHROME_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
]
# Variables the developer's shell may set that would change what is served.
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
    "SITE_PORT",
    "SITE_SCHEME",
}


def behind_the_proxy(environ, start_response):
    """The site as its HTTPS proxy passes requests on (gunicorn imports this module)."""
    from config.wsgi import application

    environ["HTTP_X_FORWARDED_PROTO"] = "https"
    return application(environ, start_response)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def base_env(settings_module, port):
    env = {key: value for key, value in os.environ.items() if key not in CONFIG_VARIABLES}
    env.update(
        DJANGO_SETTINGS_MODULE=settings_module,
        PYTHONPATH=f"{ROOT / 'site'}{os.pathsep}{ROOT}",
        DATABASE_URL=f"sqlite:///{WORK / 'db.sqlite3'}",
        MEDIA_ROOT=str(WORK / "media"),
        SHOWCASE_PRIVATE_ROOT=str(WORK / "private"),
        STATIC_ROOT=str(WORK / "static"),
        # Links between the sites, canonical and hreflang addresses name the port served on.
        SITE_PORT=str(port),
        LOG_LEVEL="WARNING",
    )
    return env


def production_env(port):
    env = base_env("config.settings.production", port)
    env.update(
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="localhost,.localhost,127.0.0.1",
        SERVE_MEDIA="1",
    )
    return env


def manage(*args, env, log=None):
    subprocess.run(  # noqa: S603 (fixed argument lists)
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=log
    )


def prepare(port):
    dev = base_env("config.settings.dev", port)
    if os.environ.get("LIGHTHOUSE_REUSE") and (WORK / "db.sqlite3").exists():
        print("lighthouse: reusing", WORK, flush=True)
        manage("sync_regional_sites", env=dev, log=subprocess.DEVNULL)
        return
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    started = time.monotonic()
    print("lighthouse: building a throwaway database with the demo content…", flush=True)
    manage("migrate", "--noinput", "-v0", env=dev)
    with open(WORK / "load_demo.log", "w") as log:
        manage("load_demo", env=dev, log=log)
    manage("collectstatic", "--noinput", "-v0", env=production_env(port))
    print(f"lighthouse: ready in {time.monotonic() - started:.0f} s", flush=True)


def get(port, path, host=HOST):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", path, headers={"Host": host})
    response = connection.getresponse()
    return response.status, response.read().decode("utf-8", "replace")


def start_server(port):
    log = open(WORK / "gunicorn.log", "w")  # noqa: SIM115 - closed with the server
    server = subprocess.Popen(  # noqa: S603
        [GUNICORN, "--chdir", "site", "--pythonpath", str(ROOT / ".ci")]
        + ["--workers", "2", "--bind", f"127.0.0.1:{port}", "--timeout", "120"]
        + ["lighthouse:behind_the_proxy"],
        cwd=ROOT,
        env=production_env(port),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    for _ in range(120):
        try:
            if get(port, "/healthz")[0] == 200:
                return server, log
        except OSError:
            pass
        if server.poll() is not None:
            break
        time.sleep(0.5)
    server.terminate()
    sys.exit(f"lighthouse: gunicorn did not start; see {log.name}")


def stop_server(server, log):
    server.terminate()
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
    log.close()


def pages_to_check(port):
    """{name: address}: home, the directory after a search, an activity found by that search,
    and the same search in Welsh on the Wales site (a page in two languages, with hreflang)."""
    status, html = get(port, "/activities/?q=dance")
    if status != 200:
        sys.exit(f"lighthouse: the directory answered {status}")
    # A result card links to its activity, /activities/<provider>/<activity>/, on this site
    # or (a card from another regional site's directory) on that one.
    activities = [
        urlsplit(href).path
        for href in re.findall(r'href="([^"]+)"', html)
        if urlsplit(href).netloc in ("", f"{HOST}:{port}")
        and re.fullmatch(r"/activities/[^/]+/[^/]+/", urlsplit(href).path)
    ]
    if not activities:
        sys.exit("lighthouse: the directory search found no activity on this site to check")
    status, _html = get(port, "/cy/gweithgareddau/?q=dawns", host=WALES)
    if status != 200:
        sys.exit(f"lighthouse: the Welsh directory answered {status}")
    return {
        "home": f"http://{HOST}:{port}/",
        "directory (search)": f"http://{HOST}:{port}/activities/?q=dance",
        "activity": f"http://{HOST}:{port}{activities[0]}",
        "directory in Welsh (search)": f"http://{WALES}:{port}/cy/gweithgareddau/?q=dawns",
    }


def lighthouse(name, url):
    report_path = WORK / f"{re.sub(r'[^a-z]+', '-', name.lower()).strip('-')}.report.json"
    command = [
        str(LIGHTHOUSE),
        url,
        f"--only-categories={','.join(CATEGORIES)}",
        "--form-factor=mobile",
        "--output=json",
        f"--output-path={report_path}",
        f"--chrome-flags={' '.join(CHROME_FLAGS)}",
        "--quiet",
    ]
    result = subprocess.run(  # noqa: S603 (our own command line)
        command,
        env={**os.environ, "CHROME_PATH": CHROME},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if result.returncode != 0 or not report_path.exists():
        print(result.stdout[-3000:], result.stderr[-3000:], sep="\n")
        sys.exit(f"lighthouse: Lighthouse failed on {url}")
    return json.loads(report_path.read_text())


def failures(report, category):
    """Lines naming each audit of ``category`` that lost points, and where."""
    lines = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        passed = audit.get("score") == 1 or audit.get("scoreDisplayMode") in NOT_SCORED
        if ref.get("weight", 0) == 0 or passed:
            continue
        lines.append(f"    - {audit['id']}: {audit['title']}")
        # An audit that could not run ("error") leaves the whole category without a score.
        for reason in (audit.get("explanation"), audit.get("errorMessage")):
            if reason:
                lines.append(f"        {reason}")
        for item in (audit.get("details") or {}).get("items", [])[:10]:
            node = item.get("node") or {}
            where = node.get("selector") or item.get("source") or item.get("url") or ""
            snippet = " ".join((node.get("snippet") or "").split())[:160]
            lines.append(f"        {where} {snippet}".rstrip())
    return lines


def main():
    if not LIGHTHOUSE.exists():
        sys.exit("lighthouse: node_modules/ has no Lighthouse; run `npm ci` first")
    if not os.path.exists(CHROME):
        sys.exit(f"lighthouse: Chromium not found at {CHROME} (apt-get install chromium)")
    port = free_port()
    prepare(port)
    server, log = start_server(port)
    scores, problems = [], []
    try:
        for name, url in pages_to_check(port).items():
            started = time.monotonic()
            report = lighthouse(name, url)
            line = [f"{name}: {url}"]
            for category in CATEGORIES:
                score = report["categories"][category]["score"]
                score = round((score or 0) * 100)
                scores.append(score)
                line.append(f"{category} {score}")
                if score < 100:
                    problems += [f"  {name}, {category} {score}:", *failures(report, category)]
            print(f"{', '.join(line)} ({time.monotonic() - started:.0f} s)", flush=True)
    finally:
        stop_server(server, log)
    for problem in problems:
        print(problem)
    print(f"lighthouse: lowest score {min(scores)} of {len(scores)} (reports in {WORK})")
    sys.exit(0 if min(scores) == 100 else 1)


if __name__ == "__main__":
    main()
