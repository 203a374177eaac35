"""Keeping the feeds' change log (``FeedItem``) in step with the pages.

What is published is decided by the directory's search scope (directory/search/scope.py), so
the feeds and the HTML directory always agree: a page is an ``updated`` item while it is live,
public and beneath a directory page of a site that serves its language; otherwise it is a
``deleted`` item (a tombstone) if it was ever published, and absent if it never was.

Languages: one item per published translation, with the id ``<translation key>/<language>``.
Each translation is a page of its own, with its own address, text and publication state, and
the directory shows each to the readers of its language; one item per translation lets a
withdrawn translation become a tombstone of its own while the others stay. Consumers that want
one language read the id's suffix (or the item's ``url``); ``identifier`` in the data is the
translation key, shared by all of a page's translations, to group them.
"""

import time

from django.conf import settings
from django.db import transaction
from django.db.models import Max, Q, prefetch_related_objects
from wagtail.models import Page, Site

from directory.models import ActivityPage, DirectoryIndexPage, ProviderPage
from directory.search.scope import Scope, activity_scope
from opendata.openactive import modelling
from opendata.openactive.models import FeedItem
from regions.models import RegionSettings
from regions.regions import REGIONS_BY_KEY

ACTIVITY_RELATIONS = (
    "art_forms",
    "formats",
    "access_features",
    "delivery_languages",
    "places",
    "sessions",
)
BATCH = 500


def item_id(page):
    return f"{page.translation_key}/{page.locale.language_code}"


def _served_directories():
    """The live directory pages a site serves: in each language the site offers, its home
    page's translation in that language, and the directory beneath it.

    A site offers a language when its region lists it (every configured language for a site
    outside the regions) and its home page is published in it: the rule of
    ``regions.regions.site_languages``, which reads it from a request. A translation on a site
    that does not offer its language is never served, so it is never published either.
    """
    regions = dict(RegionSettings.objects.values_list("site_id", "region"))
    every_language = [code for code, _name in settings.LANGUAGES]
    directories = list(DirectoryIndexPage.objects.live().select_related("locale").order_by("path"))
    served = {}
    for site in Site.objects.select_related("root_page"):
        region = REGIONS_BY_KEY.get(regions.get(site.pk))
        homes = Page.objects.filter(
            translation_key=site.root_page.translation_key,
            live=True,
            locale__language_code__in=region.languages if region else every_language,
        )
        for home in homes.only("path", "locale_id"):
            for directory in directories:
                if directory.locale_id == home.locale_id and directory.path.startswith(home.path):
                    served[directory.pk] = directory
    return list(served.values())


def _scopes():
    """The directory scopes of every directory page a site serves, each in its own language:
    a scope's pages in its reader's language are what the directory shows those readers."""
    scopes = {}
    for directory in _served_directories():
        scope = activity_scope(directory, directory.locale)
        key = (tuple(sorted(root.pk for root in scope.roots)), scope.locale.pk)
        # Only the reader's own language: another language's pages are published by the scope
        # of that language, so each page is judged once, in its own language.
        scopes.setdefault(key, Scope(scope.roots, scope.locale))
    return list(scopes.values())


def published(model):
    """The pages of ``model`` (activities or providers) the feeds publish."""
    condition = Q(pk__in=[])
    for scope in _scopes():
        pages = scope.activities() if model is ActivityPage else scope.providers()
        condition |= Q(pk__in=pages.values("pk"))
    return model.objects.filter(condition)


def _providers_by_path(activities):
    paths = {activity.path[: -activity.steplen] for activity in activities}
    return {
        provider.path: provider
        for provider in ProviderPage.objects.filter(path__in=paths).select_related("locale")
    }


def _render(pages, model):
    """(feed, item id, kind, language, page id, data) for each published page given. A page
    that no site serves has no address to publish, so it is left out (a tombstone if it was
    published before)."""
    pages = [page for page in pages if page.get_url_parts() is not None]
    if model is ActivityPage:
        prefetch_related_objects(pages, *ACTIVITY_RELATIONS)
        providers = _providers_by_path(pages)
        for activity in pages:
            provider = providers.get(activity.path[: -activity.steplen])
            yield (
                FeedItem.Feed.ACTIVITIES,
                item_id(activity),
                "SessionSeries",
                activity.locale.language_code,
                activity.pk,
                modelling.activity_data(activity, provider),
            )
    else:
        for provider in pages:
            yield (
                FeedItem.Feed.PROVIDERS,
                item_id(provider),
                "Organization",
                provider.locale.language_code,
                provider.pk,
                modelling.provider_data(provider),
            )


class _Clock:
    """Hands out ``modified`` numbers: milliseconds since the epoch, but always past the
    greatest number already given out, so the feed's order only ever grows even if the
    clock steps back or several items change in the same millisecond."""

    def __init__(self):
        # Two changes written at once must not interleave their numbers, or one committed
        # later with a smaller number would land behind a consumer that has read past it.
        # Locking the item with the greatest number makes writers take turns (on databases
        # with row locks; SQLite lets one writer in at a time anyway), and the greatest number
        # is read once the lock is held.
        FeedItem.objects.select_for_update().order_by("-modified").values_list(
            "pk", flat=True
        ).first()
        greatest = FeedItem.objects.aggregate(greatest=Max("modified"))["greatest"] or 0
        self.last = greatest

    def tick(self):
        self.last = max(time.time_ns() // 1_000_000, self.last + 1)
        return self.last


def _write(rendered, existing, clock, force):
    """Save rendered items; a new item or a changed one (or any, with ``force``) moves to the
    end of the feed."""
    new, changed = [], []
    for feed, item, kind, language, page_id, data in rendered:
        row = existing.pop((feed, item), None)
        if row is None:
            new.append(
                FeedItem(
                    feed=feed,
                    item_id=item,
                    kind=kind,
                    state=FeedItem.State.UPDATED,
                    modified=clock.tick(),
                    language=language,
                    page_id=page_id,
                    data=data,
                )
            )
            continue
        if (
            not force
            and row.state == FeedItem.State.UPDATED
            and row.data == data
            and row.kind == kind
            and row.page_id == page_id
        ):
            continue
        row.kind, row.state, row.language, row.page_id, row.data = (
            kind,
            FeedItem.State.UPDATED,
            language,
            page_id,
            data,
        )
        row.modified = clock.tick()
        changed.append(row)
    FeedItem.objects.bulk_create(new, batch_size=BATCH)
    FeedItem.objects.bulk_update(
        changed, ["kind", "state", "language", "page_id", "data", "modified"], batch_size=BATCH
    )
    return len(new) + len(changed)


def _tombstone(rows, clock):
    """Turn items that are no longer published into deleted items (once)."""
    gone = [row for row in rows if row.state != FeedItem.State.DELETED]
    for row in gone:
        row.state, row.data, row.modified = FeedItem.State.DELETED, None, clock.tick()
    FeedItem.objects.bulk_update(gone, ["state", "data", "modified"], batch_size=BATCH)
    return len(gone)


def refresh(page_ids, force=True):
    """Bring the items of these pages up to date: published ones re-rendered (and moved to the
    end of the feed), the others made tombstones. Pages that are neither activities nor
    providers are ignored. With ``force`` (a page changed), an unchanged rendering still moves
    to the end, so consumers see that something about it changed."""
    page_ids = set(page_ids)
    if not page_ids:
        return 0
    with transaction.atomic():
        clock = _Clock()
        rendered = [
            each
            for model in (ActivityPage, ProviderPage)
            for each in _render(
                published(model).filter(pk__in=page_ids).select_related("locale"), model
            )
        ]
        # A page's item may have been written for an earlier page of the same translation
        # key and language (deleted, then made again), so look items up by id as well.
        rows = FeedItem.objects.filter(
            Q(page_id__in=page_ids) | Q(item_id__in=[each[1] for each in rendered])
        )
        existing = {(row.feed, row.item_id): row for row in rows}
        count = _write(rendered, existing, clock, force)
        count += _tombstone(existing.values(), clock)
    return count


def forget_pages(page_ids):
    """Deleted pages: their items become tombstones."""
    if not page_ids:
        return 0
    with transaction.atomic():
        clock = _Clock()
        return _tombstone(list(FeedItem.objects.filter(page_id__in=set(page_ids))), clock)


def rebuild(stdout=None):
    """Re-render every published page and tombstone every item no longer published. Items
    whose data is unchanged keep their place, so running it again moves nothing: safe after a
    bulk load (directory/bulk_load.py writes pages without signals) and on every bootstrap."""
    count = 0
    with transaction.atomic():
        clock = _Clock()
        existing = {(row.feed, row.item_id): row for row in FeedItem.objects.all()}
        for model in (ActivityPage, ProviderPage):
            pks = list(published(model).order_by("pk").values_list("pk", flat=True))
            for start in range(0, len(pks), BATCH):
                batch = model.objects.filter(pk__in=pks[start : start + BATCH]).select_related(
                    "locale"
                )
                count += _write(_render(batch, model), existing, clock, force=False)
        count += _tombstone(existing.values(), clock)
    if stdout is not None:
        stdout.write(f"OpenActive feeds: {count} item(s) changed.")
    return count
