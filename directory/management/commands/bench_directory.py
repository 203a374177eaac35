"""Time the directory search on the current database: median and p95 per typical search, and
the number of queries each one runs (which must not grow with results or page number)."""

import time

from django.core.management.base import BaseCommand
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from core import site_cache
from core.benchmarks.timing import time_calls
from directory.models import ActivityPage, DirectoryIndexPage
from directory.search import Filters, activity_scope, search_activities
from directory.search.cards import load_cards
from places.models import Place
from places.postcodes import find_district


def typical_searches():
    english = Locale.objects.get(language_code="en")
    return {
        "text only": Filters(q="music"),
        "place only": Filters(place=Place.objects.get(code="E12000004", locale=english)),
        "near a postcode": Filters(postcode=find_district("LE1 6AD"), radius=25),
        "three filters combined": Filters(art_form=["music", "dance"], age_range=(7, 7), free=True),
        "no filter, page 5": Filters(page=5),
    }


class Command(BaseCommand):
    help = "Benchmark the directory search and print median/p95 times and query counts."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=30)

    def handle(self, *args, repeat, **options):
        english = Locale.objects.get(language_code="en")
        directory = DirectoryIndexPage.objects.filter(locale=english).first()
        scope = activity_scope(directory, english)
        total = ActivityPage.objects.live().filter(locale=english).count()
        self.stdout.write(f"{total} live activities; {repeat} runs per search")
        self._run(scope, total, repeat)

    def _run(self, scope, total, repeat):
        # As the directory page searches: each search in a request of its own, with the site
        # cache keeping what it keeps in production (Redis, or one process). The scope is then
        # read once per site generation; that first read is timed on its own.
        with site_cache.serving():
            started = time.perf_counter()
            scope.kept_ids()
            first_read = (time.perf_counter() - started) * 1000
            keeping = site_cache.keeping()
        self.stdout.write(
            f"  scope read once per site generation: {first_read:.1f} ms"
            if keeping
            else "  (the site cache is not keeping answers: every search reads the scope afresh)"
        )

        def search(filters):
            with site_cache.serving():
                results = search_activities(scope, filters)
                # And what the page's cards show, read as a page whose cards are not kept
                # rendered reads it.
                load_cards(results.page.object_list)
                return results

        worst = 0.0
        for name, filters in typical_searches().items():
            search(filters)  # warm caches
            with CaptureQueriesContext(connection) as captured:
                results = search(filters)
            median, p95 = time_calls(lambda f=filters: search(f), repeat)
            worst = max(worst, p95)
            self.stdout.write(
                f"  {name:<24} median {median:7.1f} ms   p95 {p95:7.1f} ms   "
                f"queries {len(captured):3d}   results {results.total}"
            )
        database = " on PostgreSQL" if connection.vendor == "postgresql" else ""
        self.stdout.write(f"directory p95 at {total} activities{database}: {worst:.0f} ms")
