from django.shortcuts import redirect
from django.utils import translation
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import Footer


class FooterViewSet(SnippetViewSet):
    model = Footer
    icon = "list-ul"
    menu_label = "Footers"
    list_display = ["name", "locale"]
    list_filter = ["locale"]


register_snippet(FooterViewSet)


@hooks.register("before_serve_page")
def serve_pages_in_their_own_language(page, request, serve_args, serve_kwargs):
    """Send /cy/about/ to /about/ when the page has no Welsh version.

    Wagtail routes a language-prefixed path to the source page when no translation exists, which
    would label English text as Welsh (``lang="cy"``) and publish duplicate URLs. The page's own
    URL carries the right language prefix, so a temporary redirect there fixes both; it stays
    temporary because a translation may be published later.
    """
    if page.locale.language_code != translation.get_language():
        url = page.get_url(request)
        if url and url != request.path:
            return redirect(url)
    return None
