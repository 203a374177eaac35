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

Inside a transaction the changes are gathered and written once, when it commits: an editor's
publish touches each page once, but a workflow, a move of a section or a whole demo load
touches the same pages many times, and working out the feeds' scopes for every one of those
touches made loading the demo half as slow again. A transaction rolled back writes nothing,
as it changed nothing. Outside a transaction (autocommit) each change is written at once.
"""

import threading

from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from directory.models import ActivityPage, ProviderPage
from opendata.openactive import records

# Tests of the feeds set this to write each change the moment it happens, as if every change
# were its own transaction (a test runs inside one transaction that never commits).
WRITE_AT_ONCE = False


class _Changes(threading.local):
    def __init__(self):
        self.refresh = {}  # page id -> force (see records.refresh)
        self.forget = set()  # ids of deleted pages


_changes = _Changes()


def _flush():
    refresh, forget = _changes.refresh, _changes.forget
    _changes.refresh, _changes.forget = {}, set()
    forced = [pk for pk, force in refresh.items() if force]
    records.refresh(forced)
    records.refresh([pk for pk, force in refresh.items() if not force], force=False)
    records.forget_pages(forget)


def _flush_pending():
    # Whether this thread's _flush is still waiting for the transaction to commit: Django
    # forgets on-commit callbacks when a transaction rolls back, and so must we.
    return any(callback is _flush for _sids, callback, _robust in connection.run_on_commit)


def _record(refresh=(), force=True, forget=()):
    if WRITE_AT_ONCE or not connection.in_atomic_block:
        records.refresh(refresh, force=force)
        records.forget_pages(forget)
        return
    if not _flush_pending():
        _changes.refresh, _changes.forget = {}, set()
        transaction.on_commit(_flush)
    for pk in refresh:
        _changes.refresh[pk] = _changes.refresh.get(pk, False) or force
    _changes.forget.update(forget)


def _with_descendants(page_id):
    page = Page.objects.filter(pk=page_id).only("path").first()
    if page is None:
        return []
    return list(Page.objects.filter(path__startswith=page.path).values_list("pk", flat=True))


def page_changed(sender, instance, **kwargs):
    page_ids = [instance.pk]
    if isinstance(instance, ProviderPage):
        page_ids += ActivityPage.objects.child_of(instance).values_list("pk", flat=True)
    _record(page_ids)
    if isinstance(instance, ActivityPage):
        # Translating an activity makes its provider's translation as an alias, which Wagtail
        # creates without a publish signal: the provider enters its feed with its first
        # activity (and stays where it is if nothing about it changed).
        parent = Page.objects.filter(path=instance.path[: -instance.steplen]).values("pk")
        _record([row["pk"] for row in parent], force=False)


def subtree_changed(sender, instance, **kwargs):
    _record(_with_descendants(instance.pk))


def restriction_changed(sender, instance, **kwargs):
    _record(_with_descendants(instance.page_id))


def page_deleted(sender, instance, **kwargs):
    # Sent for the page and for each descendant the deletion takes with it.
    if isinstance(instance, Page):
        _record(forget=[instance.pk])


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
