"""Time one page of every public page type against a bare Wagtail welcome page, rendered in
full, uncached and cached (MODES says what each means), in one run on one machine
(``make bench-pages``, on a throwaway database with the demo content).

The bare page is a project made by ``wagtail start`` with the Wagtail installed here, in a
temporary folder with its own SQLite database, timed in a subprocess by the same loop
(core/benchmarks/timing.py). A subprocess, because one process cannot hold two Django
projects; the same loop, so the only difference measured is the page.
"""

import json
import os
import subprocess
import sys
import tempfile
from importlib import import_module
from pathlib import Path
from unittest import mock
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError
from django.test import Client, override_settings
from wagtail.models import Page, Site, get_page_models

from core.benchmarks import timing
from core.cache import Entry

# The parts of the run, in order:
# - "rendered in full": no cache of any rendered output, every part of every page rendered
#   (what the first visitor after a change waits for); printed for reference.
# - "uncached": the page cache (core/cache.py) off, the kept fragments (core/fragments.py) on,
#   an anonymous visitor: what a request the page cache does not answer waits for.
# - "with a session": the page cache on, but the visitor carries a session (a teacher with a
#   saved list, an editor), which the page cache never answers; printed for reference.
# - "cached": the page cache on, as an anonymous visitor with no session meets it.
MODES = ("rendered in full", "uncached", "with a session", "cached")


def cache_settings(mode):
    """The settings for each part of the run (MODES)."""
    settings = {"PAGE_CACHE_ENABLED": mode in ("cached", "with a session")}
    if mode == "rendered in full":
        settings["FRAGMENT_CACHE_SECONDS"] = 0
    return settings


def client_for(mode):
    """The test client each part of the run uses: anonymous, or with a session of its own."""
    client = Client()
    if mode == "with a session":
        session = import_module(settings.SESSION_ENGINE).SessionStore()
        session["bench"] = True
        session.create()
        client.cookies[settings.SESSION_COOKIE_NAME] = session.session_key
    return client


def public_pages(site):
    """(label, path) for one live, public page of every page type under ``site``, in its main
    language, plus the first route a page type adds beneath its own address (a showcase
    gallery's work pages, say), found in its sitemap entries so that core needs to know no
    other app and only what the sitemap publishes is timed."""
    root = site.root_page
    pages = Page.objects.live().public().filter(locale_id=root.locale_id)
    chosen = [("HomePage", _path(root.specific))]
    for model in get_page_models():
        if model is Page or model is type(root.specific):
            continue
        candidates = pages.type(model).exact_type(model).descendant_of(root).order_by("path")
        page = candidates.first()
        if page is None:
            continue
        chosen.append((model.__name__, _path(page.specific)))
        route = _first_route(candidates)
        if route is not None:
            chosen.append((f"{model.__name__}: a route", route))
    return chosen


def _first_route(pages):
    """The first address below a page of this type that its sitemap lists, if any."""
    for page in pages[:20]:
        page = page.specific
        own = _path(page)
        for entry in page.get_sitemap_urls():
            path = urlsplit(entry["location"]).path
            if path != own and path.startswith(own):
                return path
    return None


def _path(page):
    return urlsplit(page.get_url()).path


def bare_wagtail_page(repeat, stderr):
    """Times of the welcome page of a new ``wagtail start`` project, in its own process."""
    with tempfile.TemporaryDirectory(prefix="bare-wagtail-") as folder:
        project = Path(folder)
        environment = {
            key: value
            for key, value in os.environ.items()
            if key not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "PYTHONPATH"}
        }
        environment["DJANGO_SETTINGS_MODULE"] = "bare.settings.dev"
        wagtail = Path(sys.executable).with_name("wagtail")

        def run(*command):
            return subprocess.run(  # noqa: S603 (our own interpreter and arguments)
                command, cwd=project, env=environment, capture_output=True, text=True, check=True
            )

        try:
            run(str(wagtail), "start", "bare", str(project))
            run(sys.executable, "manage.py", "migrate", "--noinput", "-v0")
            result = run(sys.executable, timing.__file__, str(repeat))
        except subprocess.CalledProcessError as error:
            stderr.write(error.stderr)
            raise CommandError("Could not build or time the bare Wagtail project.") from error
        return json.loads(result.stdout.strip().splitlines()[-1])


class Command(BaseCommand):
    help = (
        "Time every public page type, rendered in full, uncached and cached, against a bare "
        "Wagtail welcome page: median, p95, queries and ratio to the bare page."
    )

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=30)

    def handle(self, *args, repeat, **options):
        site = Site.objects.get(is_default_site=True)
        host = site.hostname
        pages = public_pages(site)
        # Timed before and after the site's pages, and their mean taken as the yardstick: a
        # virtual machine's speed drifts over minutes, and one reading at the start would put
        # all the drift on the site's side or all of it on the bare page's.
        bare_before = bare_wagtail_page(repeat, self.stderr)
        self.stdout.write(
            f"{len(pages)} pages, {repeat} timed requests each after {timing.WARM_UP} warm-up "
            "requests; in-process test client, DEBUG off"
        )
        worst = {}
        never_kept = {}
        lines = []
        hits = []  # each answer the page cache gave from a stored entry
        served = Entry.response

        def counted(entry):
            hits.append(entry)
            return served(entry)

        for mode in MODES:
            lines.append(f"\n{mode}:")
            with (
                override_settings(**cache_settings(mode)),
                mock.patch.object(Entry, "response", counted),
            ):
                cache.clear()
                client = client_for(mode)
                for label, path in pages:
                    hits.clear()
                    figures = timing.time_page(client, path, repeat, host=host)
                    figures["from_cache"] = len(hits) >= repeat
                    lines.append((mode, label, path, figures))
        bare_after = bare_wagtail_page(repeat, self.stderr)
        bare = (bare_before["median"] + bare_after["median"]) / 2
        for name, figures in (("before", bare_before), ("after", bare_after)):
            self.stdout.write(
                f"bare Wagtail welcome page, timed {name} the site's: median "
                f"{figures['median']:.1f} ms, p95 {figures['p95']:.1f} ms, "
                f"{figures['queries']} queries"
            )
        self.stdout.write(f"bare Wagtail welcome page, the mean of the two medians: {bare:.1f} ms")
        for line in lines:
            if isinstance(line, str):
                self.stdout.write(line)
                continue
            mode, label, path, figures = line
            ratio = figures["median"] / bare
            note = ""
            if mode == "cached" and not figures["from_cache"]:
                # A page the cache never keeps (a form carries each visitor's CSRF token): not
                # a cached page, so not in the cached figure (it is in the uncached one).
                note = "   (never cached: the page cache did not answer it)"
                never_kept[label] = ratio
            else:
                worst[mode] = max(worst.get(mode, (0, "")), (ratio, label))
            self.stdout.write(
                f"  {label:<22} {path:<44} median {figures['median']:7.1f} ms   "
                f"p95 {figures['p95']:7.1f} ms   queries {figures['queries']:3d}   "
                f"x{ratio:5.2f}"
                + ("" if figures["status"] == 200 else f"   status {figures['status']}")
                + note
            )
        self.stdout.write("")
        for mode in ("rendered in full", "with a session"):
            ratio, label = worst[mode]
            self.stdout.write(f"worst page {mode} / bare Wagtail: {ratio:.2f} ({label})")
        for label, ratio in never_kept.items():
            self.stdout.write(
                f"never cached (left out of the cached figure, in the uncached one): {label}, "
                f"x{ratio:.2f}"
            )
        for mode in ("uncached", "cached"):
            ratio, label = worst[mode]
            self.stdout.write(f"worst {mode} page / bare Wagtail: {ratio:.2f} ({label})")
