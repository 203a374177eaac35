"""The search backend used when no Elasticsearch server is configured: Wagtail's database backend
(PostgreSQL full text, SQLite FTS5 or the plain fallback), exactly as modelsearch chooses it,
except that on SQLite FTS5 relevance ranking goes through ``sqlite_relevance`` (an upstream gap).
"""

from modelsearch.backends.database import SearchBackend as choose_database_backend

SQLITE_FTS_BACKEND = "modelsearch.backends.database.sqlite.sqlite.SQLiteSearchBackend"


def SearchBackend(params):  # noqa: N802 - Wagtail looks the backend up by this name
    backend = choose_database_backend(params)
    chosen = f"{type(backend).__module__}.{type(backend).__qualname__}"
    if chosen == SQLITE_FTS_BACKEND:
        # Imported here: the module needs the SQLite full-text models, which exist only there.
        from search.backends.sqlite_relevance import OnePassRankingSQLiteBackend

        return OnePassRankingSQLiteBackend(params)
    return backend
