"""The directory search, used by the directory page, feeds, reports and the API alike.

filters (validated, frozen values) -> query (``search_activities`` within a scope) -> facets
(one SQL statement) -> presenter (what the page shows of it). Nothing here imports the form
layer (``directory/forms.py``): the form imports its constants from ``filters``.
"""

from directory.search.filters import DEFAULT_RADIUS, TAXONOMY_FILTERS, WHOLE_UK, Filters
from directory.search.query import PAGE_SIZE, DirectoryResults, ordered, search_activities
from directory.search.scope import Scope, activity_scope, own_directory_scope

__all__ = [
    "DEFAULT_RADIUS",
    "PAGE_SIZE",
    "TAXONOMY_FILTERS",
    "WHOLE_UK",
    "DirectoryResults",
    "Filters",
    "Scope",
    "activity_scope",
    "ordered",
    "own_directory_scope",
    "search_activities",
]
