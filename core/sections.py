"""Sections an app adds to a page that another app owns, through Wagtail's hooks.

The home page shows what the directory, stories and showcase have to offer, and a provider's
page lists the stories about it, yet the home page's app knows none of those apps and the
directory does not know stories. So the app that has something to show registers a function
in its own ``wagtail_hooks.py``, the way Wagtail's apps add admin menu items::

    @hooks.register(HOME_PAGE_SECTIONS, order=20)
    def stories_from_the_programme(request, page):
        return Section("stories/includes/home_section.html", featured_stories(request, page))

Each function takes the request and the page being shown and returns a ``Section`` or None.
The page's template renders the sections with ``{% page_sections %}`` (``section_tags``), in
the order given when registering (then registration order), each through its own template,
which receives the section as ``section`` along with the page's context.
"""

from dataclasses import dataclass

from django.utils.safestring import SafeString
from wagtail import hooks

from core import fragments

# The home page's sections, below the signposts.
HOME_PAGE_SECTIONS = "home_page_sections"
# Sections about the page being shown, on pages whose templates include
# site/templates/includes/related_panels.html (providers and activities, today).
RELATED_PANELS = "related_panels"
# The same, for sections that change without any page being published (the visits classes
# have made, from the class backpack): rendered for each request, where RELATED_PANELS are kept
# rendered with the page (core/fragments.py) and so must change only with published content.
RELATED_PANELS_LIVE = "related_panels_live"
# The quick search for activities shown in the home page's hero and by the "directory search"
# block. The app that owns the directory registers one function, taking the request and the
# page being shown and returning a ``SearchBox`` (or None when the site has no directory), so
# neither core nor the home page needs to know which page type holds the search.
DIRECTORY_SEARCH = "directory_search"
# Controls beside an activity, on its result card ("card") and its page ("page"), from apps
# the directory does not know (the class backpack's Save button and booking request). Each
# function takes the request, the activity and the place, and returns a ``Section``. Its
# template must show only what its items, the activity and the page's address say: what it
# renders is kept for those (core/fragments.py), as a result page shows twenty of them.
ACTIVITY_ACTIONS = "activity_actions"
# Links in the site header from other apps (the class backpack's "Saved" count). Each function
# takes the request and returns a ``Section`` or None.
HEADER_LINKS = "header_links"


@dataclass(frozen=True)
class Section:
    template: str  # the app's own template: its heading and how it shows the items
    items: list  # what the section shows; a section with none is left out


@dataclass(frozen=True)
class SearchBox:
    action: str  # the address of the site's directory page, where the form is sent (GET)
    art_forms: list  # (value, label) pairs for the art-form picker, in display order


def search_box_for(request, page):
    """The quick search for this page's site, from the first registered function that has
    one; None when no app offers a search."""
    for hook in hooks.get_hooks(DIRECTORY_SEARCH):
        box = hook(request, page)
        if box is not None:
            return box
    return None


def sections_for(hook_name, request, page):
    """The sections registered under ``hook_name`` for this page, in order, leaving out any
    with nothing to show."""
    sections = []
    for hook in hooks.get_hooks(hook_name):
        section = hook(request, page)
        if section is not None and section.items:
            sections.append(section)
    return sections


def render_sections(sections, context, keep_for=None, **extra):
    """Each section through its own template, joined: for sections shown inside another
    template's markup (header links, activity controls) rather than as page sections. Each
    is rendered in the page's own template ``context``, as ``{% include %}`` renders (a result
    card's controls are rendered twenty times a page: the context processors, which a fresh
    context would run each time, have already run for the page).

    ``keep_for``: what, with its items and the page's address, a section's rendering depends
    on (an activity): it is then kept rendered for those (core/fragments.py)."""
    engine = context.template.engine
    request = context.get("request")
    pieces = []
    for section in sections:
        key = None
        if keep_for is not None:
            parts = [section.template, keep_for, repr(section.items)]
            key = fragments.key_parts(request, "section", parts, by_address=True)
        html = fragments.recall(request, key) if key else None
        if html is None:
            with context.push(section=section, **extra):
                html = engine.get_template(section.template).render(context)
            if key:
                fragments.keep(request, key, html)
        pieces.append(html)
    # Each piece is a template's output, escaped by the template engine: joined, it stays safe.
    return SafeString("".join(pieces))
