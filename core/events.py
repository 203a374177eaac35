"""Things that happened, told to the apps that want to know, through Wagtail's hooks.

The directory does not know the insights app, yet every directory search must reach its
search log. So the directory announces each search here, and any app may register a function
for it in its own ``wagtail_hooks.py``::

    @hooks.register(DIRECTORY_SEARCHED)
    def record(request, filters, results):
        ...

A listener that fails is logged and ignored: recording a search never fails the search.
"""

import logging

from wagtail import hooks

logger = logging.getLogger(__name__)

# A directory search was made: (request, directory.search.Filters, the search's results,
# with ``.total``). Called once per served directory page with valid filters.
DIRECTORY_SEARCHED = "directory_searched"


def announce(hook_name, *args):
    for listener in hooks.get_hooks(hook_name):
        try:
            listener(*args)
        except Exception:  # a listener must never break the page
            logger.exception("A %s listener failed", hook_name)
