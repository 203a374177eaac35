from wagtail import hooks

from core.urls import PageLinkHandler


# After Wagtail's own registration (order 0), so this handler replaces its page link type.
@hooks.register("register_rich_text_features", order=10)
def register_page_links(features):
    features.register_link_type(PageLinkHandler)
