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
