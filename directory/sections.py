"""What the directory adds to pages it does not own (registered in ``wagtail_hooks.py``)."""

from wagtail.models import Locale, Site

from core.sections import SearchBox
from directory.forms import taxonomy_choices
from directory.models import ActivityPage, ArtForm, DirectoryIndexPage
from directory.search import ordered, own_directory_scope


def featured_activities(request, home_page, limit=3):
    """The soonest upcoming activities on this home page's site, for the home page."""
    directory = DirectoryIndexPage.objects.child_of(home_page).live().first()
    if directory is None:
        return []
    # The home page features its own site's offers, not every regional site's.
    activities = own_directory_scope(directory, Locale.get_active()).activities()
    return list(ordered(activities, "soonest")[:limit])


def search_box(request, page):
    """The quick search for the page's site: its directory page in the reader's language (or
    the site's own language when not translated), and the art forms some live activity has
    (a picker of forms nobody offers would only lead to empty results)."""
    # The request's site serves the page (and is already known: Page.get_site() would ask
    # the database again).
    if request is not None:
        site = Site.find_for_request(request)
    else:
        site = page.get_site() if page is not None else None
    if site is None:
        return None
    directory = (
        DirectoryIndexPage.objects.descendant_of(site.root_page).live().order_by("path").first()
    )
    if directory is None:
        return None
    directory = directory.localized
    in_use = set(
        ArtForm.objects.filter(activities__in=ActivityPage.objects.live()).values_list(
            "slug", flat=True
        )
    )
    art_forms = [
        (slug, name)
        for slug, name in taxonomy_choices(ArtForm, Locale.get_active())
        if slug in in_use
    ]
    return SearchBox(action=directory.get_url(request), art_forms=art_forms)
