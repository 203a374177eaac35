from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.bootstrap import BOOTSTRAP
from core.site_cache import SITE_CHROME_MODELS
from places.loader import load_places
from places.models import Place


class PlaceViewSet(SnippetViewSet):
    """Places in the admin: a menu item of their own beside the directory's taxonomies, since
    stories and the showcase use them too."""

    model = Place
    icon = "site"
    list_display = ["name", "kind", "code", "parent", "locale"]
    list_filter = ["kind", "locale"]
    # The admin's listing search matches names and codes in the database (icontains) rather
    # than through the search index: the SQLite full-text backend cannot restrict a search to
    # named fields, so an indexed search with search_fields fails there.
    search_fields = ["name", "code"]
    search_backend_name = None
    ordering = ["lineage"]
    list_per_page = 50
    add_to_admin_menu = True
    menu_order = 249  # just before "Directory taxonomies" (250), where places used to be


register_snippet(PlaceViewSet)


@hooks.register(SITE_CHROME_MODELS)
def places():
    """The directory's place picker is kept in the site cache: a place saved or deleted
    anywhere (the admin, ``load_places``) must drop it."""
    return [Place]


@hooks.register(BOOTSTRAP, order=10)
def places_and_postcodes(setup):
    """The place tree and postcode districts (reference data every app filters by)."""
    load_places()
