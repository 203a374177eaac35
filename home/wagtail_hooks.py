from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.bootstrap import BOOTSTRAP, DEMO_CONTENT
from home.bootstrap import add_navigation_links, ensure_home_pages
from home.models import Footer


class FooterViewSet(SnippetViewSet):
    model = Footer
    icon = "list-ul"
    menu_label = "Footers"
    list_display = ["name", "locale"]
    list_filter = ["locale"]


register_snippet(FooterViewSet)


@hooks.register(BOOTSTRAP, order=20)
def regional_sites_and_home_pages(setup):
    ensure_home_pages(setup)


# After every step that asks for a link.
@hooks.register(BOOTSTRAP, order=90)
def navigation_links(setup):
    add_navigation_links(setup)


@hooks.register(DEMO_CONTENT, order=10)
def demo_pages(setup):
    """The programme's pages, the sign-up form, navigation and footers on every site."""
    from home import demo_content

    demo_content.load(setup.stdout)


# After the showcase's demo content, which asks for its regional showcases to be linked.
@hooks.register(DEMO_CONTENT, order=45)
def demo_navigation_links(setup):
    add_navigation_links(setup)


# After the directory's, stories' and showcase's demo content: their pages are translated too.
@hooks.register(DEMO_CONTENT, order=50)
def demo_translations(setup):
    from home import demo_translations

    demo_translations.load(setup.stdout)
