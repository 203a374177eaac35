from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.bootstrap import BOOTSTRAP, DEMO_CONTENT
from core.site_cache import SITE_CHROME_MODELS
from home.admin_views import MailingListReport
from home.bootstrap import add_navigation_links, ensure_home_pages
from home.models import Footer, NavigationLink


class FooterViewSet(SnippetViewSet):
    model = Footer
    icon = "list-ul"
    menu_label = "Footers"
    list_display = ["name", "locale"]
    list_filter = ["locale"]


register_snippet(FooterViewSet)


@hooks.register(SITE_CHROME_MODELS)
def navigation_and_footer():
    """Every page shows them, from the site cache: a change anywhere must drop it."""
    return [NavigationLink, Footer]


@hooks.register("register_admin_urls")
def mailing_list_admin_urls():
    return [
        path("reports/mailing-list/", MailingListReport.as_view(), name="mailing_list_report"),
        path(
            "reports/mailing-list/results/",
            MailingListReport.as_view(results_only=True),
            name="mailing_list_report_results",
        ),
    ]


class MailingListMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("home.view_subscriber")


@hooks.register("register_reports_menu_item")
def mailing_list_menu_item():
    return MailingListMenuItem(
        _("Mailing list"),
        reverse("mailing_list_report"),
        name="mailing-list",
        icon_name="mail",
        order=950,
    )


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
