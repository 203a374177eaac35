"""Database down: a static 503 with ``Retry-After``, and ``/healthz`` for load balancers.

Without this, every page answers a generic 500 while the database is unreachable, and a load
balancer has nothing cheap to ask. ``DatabaseHealthMiddleware`` sits first in ``MIDDLEWARE``:

- ``/healthz`` is answered there, before host checks, HTTPS redirects, sessions, the cache or
  search are touched: 200 when the database answers ``SELECT 1``, 503 when it does not. A load
  balancer may probe it by IP address over plain HTTP.
- A view that fails because the database is unreachable (``OperationalError``,
  ``InterfaceError``) gets the static 503 page instead of a 500 (``process_exception``).

A middleware cannot catch what another middleware raises (Django turns it into a response at
that middleware's edge), and several look the site up in the database before any view runs,
so ``server_error`` (``handler500``) gives the same 503 when the error being handled is the
database's. Neither the 503 nor the 500 page touches the database.
"""

import logging
import sys

from django.db import DatabaseError, InterfaceError, OperationalError, connections
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

from core.cache import never_cache

logger = logging.getLogger("core.health")

HEALTH_PATHS = {"/healthz", "/healthz/"}
# How long a browser or client is asked to wait before trying again, in seconds.
RETRY_AFTER = 30
DATABASE_DOWN = (OperationalError, InterfaceError)


def database_unavailable():
    """The static 503 page, rendered without a request, a database or the cache."""
    response = HttpResponse(loader.render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    return never_cache(response)


def database_answers():
    connection = connections["default"]
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        logger.warning("Health check: the database does not answer (%s)", error)
        connection.close_if_unusable_or_obsolete()
        return False
    return True


def healthz():
    ok = database_answers()
    response = HttpResponse(
        "ok\n" if ok else "database unavailable\n",
        status=200 if ok else 503,
        content_type="text/plain; charset=utf-8",
    )
    if not ok:
        response["Retry-After"] = str(RETRY_AFTER)
    return never_cache(response)


class DatabaseHealthMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info in HEALTH_PATHS and request.method in ("GET", "HEAD"):
            return healthz()
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_DOWN):
            logger.error("Database unavailable: %s", exception, exc_info=exception)
            return database_unavailable()
        return None


@requires_csrf_token
def server_error(request, template_name="500.html"):
    """``handler500``: the 503 page when the error being handled is the database being down
    (raised in a middleware, where ``process_exception`` does not see it), else the 500 page."""
    error = sys.exc_info()[1]
    if isinstance(error, DATABASE_DOWN):
        return database_unavailable()
    return HttpResponseServerError(loader.render_to_string(template_name))
