"""What the directory adds to pages it does not own (registered in ``wagtail_hooks.py``)."""

from wagtail.models import Locale

from directory.models import DirectoryIndexPage
from directory.search import ordered, own_directory_scope


def featured_activities(request, home_page, limit=3):
    """The soonest upcoming activities on this home page's site, for the home page."""
    directory = DirectoryIndexPage.objects.child_of(home_page).live().first()
    if directory is None:
        return []
    # The home page features its own site's offers, not every regional site's.
    activities = own_directory_scope(directory, Locale.get_active()).activities()
    return list(ordered(activities, "soonest")[:limit])
