"""Time one page of every public page type against a bare Wagtail welcome page, uncached and
cached, in one run on one machine (``make bench-pages``, on a throwaway database with the demo
content).

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
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError
from django.test import Client, override_settings
from wagtail.models import Page, Site, get_page_models

from core.benchmarks import timing


def cached_middleware():
    """The middleware with a page cache in front, for the "cached" figures.

    Until the site has its own page cache this is Django's per-site cache around the site's
    middleware; once it has one, return ``settings.MIDDLEWARE`` (or whatever the real cache
    needs) here and nothing else changes.
    """
    return [
        "django.middleware.cache.UpdateCacheMiddleware",
        *settings.MIDDLEWARE,
        "django.middleware.cache.FetchFromCacheMiddleware",
    ]


def public_pages(site):
    """(label, path) for one live, public page of every page type under ``site``, in its main
    language, plus a showcase work's page (a route of its gallery)."""
    root = site.root_page
    pages = Page.objects.live().public().filter(locale_id=root.locale_id)
    chosen = [("HomePage", _path(root.specific))]
    for model in get_page_models():
        if model is Page or model is type(root.specific):
            continue
        page = pages.type(model).exact_type(model).descendant_of(root).order_by("path").first()
        if page is not None:
            chosen.append((model.__name__, _path(page.specific)))
    chosen.extend(_showcase_work(site, pages, root))
    return chosen


def _showcase_work(site, pages, root):
    from django.apps import apps

    if not apps.is_installed("showcase"):
        return []
    from showcase.models import ShowcasePage

    for gallery in ShowcasePage.objects.live().public().descendant_of(root).order_by("path"):
        artwork = gallery.works(site).first()
        if artwork is not None:
            return [("ShowcasePage: a work", urlsplit(gallery.work_url(artwork)).path)]
    return []


def _path(page):
    return urlsplit(page.get_url()).path


def _never_kept(figures):
    """The response said no cache may keep it (children's work, a form with a CSRF token)."""
    directives = figures["cache_control"].replace(" ", "").split(",")
    return "no-store" in directives or "private" in directives


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
        "Time every public page type, uncached and cached, against a bare Wagtail welcome "
        "page: median, p95, queries and ratio to the bare page."
    )

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=30)

    def handle(self, *args, repeat, **options):
        site = Site.objects.get(is_default_site=True)
        host = site.hostname
        pages = public_pages(site)
        bare = bare_wagtail_page(repeat, self.stderr)
        self.stdout.write(
            f"{len(pages)} pages, {repeat} timed requests each after {timing.WARM_UP} warm-up "
            "requests; in-process test client, anonymous, DEBUG off"
        )
        self.stdout.write(
            f"bare Wagtail welcome page: median {bare['median']:.1f} ms, p95 "
            f"{bare['p95']:.1f} ms, {bare['queries']} queries"
        )
        worst = {}
        uncached_queries = {}
        for mode, middleware in (("uncached", settings.MIDDLEWARE), ("cached", None)):
            self.stdout.write(f"\n{mode}:")
            with override_settings(MIDDLEWARE=middleware or cached_middleware()):
                cache.clear()
                client = Client()
                for label, path in pages:
                    figures = timing.time_page(client, path, repeat, host=host)
                    ratio = figures["median"] / bare["median"]
                    worst[mode] = max(worst.get(mode, (0, "")), (ratio, label))
                    note = ""
                    if mode == "uncached":
                        uncached_queries[label] = figures["queries"]
                    elif _never_kept(figures):
                        note = "   (not cached: the cache policy)"
                    elif figures["queries"] >= uncached_queries[label]:
                        note = "   (not cached: the cache did not keep it)"
                    else:
                        worst["kept"] = max(worst.get("kept", (0, "")), (ratio, label))
                    self.stdout.write(
                        f"  {label:<22} {path:<44} median {figures['median']:7.1f} ms   "
                        f"p95 {figures['p95']:7.1f} ms   queries {figures['queries']:3d}   "
                        f"x{ratio:5.2f}"
                        + ("" if figures["status"] == 200 else f"   status {figures['status']}")
                        + note
                    )
        self.stdout.write("")
        if "kept" in worst:
            ratio, label = worst["kept"]
            self.stdout.write(
                f"worst page served from the cache / bare Wagtail: {ratio:.2f} ({label})"
            )
        for mode in ("uncached", "cached"):
            ratio, label = worst[mode]
            self.stdout.write(f"worst {mode} page / bare Wagtail: {ratio:.2f} ({label})")
