from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.bootstrap import BOOTSTRAP, DEMO_CONTENT
from core.cache import PAGES_SHOWING
from core.editorial import REGISTER_EDITORIAL_POLICY
from core.sections import HOME_PAGE_SECTIONS, RELATED_PANELS, Section
from directory.models import ActivityPage, ProviderPage
from stories.bootstrap import ensure_story_index
from stories.listing import featured_stories, stories_about
from stories.models import Author, StoryIndexPage, StoryPage, Theme
from stories.workflow import STORIES_REVIEW, set_up_story_review


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "slug", "sort_order", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]
    # Searched in the database (icontains), not the index: the SQLite full-text backend cannot
    # restrict a search to named fields.
    search_backend_name = None
    ordering = ["sort_order", "name"]


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    list_display = ["name", "role", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]
    search_backend_name = None  # as for themes above


class StoryTaxonomies(SnippetViewSetGroup):
    menu_label = _("Story themes and authors")
    menu_icon = "folder-open-inverse"
    menu_order = 260
    items = (ThemeViewSet, AuthorViewSet)


register_snippet(StoryTaxonomies)


@hooks.register("after_create_page")
def review_new_story_indexes(request, page):
    """A new stories page sends every change beneath it through review from the start."""
    if isinstance(page.specific, StoryIndexPage):
        set_up_story_review(page.specific)


@hooks.register(REGISTER_EDITORIAL_POLICY)
def stories_review():
    """The review follows a stories page into every language, however it is translated."""
    return STORIES_REVIEW


@hooks.register(HOME_PAGE_SECTIONS, order=20)
def stories_from_the_programme(request, page):
    """The home page's featured story, then the newest others."""
    return Section("stories/includes/home_section.html", featured_stories(request, page))


@hooks.register(RELATED_PANELS)
def stories_about_this(request, page):
    """Provider and activity pages list the stories about them (the directory knows nothing of
    stories)."""
    return Section("stories/includes/stories_about.html", stories_about(page))


@hooks.register(PAGES_SHOWING)
def feeds_and_panels_showing(page):
    """For front-end cache purges (core/cache.py): a story appears in its index's feeds (all
    stories, and its kind's) and in the "stories about this" panel of the providers and
    activities it names, and names them in turn; an index's own feeds change with it."""
    if isinstance(page, ProviderPage):
        yield from StoryPage.objects.filter(
            story_providers__provider__translation_key=page.translation_key
        ).live()
        return
    if isinstance(page, ActivityPage):
        yield from StoryPage.objects.filter(
            story_activities__activity__translation_key=page.translation_key
        ).live()
        return
    if isinstance(page, StoryIndexPage):
        index, kinds = page, StoryPage.Kind.values
    elif isinstance(page, StoryPage):
        index = StoryIndexPage.objects.filter(pk=page.get_parent().pk).first()
        kinds = [page.kind]
        for mention in page.story_providers.select_related("provider"):
            yield mention.provider
        for mention in page.story_activities.select_related("activity"):
            yield mention.activity
            yield mention.activity.get_parent()  # its provider's panel lists it too
    else:
        return
    address = index.get_full_url() if index else None
    if not address:
        return
    for name, kwargs in [
        ("feed_rss", {}),
        ("feed_atom", {}),
        *((name, {"kind": kind}) for kind in kinds for name in ("kind_feed_rss", "kind_feed_atom")),
    ]:
        yield address + index.reverse_subpage(name, kwargs=kwargs).lstrip("/")


@hooks.register(BOOTSTRAP, order=30)
def story_index(setup):
    ensure_story_index(setup)


# After the directory's demo content: stories link to its providers and activities.
@hooks.register(DEMO_CONTENT, order=30)
def demo_stories(setup):
    from stories import demo_content

    demo_content.load(setup.stdout)
