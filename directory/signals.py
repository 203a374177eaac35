"""Keep the search index in step with what was published, and directory permissions in step
with translations.

Wagtail indexes a page when it is saved, before the publish step has written its tags and
inline children (sessions), so those reach the index one publish late. Re-indexing once the
page is published fixes that (see DESIGN.md, known pitfalls).

A translation is a new page in another tree, so the review workflow and a provider's editing
rights must be extended to it when it is created, whichever way it is made (wagtail-localize's
views, its ``TranslationCreator``, ``copy_for_translation``, the demo's import).
"""

from django.db.models.signals import post_save
from wagtail.search import index
from wagtail.signals import page_published, page_unpublished

from directory.permissions import follow_translations


def reindex_published_page(sender, instance, **kwargs):
    index.insert_or_update_object(instance.specific)


def remove_unpublished_page(sender, instance, **kwargs):
    # Searches filter on ``live`` anyway; removing the entry keeps the index honest too.
    index.remove_object(instance.specific)


def extend_permissions_to_translation(sender, instance, created, raw=False, **kwargs):
    # Fixtures (raw) carry their own permission rows.
    if created and not raw:
        follow_translations(instance)


def connect():
    from directory.models import ActivityPage, DirectoryIndexPage, ProviderPage

    for model in (DirectoryIndexPage, ProviderPage):
        post_save.connect(
            extend_permissions_to_translation,
            sender=model,
            dispatch_uid=f"permissions-follow-translations-{model.__name__}",
        )

    for model in (ActivityPage, ProviderPage):
        page_published.connect(
            reindex_published_page, sender=model, dispatch_uid=f"reindex-{model.__name__}"
        )
        page_unpublished.connect(
            remove_unpublished_page, sender=model, dispatch_uid=f"unindex-{model.__name__}"
        )
