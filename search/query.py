"""Turn what a reader typed into search terms every backend accepts.

Workaround for an upstream gap: Wagtail's SQLite full-text backend (modelsearch
``backends/database/sqlite``) passes each word into an FTS5 ``MATCH`` expression escaping only
single quotes, so a stray double quote, a bracket, ``*`` or an upper-case ``OR``/``NOT``/``NEAR``
is read as FTS5 syntax and the query fails with a database error. Keeping only the words, in
lower case (FTS5 operators are upper case; matching is case-insensitive anyway), gives the same
results on every backend. Delete this once the backend quotes its terms.
"""

import re

from wagtail.search.backends import get_search_backend

_WORD = re.compile(r"\w+")


def search_terms(text):
    """The words of ``text`` as a plain, safe query string ('' when there are none)."""
    return " ".join(_WORD.findall((text or "").lower()))


def result_ids(results):
    """The primary keys of search ``results``, in their order. The project's database backends
    (search/backends/) read them without building an object per match, which costs more than
    the search itself when a word matches thousands of pages; any other backend's results
    are read the ordinary way."""
    ranked_ids = getattr(results, "ranked_ids", None)
    ids = ranked_ids() if ranked_ids is not None else None
    if ids is None:
        ids = [obj.pk for obj in results]
    return ids


def finds_keys_cheaply():
    """Whether the search backend in use hands back the matching keys without building an
    object per match (the project's database backends). A caller that would search broadly and
    keep only the matches it wants should do so only then: with another backend
    (Elasticsearch), each match is an object loaded from the database, so the search is better
    narrowed in the backend itself."""
    return hasattr(get_search_backend().results_class, "ranked_ids")
