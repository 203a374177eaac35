"""Benchmark volume for the directory, added in bulk: the same generated providers and activities
as ``load_demo --activities N`` (directory/demo_content.py), written a few thousand rows per
statement instead of one page save (and its signals, revision and tree lock) at a time.

Saving 100,000 pages one by one takes hours; the benchmark must be cheap enough to run
routinely. Wagtail pages are a treebeard materialised-path tree, so a page's place in the tree
is just its ``path`` string: a batch of children of one parent is the parent's path plus
consecutive steps, and the parent's ``numchild`` grows by the batch size. Pages use multi-table
inheritance, which Django's ``bulk_create`` refuses, so the ``Page`` rows are bulk-created first
and the specific rows (sharing their primary keys) are inserted after them. The search index is
filled in bulk by the configured backend (``add_bulk``), from querysets that prefetch what the
index reads.

Only for benchmark volume: no revisions, no provider editor groups, no signals. Everything a
search reads (live, public, locale, tree, taxonomies, places, ages, prices, sessions, index
entries) is as a page save would leave it.
"""

import random
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page
from wagtail.search.backends import get_search_backends

from core import site_cache
from directory.demo_content import (
    Vocabulary,
    activity_values,
    extra_provider_spec,
    plan_offers,
)
from directory.models import ActivityPage, ActivitySession, ProviderPage

# Generated activities per generated provider (as ``load_demo --activities``).
PER_PROVIDER = 50
# Pages written per transaction and per index batch: large enough that statements are few,
# small enough that memory stays modest at 100,000 activities.
CHUNK = 2000
# Many-to-many fields of an activity and of a provider, written as rows of their link tables.
ACTIVITY_LINKS = ("art_forms", "formats", "access_features", "delivery_languages", "places")
PROVIDER_LINKS = ("places_served",)


def _next_step(parent):
    """The step number of ``parent``'s next child in the materialised path."""
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    return Page._str2int(last[-Page.steplen :]) + 1 if last else 1


def _place_in_tree(parent, pages):
    """Give ``pages`` (new children of ``parent``) their tree position, URL path and the
    fields a publish would set, then count them as ``parent``'s children."""
    step = _next_step(parent)
    now = timezone.now()
    for offset, page in enumerate(pages):
        page.depth = parent.depth + 1
        page.path = Page._get_path(parent.path, page.depth, step + offset)
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.locale_id = parent.locale_id
        page.translation_key = uuid.uuid4()
        page.draft_title = page.title
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.last_published_at = now
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    parent.numchild += len(pages)


def _insert_pages(model, pages):
    """Insert ``pages`` of ``model`` (a direct subclass of Page through an abstract base): the
    ``Page`` rows in bulk, then the specific rows with the same primary keys."""
    content_type = ContentType.objects.get_for_model(model)
    for page in pages:
        page.content_type = content_type
    # bulk_create on Page writes only Page's columns and sets each page's id.
    Page.objects.bulk_create(pages)
    for page in pages:
        page.page_ptr_id = page.id
        page._state.adding = False
    specific_fields = [
        field for field in model._meta.local_concrete_fields if field.concrete and field.column
    ]
    # Django's bulk_create refuses multi-table inheritance; its batched insert does not.
    model._base_manager.all()._batched_insert(pages, specific_fields, batch_size=None)


def _insert_links(model, pages, links):
    """Rows of ``model``'s many-to-many link tables: ``links`` holds, for each page in turn,
    {field name: [related objects]}."""
    for name in {name for chosen in links for name in chosen}:
        field = model._meta.get_field(name)
        through = field.remote_field.through
        source = f"{field.m2m_field_name()}_id"
        target = f"{field.m2m_reverse_field_name()}_id"
        through.objects.bulk_create(
            through(**{source: page.pk, target: related.pk})
            for page, chosen in zip(pages, links, strict=True)
            for related in chosen.get(name, ())
        )


def _index(model, pages):
    """Add ``pages`` to every search backend in one batch each. The pages carry their related
    objects in memory (modelcluster's in-memory relations), so the index reads them without a
    query per page."""
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(model, pages)


def _new_providers(directory, specs, vocabulary):
    providers = []
    links = []
    for spec in specs:
        provider = ProviderPage(
            title=spec["title"],
            slug=spec["slug"],
            description=f"<p>{spec['about']}</p>",
            listing_summary=spec["about"][:290],
            contact_email=f"schools@{spec['slug'].replace('-', '')[:20]}.example",
            contact_phone="0300 123 4567",
            booking_information="Email us with your school, year group and preferred dates.",
            dbs_checked=True,
        )
        providers.append(provider)
        links.append({"places_served": [vocabulary.places[code] for code in spec["places"]]})
        provider.places_served = links[-1]["places_served"]
        provider.venues = []
    _place_in_tree(directory, providers)
    _insert_pages(ProviderPage, providers)
    _insert_links(ProviderPage, providers, links)
    _index(ProviderPage, providers)
    return providers


def _new_activities(provider, spec, vocabulary, offers):
    activities, links, sessions = [], [], []
    for form, idea, ages, language in offers:
        values = activity_values(provider, spec, vocabulary, (form, idea, ages, language))
        chosen = {name: values.pop(name) for name in ACTIVITY_LINKS}
        planned_sessions = values.pop("sessions")
        activity = ActivityPage(**values)
        for name, related in chosen.items():
            setattr(activity, name, related)
        activity.sessions = planned_sessions
        activity.tags.set([])
        activities.append(activity)
        links.append(chosen)
        sessions.append(planned_sessions)
    return activities, links, sessions


def _write_activities(provider_batches):
    """Insert the activities planned for several providers, with their links, sessions and
    index entries, in a few statements."""
    every, links, sessions = [], [], []
    for provider, (activities, batch_links, batch_sessions) in provider_batches:
        _place_in_tree(provider, activities)
        every.extend(activities)
        links.extend(batch_links)
        sessions.extend(batch_sessions)
    _insert_pages(ActivityPage, every)
    _insert_links(ActivityPage, every, links)
    rows = []
    for activity, planned in zip(every, sessions, strict=True):
        for order, session in enumerate(planned):
            session.activity_id = activity.pk
            session.sort_order = order
            session.set_local_times()  # bulk_create skips save()
            rows.append(session)
    ActivitySession.objects.bulk_create(rows)
    _index(ActivityPage, every)


def bulk_add_activities(directory, activities, stdout=None):
    """Add ``activities`` generated activities beneath ``directory`` (PER_PROVIDER to a
    generated provider), continuing the numbering of generated providers already there, so it
    may be run again to grow the directory."""
    vocabulary = Vocabulary()
    existing = (
        ProviderPage.objects.child_of(directory)
        .filter(slug__startswith="benchmark-provider-")
        .count()
    )
    needed = (activities + PER_PROVIDER - 1) // PER_PROVIDER
    specs = [
        # A seeded generator, for the same volume on every machine (not for secrets).
        extra_provider_spec(random.Random(f"benchmark-{index}"), index, vocabulary)  # noqa: S311
        for index in range(existing, existing + needed)
    ]
    added = 0
    per_chunk = max(1, CHUNK // PER_PROVIDER)
    for start in range(0, len(specs), per_chunk):
        with transaction.atomic():
            chunk_specs = specs[start : start + per_chunk]
            directory.refresh_from_db(fields=["numchild"])
            providers = _new_providers(directory, chunk_specs, vocabulary)
            batches = []
            for provider, spec in zip(providers, chunk_specs, strict=True):
                offers = plan_offers(spec)
                planned = []
                for number in range(min(PER_PROVIDER, activities - added)):
                    # As load_demo: each idea once per provider, then numbered repeats.
                    form, idea, ages, language = offers[number % len(offers)]
                    if number >= len(offers):
                        title = f"{idea['title']} (group {number // len(offers) + 1})"
                        idea = {**idea, "title": title}
                    planned.append((form, idea, ages, language))
                    added += 1
                batches.append((provider, _new_activities(provider, spec, vocabulary, planned)))
            _write_activities(batches)
        if stdout is not None:
            stdout.write(f"  {added} of {activities} activities added")
    # Pages created in bulk send no signals: what a shared site cache keeps about the
    # directory (the search scope) must be read again.
    site_cache.site_changed()
    return added
