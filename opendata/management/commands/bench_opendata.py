"""Time the open-data API on the current database as a consumer meets it: pages of Open Referral
UK services, filtered searches, and a walk of the whole OpenActive activities feed from its
beginning. Prints the median and p95 of each request and the queries it runs, and ends with

    api p95 at N activities: M ms
    rpde full walk at N activities: S s

``make bench-api`` runs it on a throwaway SQLite database holding the demo content plus
generated activities (10,000 live in all). The per-client limit is lifted for the run (one
client asks thousands of times), and each request is answered in full: no ``If-None-Match``.
"""

import time
from urllib.parse import urlsplit

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from core.benchmarks.timing import time_calls
from directory.models import ActivityPage
from opendata.openreferral.params import MAX_PER_PAGE

SERVICES = "/api/openreferral/services"
SERVICE_AT_LOCATIONS = "/api/openreferral/service_at_locations"
TAXONOMY_TERMS = "/api/openreferral/taxonomy_terms"
ACTIVITIES_FEED = "/api/openactive/feeds/activities"
HOST = "localhost"


class Command(BaseCommand):
    help = "Benchmark the Open Referral UK API and the OpenActive feed walk."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=20)

    def handle(self, *args, repeat, **options):
        with override_settings(OPENDATA_THROTTLE_RATE="1000000/second", ALLOWED_HOSTS=["*"]):
            self._run(repeat)

    def _get(self, client, path, params=None):
        response = client.get(path, params or {}, HTTP_HOST=HOST)
        if response.status_code != 200:
            raise CommandError(f"GET {path} {params or ''} answered {response.status_code}")
        return response

    def _run(self, repeat):
        client = Client()
        english = Locale.objects.get(language_code="en")
        total = ActivityPage.objects.live().filter(locale=english).count()
        self.stdout.write(f"{total} live activities; {repeat} runs per request")
        # Every term fits one page (the largest page the API allows); ``term`` is the slug.
        terms = self._get(client, TAXONOMY_TERMS, {"per_page": MAX_PER_PAGE}).json()["contents"]
        music = next((term["id"] for term in terms if term.get("term") == "music"), None)
        requests = {
            "services, page 1": (SERVICES, {}),
            "services, page 20": (SERVICES, {"page": 20}),
            f"services, {MAX_PER_PAGE} a page": (SERVICES, {"per_page": MAX_PER_PAGE}),
            "services, text search": (SERVICES, {"search": "music"}),
            "services, ages 7-11": (SERVICES, {"minimum_age": 7, "maximum_age": 11}),
            "services, Mondays from 09:00": (SERVICES, {"day": "MO", "start_time": "09:00"}),
            "service at locations, postcode": (
                SERVICE_AT_LOCATIONS,
                {"postcode": "LE1 6AD", "proximity": 16000},
            ),
        }
        if music:
            requests["services, art form term"] = (SERVICES, {"taxonomy_term_id": music})
        worst = 0.0
        for name, (path, params) in requests.items():
            self._get(client, path, params)  # warm: per-process caches
            with CaptureQueriesContext(connection) as captured:
                found = self._get(client, path, params).json().get("total_items")
            # Counted now: the next request opens a new SQLite connection, which empties the
            # query log the capture reads from.
            query_count = len(captured)
            median, p95 = time_calls(
                lambda path=path, params=params: self._get(client, path, params), repeat
            )
            worst = max(worst, p95)
            self.stdout.write(
                f"  {name:<32} median {median:7.1f} ms   p95 {p95:7.1f} ms"
                f"   queries {query_count:3d}   items {found}"
            )
        walked, pages, seconds = self._walk(client)
        self.stdout.write(
            f"  RPDE walk: {walked} items in {pages} pages, {seconds:.1f} s "
            f"({seconds / max(pages, 1) * 1000:.0f} ms a page)"
        )
        self.stdout.write(f"api p95 at {total} activities: {worst:.0f} ms")
        self.stdout.write(f"rpde full walk at {total} activities: {seconds:.1f} s")

    def _walk(self, client):
        """Follow ``next`` from the feed's beginning to its last page (no items, ``next`` its
        own address), as a new consumer would."""
        url, walked, pages = ACTIVITIES_FEED, 0, 0
        started = time.perf_counter()
        while True:
            page = self._get(client, url).json()
            pages += 1
            walked += len(page["items"])
            if not page["items"]:
                break
            # ``next`` is absolute; the test client wants the path and query.
            parts = urlsplit(page["next"])
            url = f"{parts.path}?{parts.query}"
        return walked, pages, time.perf_counter() - started
