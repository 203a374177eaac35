"""Time the insights reports on the current database, the way an editor meets them: each report
page and export requested through the admin (templates included), the coverage map drawn from
the report's rows, and each live figure computed with an empty cache. Prints the median and
p95 of each, and the queries each runs; ends with the worst p95.

``make bench-insights`` runs it on a throwaway SQLite database holding the demo content plus
generated activities; ``--searches N`` first tops the search log up to N rows (one bulk insert
per 10,000, seeded, so every run measures the same log).
"""

import random
import time
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale

from core.benchmarks.timing import time_calls
from core.live_figures import live_figure
from directory.models import ActivityPage, ArtForm
from insights.coverage import CoverageQuery, coverage_rows
from insights.coverage_map import map_dots
from insights.live_figures import (
    ACTIVITIES_ON_OFFER,
    AUTHORITIES_WITHOUT_OFFER,
    CLASSES_ON_TRACK,
)
from insights.models import SearchLog, as_stored
from insights.search_log import normalise_keywords
from places.models import Place
from places.stages import STAGES_BY_NATION

BENCH_USER = "insights-bench"
BATCH = 10_000
KEYWORDS = [
    "",
    "",
    "",
    "zumba",
    "Ballet",
    "ballet ",
    "steel pans",
    "samba drumming",
    "street dance",
    "pottery",
    "museum visit",
    "Shakespeare",
    "animation workshop",
    "coding games",
    "poetry slam",
    "circus skills",
]


class QueryCounter:
    """An execute wrapper that counts the queries run through it."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def generate_searches(wanted, stdout):
    """Top the log up to ``wanted`` rows: searches over the last 120 days in every local
    authority (more in some), with one or two art forms, a stage, keywords, and a third
    finding nothing."""
    have = SearchLog.objects.count()
    if have >= wanted:
        return
    rng = random.Random(16)  # noqa: S311 (seeded benchmark data, not a secret)
    english = Locale.objects.get(language_code="en")
    authorities = list(
        Place.objects.filter(locale=english, kind=Place.Kind.LOCAL_AUTHORITY).values_list(
            "code", "lineage"
        )
    )
    weights = [rng.paretovariate(1.5) for _each in authorities]
    slugs = list(ArtForm.objects.filter(locale=english).values_list("slug", flat=True))
    stages = sorted({stage.slug for group in STAGES_BY_NATION.values() for stage in group})
    now = timezone.now()
    started = time.perf_counter()
    while have < wanted:
        rows = []
        for _each in range(min(BATCH, wanted - have)):
            code, _lineage = rng.choices(authorities, weights)[0]
            forms = sorted(rng.sample(slugs, rng.choice([0, 1, 1, 1, 2])))
            rows.append(
                SearchLog(
                    searched_at=now - timedelta(seconds=rng.uniform(0, 120 * 86400)),
                    language="en",
                    place_code=code,
                    local_authority_code=code,
                    art_forms=as_stored(forms),
                    stage=rng.choice(["", "", *stages]),
                    keywords=normalise_keywords(rng.choice(KEYWORDS)),
                    result_count=rng.choice([0, 3, 12, 40]),
                )
            )
        SearchLog.objects.bulk_create(rows, batch_size=1000)
        have += len(rows)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # fresh planner statistics after the bulk load
    stdout.write(f"search log topped up to {have} rows in {time.perf_counter() - started:.1f} s")


class Command(BaseCommand):
    help = "Benchmark the insights reports: median/p95 times and query counts."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=10)
        parser.add_argument("--searches", type=int, default=0, help="Top the log up to N rows.")

    def handle(self, *args, repeat, searches, **options):
        if searches:
            generate_searches(searches, self.stdout)
        user, _created = get_user_model().objects.get_or_create(
            username=BENCH_USER, defaults={"is_superuser": True, "is_staff": True}
        )
        client = Client(HTTP_HOST="localhost")
        client.force_login(user)
        activities = ActivityPage.objects.live().filter(locale__language_code="en").count()
        logged = SearchLog.objects.count()
        self.stdout.write(f"{activities} live activities, {logged} logged searches; {repeat} runs")

        def page(name, **params):
            url = reverse(name)

            def request():
                response = client.get(url, params)
                assert response.status_code == 200, (url, params, response.status_code)  # noqa: S101
                # An export streams: reading it is part of the cost.
                return b"".join(response) if response.streaming else response.content

            return request

        def figure(kind, area="", art_form=""):
            def compute():
                cache.clear()  # uncached: the cost of the first reader after expiry
                return live_figure(kind, area, art_form, "en")

            return compute

        rows = coverage_rows(CoverageQuery())
        filtered = {
            "nation": "GB-ENG",
            "art_form": "music",
            "stage": "ks2",
            "format": "comes-to-school",
            "period": "30",
        }
        reports = {
            "coverage": page("insights_coverage"),
            "coverage, filtered": page("insights_coverage", **filtered),
            "coverage, all time, by searches": page(
                "insights_coverage", period="all", ordering="-searches"
            ),
            "coverage map (drawing)": lambda: map_dots(rows),
            "coverage CSV": page("insights_coverage", export="csv"),
            "coverage Excel": page("insights_coverage", export="xlsx"),
            "unmet demand": page("insights_unmet_demand"),
            "unmet demand, keywords": page("insights_unmet_demand", by="keywords"),
            "unmet demand CSV": page("insights_unmet_demand", export="csv"),
            "unmet demand Excel": page("insights_unmet_demand", export="xlsx"),
            "experiences per pupil": page("insights_experiences"),
            "experiences CSV": page("insights_experiences", export="csv"),
            "experiences Excel": page("insights_experiences", export="xlsx"),
            "live: on offer in Wales": figure(ACTIVITIES_ON_OFFER, "GB-WLS"),
            "live: on offer in UK, music": figure(ACTIVITIES_ON_OFFER, "", "music"),
            "live: LAs with no dance": figure(AUTHORITIES_WITHOUT_OFFER, "", "dance"),
            "live: classes on track": figure(CLASSES_ON_TRACK),
        }
        worst = 0.0
        for name, run in reports.items():
            run()  # warm up (template loading, first-query caches)
            # Counted through an execute wrapper: a request through the test client resets
            # the connection's query log as it starts.
            executed = QueryCounter()
            with connection.execute_wrapper(executed):
                run()
            median, p95 = time_calls(run, repeat)
            worst = max(worst, p95)
            self.stdout.write(
                f"  {name:<32} median {median:7.1f} ms   "
                f"p95 {p95:7.1f} ms   queries {executed.count:3d}"
            )
        self.stdout.write(
            f"insights report p95 at {activities} activities / {logged} searches: {worst:.0f} ms"
        )
