"""The directory search (being split into modules: filters, scope, query, facets, presenter)."""

from directory.search.query import *  # noqa: F403
from directory.search.query import featured_activities  # noqa: F401
