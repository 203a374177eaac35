"""The search backend used when no Elasticsearch server is configured: Wagtail's database backend
(PostgreSQL full text, SQLite FTS5 or the plain fallback), as modelsearch chooses it, with two
substitutions:

- on PostgreSQL, ``postgres_language``: each language is indexed and searched with a text search
  configuration that suits it (``settings.SEARCH_CONFIG_BY_LANGUAGE``) instead of one for all;
- on SQLite FTS5, ``sqlite_relevance``: relevance ranking in one pass (an upstream gap).
"""

from modelsearch.backends.database import SearchBackend as choose_database_backend

POSTGRES_BACKEND = "modelsearch.backends.database.postgres.postgres.PostgresSearchBackend"
SQLITE_FTS_BACKEND = "modelsearch.backends.database.sqlite.sqlite.SQLiteSearchBackend"


def SearchBackend(params):  # named as Wagtail looks the backend up
    backend = choose_database_backend(params)
    chosen = f"{type(backend).__module__}.{type(backend).__qualname__}"
    # The replacements are imported here: each needs models that exist only on its database.
    if chosen == POSTGRES_BACKEND:
        from search.backends.postgres_language import PerLanguagePostgresBackend

        return PerLanguagePostgresBackend(params)
    if chosen == SQLITE_FTS_BACKEND:
        from search.backends.sqlite_relevance import OnePassRankingSQLiteBackend

        return OnePassRankingSQLiteBackend(params)
    return backend
