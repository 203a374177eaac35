from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.bootstrap import BOOTSTRAP, DEMO_CONTENT
from core.cache import PAGES_SHOWING
from core.editorial import REGISTER_EDITORIAL_POLICY
from core.sections import DIRECTORY_SEARCH, HOME_PAGE_SECTIONS, Section
from core.site_cache import SITE_CHROME_MODELS
from directory.bootstrap import ensure_directory_pages
from directory.models import (
    AccessFeature,
    ActivityPage,
    ArtForm,
    DeliveryLanguage,
    DirectoryIndexPage,
    Format,
    ProviderPage,
)
from directory.permissions import (
    DIRECTORY_REVIEW,
    provider_editors_group,
    set_up_directory_review,
)
from directory.sections import featured_activities, search_box


@hooks.register(SITE_CHROME_MODELS)
def taxonomies():
    """The search form's choices (directory/forms.py) are kept in the site cache: a term saved
    or deleted anywhere must drop it."""
    return [ArtForm, Format, AccessFeature, DeliveryLanguage]


class TaxonomyViewSet(SnippetViewSet):
    list_display = ["name", "slug", "sort_order", "locale"]
    list_filter = ["locale"]
    # The admin's listing search matches names in the database (icontains) rather than through
    # the search index: these lists are short, and the SQLite full-text backend cannot restrict
    # a search to named fields, so an indexed search with search_fields fails there.
    search_fields = ["name"]
    search_backend_name = None
    ordering = ["sort_order", "name"]


class ArtFormViewSet(TaxonomyViewSet):
    model = ArtForm
    icon = "pick"


class FormatViewSet(TaxonomyViewSet):
    model = Format
    icon = "list-ul"


class AccessFeatureViewSet(TaxonomyViewSet):
    model = AccessFeature
    icon = "help"


class DeliveryLanguageViewSet(TaxonomyViewSet):
    model = DeliveryLanguage
    icon = "comment"


class DirectoryTaxonomies(SnippetViewSetGroup):
    menu_label = _("Directory taxonomies")
    menu_icon = "folder-open-inverse"
    menu_order = 250
    items = (
        ArtFormViewSet,
        FormatViewSet,
        AccessFeatureViewSet,
        DeliveryLanguageViewSet,
    )


register_snippet(DirectoryTaxonomies)


@hooks.register("after_create_page")
def give_new_providers_an_editors_group(request, page):
    """A new provider page gets its own editors group at once, ready for its staff."""
    if isinstance(page.specific, ProviderPage):
        provider_editors_group(page.specific)
    elif isinstance(page.specific, DirectoryIndexPage):
        set_up_directory_review(page.specific)


@hooks.register(REGISTER_EDITORIAL_POLICY)
def directory_review():
    """The review and providers' rights follow directory and provider pages into every
    language."""
    return DIRECTORY_REVIEW


@hooks.register(HOME_PAGE_SECTIONS, order=10)
def coming_up_soon(request, page):
    """The home page's soonest activities, from its own site's directory."""
    return Section("directory/includes/home_section.html", featured_activities(request, page))


@hooks.register(DIRECTORY_SEARCH)
def directory_search_box(request, page):
    """Where the home hero's search and the "directory search" block send a teacher."""
    return search_box(request, page)


@hooks.register(PAGES_SHOWING)
def activities_beside(page):
    """For front-end cache purges (core/cache.py): an activity's page shows its provider's
    other offers, so they show it too. Its provider, the directory and the home page are its
    ancestors, which core adds itself."""
    if isinstance(page, ActivityPage):
        yield from ActivityPage.objects.sibling_of(page, inclusive=False).live()


@hooks.register(BOOTSTRAP, order=30)
def directory_pages(setup):
    ensure_directory_pages(setup)


@hooks.register(BOOTSTRAP, order=80)
def term_translations(setup):
    """The taxonomy terms in Welsh, Gaelic and Irish, for editors to refine."""
    from directory.term_translations import load_term_translations

    made = load_term_translations()
    setup.stdout.write(f"Translations: {made} directory terms.")


@hooks.register(DEMO_CONTENT, order=20)
def demo_providers_and_activities(setup):
    from directory import demo_content

    demo_content.load(setup.stdout, activities=setup.options.get("activities", 0))


# After the home app's translations, which translate the Wales site's directory page.
@hooks.register(DEMO_CONTENT, order=60)
def demo_welsh_providers(setup):
    from directory import demo_translations

    demo_translations.load(setup.stdout)
