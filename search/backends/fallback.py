"""A search backend that answers from the database when its search engine cannot.

An unreachable Elasticsearch (or any external engine) would turn every search into a 500.
This wraps the configured engine's backend: a query that fails on the engine is logged and run,
for that request, through another configured backend (the database one, which is indexed
alongside the engine, so it has the same pages). After a failure the engine is left alone for
``FAILURE_PAUSE`` seconds (per process), so an outage costs one failed connection now and then,
not one per search. Indexing is untouched: Wagtail already logs and skips an engine that is
down when a page is saved (``catch_indexing_errors``); run ``update_index`` once it is back.

Nothing here knows about Elasticsearch: the primary is any Wagtail search backend module, and
callers keep using ``queryset.search()``.

    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.fallback",
            "PRIMARY": "wagtail.search.backends.elasticsearch9",
            "FALLBACK": "database",
            ...the primary's own options (URLS, INDEX_PREFIX, ...)
        },
        "database": {"BACKEND": "search.backends.database"},
    }
"""

import logging
import time
from functools import cache, partial

from modelsearch.backends import get_search_backend, import_backend

logger = logging.getLogger("search.fallback")

# When each primary (by module path) may be tried again. Backends are created afresh for every
# search, so the pause lives here, per process.
_paused_until = {}


def SearchBackend(params):  # named as Wagtail looks the backend up
    params = dict(params)
    primary = params.pop("PRIMARY")
    fallback = params.pop("FALLBACK", "database")
    pause = float(params.pop("FAILURE_PAUSE", 30))
    backend = _falling_back(import_backend(primary))(params)
    backend.primary_path = primary
    backend.fallback_name = fallback
    backend.failure_pause = pause
    return backend


@cache
def _falling_back(base):
    """A subclass of the backend class ``base`` whose searches fall back when it fails."""

    class Results(base.results_class):
        def _on_fallback(self):
            results = self.query_compiler.run_on_fallback()
            if self._score_field:
                results = results.annotate_score(self._score_field)
            return results[self.start : self.stop]

        def _do_search(self):
            if self.backend.available():
                try:
                    # Engines may yield lazily: read every hit here, where a failure is caught.
                    return list(super()._do_search())
                except Exception as error:  # any engine failure means "use the database"
                    self.backend.failed(error)
            return list(self._on_fallback())

        def _do_count(self):
            if self.backend.available():
                try:
                    return super()._do_count()
                except Exception as error:
                    self.backend.failed(error)
            return self._on_fallback().count()

    class Backend(base):
        results_class = Results

        def available(self):
            return time.monotonic() >= _paused_until.get(self.primary_path, 0)

        def failed(self, error):
            if self.available():
                logger.warning(
                    "Search engine unavailable (%s: %s); searching the '%s' backend for the "
                    "next %ss",
                    type(error).__name__,
                    error,
                    self.fallback_name,
                    self.failure_pause,
                )
            _paused_until[self.primary_path] = time.monotonic() + self.failure_pause

        def _fallback_search(self, method, query, model_or_queryset, kwargs):
            fallback = get_search_backend(self.fallback_name)
            return getattr(fallback, method)(query, model_or_queryset, **kwargs)

        def _guarded(self, method, query, model_or_queryset, kwargs):
            if not self.available():
                return self._fallback_search(method, query, model_or_queryset, kwargs)
            results = getattr(base, method)(self, query, model_or_queryset, **kwargs)
            if isinstance(results, Results):
                results.query_compiler.run_on_fallback = partial(
                    self._fallback_search, method, query, model_or_queryset, kwargs
                )
            return results

        def search(self, query, model_or_queryset, **kwargs):
            return self._guarded("search", query, model_or_queryset, kwargs)

        def autocomplete(self, query, model_or_queryset, **kwargs):
            return self._guarded("autocomplete", query, model_or_queryset, kwargs)

    Backend.__name__ = Backend.__qualname__ = f"FallingBack{base.__name__}"
    Results.__name__ = Results.__qualname__ = f"FallingBack{base.results_class.__name__}"
    return Backend
