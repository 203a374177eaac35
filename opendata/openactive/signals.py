"""Every change that can add a page to the feeds or take one away records it in the change
log (opendata/openactive/records.py), whichever way it happens: the admin, a workflow,
scheduled publishing, a command or the demo loader.

- published: the page's item is rendered again and moves to the end of its feed; a provider
  takes its activities with it, since each names it as organiser;
- unpublished, moved (perhaps into a private section, or out of a site), or put behind a view
  restriction (or out from behind one): the page and everything beneath it are judged again;
- deleted: its items become tombstones.

Connected after the directory's own handlers (opendata comes after directory in
INSTALLED_APPS), so a provider's venues have already been copied to its activities.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from directory.models import ActivityPage, ProviderPage
from opendata.openactive import records


def _with_descendants(page_id):
    page = Page.objects.filter(pk=page_id).only("path").first()
    if page is None:
        return []
    return list(Page.objects.filter(path__startswith=page.path).values_list("pk", flat=True))


def page_changed(sender, instance, **kwargs):
    page_ids = [instance.pk]
    if isinstance(instance, ProviderPage):
        page_ids += ActivityPage.objects.child_of(instance).values_list("pk", flat=True)
    records.refresh(page_ids)
    if isinstance(instance, ActivityPage):
        # Translating an activity makes its provider's translation as an alias, which Wagtail
        # creates without a publish signal: the provider enters its feed with its first
        # activity (and stays where it is if nothing about it changed).
        parent = Page.objects.filter(path=instance.path[: -instance.steplen]).values("pk")
        records.refresh([row["pk"] for row in parent], force=False)


def subtree_changed(sender, instance, **kwargs):
    records.refresh(_with_descendants(instance.pk))


def restriction_changed(sender, instance, **kwargs):
    records.refresh(_with_descendants(instance.page_id))


def page_deleted(sender, instance, **kwargs):
    # Sent for the page and for each descendant the deletion takes with it.
    if isinstance(instance, Page):
        records.forget_pages([instance.pk])


def connect():
    for model in (ActivityPage, ProviderPage):
        page_published.connect(
            page_changed, sender=model, dispatch_uid=f"openactive-published-{model.__name__}"
        )
        page_unpublished.connect(
            subtree_changed, sender=model, dispatch_uid=f"openactive-unpublished-{model.__name__}"
        )
    post_page_move.connect(subtree_changed, dispatch_uid="openactive-moved")
    post_save.connect(
        restriction_changed, sender=PageViewRestriction, dispatch_uid="openactive-restricted"
    )
    post_delete.connect(
        restriction_changed, sender=PageViewRestriction, dispatch_uid="openactive-unrestricted"
    )
    post_delete.connect(page_deleted, dispatch_uid="openactive-deleted")
