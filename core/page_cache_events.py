"""The events that purge the page cache (core/cache.py), connected once in CoreConfig.ready.

Signals rather than admin hooks for pages, so every path that publishes, unpublishes, moves or
deletes a page (the admin, a workflow, ``publish_scheduled``, a command, the demo loader)
purges the same way. Each handler looks nothing up itself: the pages are handed to
``purge`` lazily, and only read when a front-end cache is configured.
"""

from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from core.cache import purge


def page_published_or_unpublished(sender, instance, **kwargs):
    purge(pages=lambda: [instance], reason=f"page {instance.pk} published or unpublished")


def page_moving(sender, instance, **kwargs):
    """Before the move: the old addresses of the page and everything beneath it."""
    purge(
        pages=lambda: [instance, *instance.get_descendants()],
        reason=f"page {instance.pk} moving",
    )


def page_moved(sender, instance, **kwargs):
    purge(
        pages=lambda: [instance, *instance.get_descendants()],
        reason=f"page {instance.pk} moved",
    )


def page_deleting(sender, instance, **kwargs):
    """Before deletion, while the page still has its address and ancestors. Sent for the page
    and each descendant the deletion takes with it."""
    if isinstance(instance, Page):
        purge(pages=lambda: [instance], reason=f"page {instance.pk} deleted")


def shown_content_saved(sender, instance, **kwargs):
    """A view restriction decides who may see a page and its subtree; a site or a site setting
    is read by every page of the site (footer, header, languages)."""
    if isinstance(instance, PageViewRestriction):
        page_id = instance.page_id  # read lazily: the page may be going with its restriction
        purge(
            pages=lambda: page_and_descendants(page_id),
            reason=f"view restriction on page {page_id} changed",
        )
    elif isinstance(instance, Site):
        purge(reason="site changed")
    elif isinstance(instance, BaseSiteSetting | BaseGenericSetting) and not kwargs.get("created"):
        # Settings are made with their defaults the first time a page reads them, while it
        # renders: that changes nothing shown, and purging then would drop that very page.
        purge(reason=f"{type(instance).__name__} changed")


def page_and_descendants(page_id):
    page = Page.objects.filter(pk=page_id).first()
    return [page, *page.get_descendants()] if page is not None else []


def connect():
    page_published.connect(page_published_or_unpublished, dispatch_uid="page-cache-published")
    page_unpublished.connect(page_published_or_unpublished, dispatch_uid="page-cache-unpublished")
    pre_page_move.connect(page_moving, dispatch_uid="page-cache-moving")
    post_page_move.connect(page_moved, dispatch_uid="page-cache-moved")
    pre_delete.connect(page_deleting, dispatch_uid="page-cache-deleting")
    post_save.connect(shown_content_saved, dispatch_uid="page-cache-saved")
    post_delete.connect(shown_content_saved, dispatch_uid="page-cache-deleted")
