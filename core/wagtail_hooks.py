from wagtail import hooks

from core.bootstrap import BOOTSTRAP
from core.cache import purge
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


# Snippets (taxonomy terms, the footer, authors, themes) show on many pages. Editors change them
# in the admin, and that is where the page cache hears of it (core/cache.py). The showcase's
# snippets purge through their own signals, whatever path changes them.
@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
@hooks.register("after_delete_snippet")
def snippet_changed(request, instance_or_instances):
    purge(reason="snippet changed in the admin")
