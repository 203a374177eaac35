"""Turn what a reader typed into search terms every backend accepts.

Workaround for an upstream gap: Wagtail's SQLite full-text backend (modelsearch
``backends/database/sqlite``) passes each word into an FTS5 ``MATCH`` expression escaping only
single quotes, so a stray double quote, a bracket, ``*`` or an upper-case ``OR``/``NOT``/``NEAR``
is read as FTS5 syntax and the query fails with a database error. Keeping only the words, in
lower case (FTS5 operators are upper case; matching is case-insensitive anyway), gives the same
results on every backend. Delete this once the backend quotes its terms.
"""

import re

_WORD = re.compile(r"\w+")


def search_terms(text):
    """The words of ``text`` as a plain, safe query string ('' when there are none)."""
    return " ".join(_WORD.findall((text or "").lower()))
