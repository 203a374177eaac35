from wagtail import hooks

from core.bootstrap import BOOTSTRAP
from core.editorial import ensure_review_workflow, policies
from core.urls import PageLinkHandler


# After Wagtail's own registration (order 0), so this handler replaces its page link type.
@hooks.register("register_rich_text_features", order=10)
def register_page_links(features):
    features.register_link_type(PageLinkHandler)


# Before the apps' index pages, which are put under review as they are made.
@hooks.register(BOOTSTRAP, order=5)
def review_workflows(setup):
    """The workflow and reviewers group of every app's editorial policy."""
    for policy in policies():
        ensure_review_workflow(policy)
