"""Live figures for advocacy: a number an editor puts in a story or page ("activities on offer in
Wales"), worked out from the site's own data when the page is shown.

Core knows no app that holds the data, so the figures come through a Wagtail hook, the way
Wagtail's own apps add menu items. An app registers a function under ``LIVE_FIGURES`` in its
``wagtail_hooks.py`` that returns a ``LiveFigureSource``: the kinds of figure it can compute and
the areas and art forms an editor may choose between. The body block (``LiveFigureBlock`` in
core/blocks.py) stores only the choices' values (a kind's slug, a place code, an art form's
slug), which are the same in every language, so a page and its translations show one figure.

Figures are cached for ``CACHE_SECONDS``, keyed by the choices and the language (the label is
written in the page's language), with the moment they were computed: the page says "Figures as
of" that date. A figure that cannot be computed (no app provides it, a choice that no longer
exists, a database error) is None, and the block shows nothing rather than fail the page; a
cache that fails means uncached.
"""

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from django.core.cache import cache
from django.utils import timezone, translation
from wagtail import hooks

logger = logging.getLogger(__name__)

LIVE_FIGURES = "live_figures"
# Long enough that a busy page costs the database one computation per figure every few
# minutes; short enough that an advocacy page is never far behind the directory.
CACHE_SECONDS = 10 * 60


@dataclass(frozen=True)
class Figure:
    """A computed figure, ready to show: the number and what it counts, in one language."""

    value: int | None  # None: nothing to count yet (then ``label`` says so)
    label: str
    detail: str = ""  # a second line (the art form, the total it is out of)
    computed_at: datetime | None = None


@dataclass(frozen=True)
class FigureKind:
    slug: str
    label: str  # for the editor's choice list (lazily translated)
    # (area code or "", art form slug or "") -> Figure, or None when it cannot be computed.
    compute: Callable[[str, str], Figure | None]


@dataclass(frozen=True)
class LiveFigureSource:
    kinds: Sequence[FigureKind]
    # Each returns (value, label) pairs for the editor's choice lists; called when the form is
    # built, never at import time, so new places and art forms need no migration.
    area_choices: Callable[[], list] = field(default=list)
    art_form_choices: Callable[[], list] = field(default=list)


def _sources():
    sources = []
    for hook in hooks.get_hooks(LIVE_FIGURES):
        source = hook()
        if source is not None:
            sources.append(source)
    return sources


def _merged(choices_of):
    seen, merged = set(), []
    for source in _sources():
        for value, label in choices_of(source)():
            if value not in seen:
                seen.add(value)
                merged.append((value, label))
    return merged


# The three callables below are named in the migrations of every page with body blocks (the
# ChoiceBlocks keep the callable, not its result), so they must stay importable here.
def kind_choices():
    return _merged(lambda source: lambda: [(kind.slug, kind.label) for kind in source.kinds])


def area_choices():
    return _merged(lambda source: source.area_choices)


def art_form_choices():
    return _merged(lambda source: source.art_form_choices)


def find_kind(slug):
    for source in _sources():
        for kind in source.kinds:
            if kind.slug == slug:
                return kind
    return None


def cache_key(kind, area, art_form, language):
    # Values are slugs and codes, but a key must not be forged from stored text: keep only
    # what a slug or code can hold.
    def clean(value):
        return "".join(ch for ch in str(value or "") if ch.isalnum() or ch in "-_")[:40]

    return f"live-figure:{clean(kind)}:{clean(area)}:{clean(art_form)}:{clean(language)}"


def _cached(key):
    try:
        return cache.get(key)
    except Exception:
        logger.warning("The cache could not be read for %s", key, exc_info=True)
        return None


def _store(key, figure):
    try:
        cache.set(key, figure, CACHE_SECONDS)
    except Exception:
        logger.warning("The cache could not be written for %s", key, exc_info=True)


def live_figure(kind, area="", art_form="", language=None):
    """The figure ``kind`` for ``area`` and ``art_form``, labelled in ``language`` (default:
    the active one), from the cache when it is there; None when it cannot be computed."""
    language = language or translation.get_language() or ""
    key = cache_key(kind, area, art_form, language)
    figure = _cached(key)
    if figure is not None:
        return figure
    figure_kind = find_kind(kind)
    if figure_kind is None:
        return None
    try:
        with translation.override(language or None):
            figure = figure_kind.compute(area or "", art_form or "")
    except Exception:
        logger.exception("The live figure %s could not be computed", key)
        return None
    if figure is None:
        return None
    # The date is the moment of computing, kept with the figure, so the page can say how
    # fresh the number is.
    figure = Figure(figure.value, figure.label, figure.detail, timezone.now())
    _store(key, figure)
    return figure
