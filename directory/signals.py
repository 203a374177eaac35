"""Keep the search index in step with what was published.

Wagtail indexes a page when it is saved, before the publish step has written its tags and
inline children (sessions), so those reach the index one publish late. Re-indexing once the
page is published fixes that.

(The review workflow and providers' editing rights follow translations by the site's one
editorial rule, core/editorial.py.)
"""

from wagtail.search import index
from wagtail.signals import page_published, page_unpublished


def reindex_published_page(sender, instance, **kwargs):
    index.insert_or_update_object(instance.specific)


def remove_unpublished_page(sender, instance, **kwargs):
    # Searches filter on ``live`` anyway; removing the entry keeps the index honest too.
    index.remove_object(instance.specific)


def connect():
    from directory.models import ActivityPage, ProviderPage

    for model in (ActivityPage, ProviderPage):
        page_published.connect(
            reindex_published_page, sender=model, dispatch_uid=f"reindex-{model.__name__}"
        )
        page_unpublished.connect(
            remove_unpublished_page, sender=model, dispatch_uid=f"unindex-{model.__name__}"
        )
