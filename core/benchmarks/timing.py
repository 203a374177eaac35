"""How a page is timed, shared by this site and the bare Wagtail project ``bench_pages``
compares it with.

This module imports nothing from the project (only Django), so the benchmark can run it as a
script inside the bare project, in its own process, and both sides are measured by the very
same loop: same client, same warm-up, same statistics.
"""

import json
import statistics
import sys
import time

WARM_UP = 2


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def time_calls(call, repeat):
    """Median and p95 (ms) of ``repeat`` calls of ``call``: the loop every benchmark shares."""
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings), percentile(timings, 0.95)


def time_page(client, path, repeat, host="localhost"):
    """Median and p95 (ms) of ``repeat`` anonymous GETs of ``path``, the queries one of them
    runs, its status and Cache-Control, after ``WARM_UP`` requests that fill per-process caches (URL
    resolvers, templates, Wagtail's site root paths)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(WARM_UP):
        client.get(path, HTTP_HOST=host)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, HTTP_HOST=host)
    # Counted now: the captured queries are read from the connection's log, which the next
    # request clears.
    queries = len(captured)
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        client.get(path, HTTP_HOST=host)
        timings.append((time.perf_counter() - started) * 1000)
    return {
        "median": statistics.median(timings),
        "p95": percentile(timings, 0.95),
        "queries": queries,
        "status": response.status_code,
        "cache_control": response.get("Cache-Control", ""),
    }


if __name__ == "__main__":
    # Run inside the bare project: ``python timing.py <repeat>`` with its settings module in
    # DJANGO_SETTINGS_MODULE and its folder as the working directory.
    import os

    sys.path.insert(0, os.getcwd())
    import django
    from django.conf import settings

    django.setup()
    settings.DEBUG = False  # as on this site's side: no query log, no debug toolbar
    settings.ALLOWED_HOSTS = ["*"]
    from django.test import Client

    sys.stdout.write(json.dumps(time_page(Client(), "/", int(sys.argv[1]))) + "\n")
