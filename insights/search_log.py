"""The directory's search log: one row per search a teacher made, with nothing that says who
made it.

What is kept: when, on which site and in which language, the place the search resolved to (a
postcode only as its district's local authority), the filters, the keywords and how many
activities were found. What is never kept: the IP address, session, cookie, user or postcode.

Two things would swamp the log: crawlers following every facet link, and a reader whose page
reloads the same search (a facet toggled back, the back button, a refresh). Crawlers are known
by their User-Agent. Repeats are recognised by a short-lived cache key: a hash of the search
together with the client's address and browser. The key lives only in the cache, for
``REPEAT_WINDOW`` seconds, and is never written to the database, so the log itself holds
nothing that could link two searches to one person.
"""

import hashlib
import logging
import re
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone, translation
from wagtail.models import Site

from insights.models import SearchLog, as_stored

logger = logging.getLogger(__name__)

REPEAT_WINDOW = 10 * 60  # seconds
KEYWORDS_MAX = 200
CRAWLER = re.compile(
    r"bot|crawl|spider|slurp|scrap|fetch|preview|monitor|headless|lighthouse|"
    r"python-requests|curl|wget|httpclient|facebookexternalhit|archiver",
    re.IGNORECASE,
)


def is_crawler(request):
    agent = request.META.get("HTTP_USER_AGENT", "")
    # No browser sends an empty User-Agent; scripts do.
    return not agent.strip() or bool(CRAWLER.search(agent))


def normalise_keywords(text):
    """Keywords as they are kept and grouped: spaces collapsed and trimmed, case folded, so
    "Ballet", "ballet " and "BALLET" are one search."""
    return " ".join(str(text or "").split()).casefold()[:KEYWORDS_MAX]


def _slugs(terms):
    return sorted(str(getattr(term, "slug", term)) for term in terms)


def entry_for(filters, results, site=None, language=""):
    """The unsaved SearchLog row for a search: only aggregate-safe values, never the
    postcode itself."""
    place_code = local_authority_code = ""
    place = filters.place
    if place is not None:
        place_code = place.code
        if place.kind == "local_authority":
            local_authority_code = place.code
        elif place.kind == "town" and place.parent_id:
            # A town is counted with the local authority it lies in.
            parent = place.parent
            if parent.kind == "local_authority":
                local_authority_code = parent.code
    elif filters.postcode is not None:
        # The district is already coarse (LE1), but only its local authority is kept.
        local_authority_code = getattr(filters.postcode, "local_authority_code", "") or ""
        place_code = local_authority_code
    age_from = age_to = None
    if filters.age_range:
        age_from, age_to = (list(filters.age_range) + [None, None])[:2]
    stage = getattr(filters.stage, "slug", "") if filters.stage else ""
    return SearchLog(
        searched_at=timezone.now(),
        site=site,
        language=(language or "")[:8],
        place_code=place_code[:20],
        local_authority_code=local_authority_code[:20],
        radius=filters.radius if filters.postcode is not None else None,
        art_forms=as_stored(_slugs(filters.art_form))[:300],
        stage=(stage or "")[:20],
        age_from=age_from,
        age_to=age_to,
        formats=as_stored(_slugs(filters.format))[:300],
        access=as_stored(_slugs(filters.access))[:300],
        languages=as_stored(_slugs(filters.language))[:300],
        free_only=bool(filters.free),
        max_price=filters.max_price,
        in_care=bool(filters.in_care),
        cpd=bool(filters.cpd),
        keywords=normalise_keywords(filters.q),
        result_count=max(int(getattr(results, "total", 0) or 0), 0),
    )


def _repeat_key(request, entry):
    """A cache key for "this browser made this search a moment ago". The hash mixes in the
    client's address and browser so two teachers' identical searches both count; only the
    hash is stored, and only in the cache, for REPEAT_WINDOW seconds."""
    search = "|".join(
        str(getattr(entry, name))
        for name in (
            "site_id",
            "language",
            "place_code",
            "local_authority_code",
            "radius",
            "art_forms",
            "stage",
            "age_from",
            "age_to",
            "formats",
            "access",
            "languages",
            "free_only",
            "max_price",
            "in_care",
            "cpd",
            "keywords",
        )
    )
    client = "|".join(
        (request.META.get("REMOTE_ADDR", ""), request.META.get("HTTP_USER_AGENT", ""))
    )
    digest = hashlib.sha256(f"{settings.SECRET_KEY}|{client}|{search}".encode()).hexdigest()
    return f"insights:search:{digest[:40]}"


def record_search(request, filters, results):
    """Log the search unless it is not a teacher's first look at it: a later page of results,
    a crawler, or the same search again from the same browser within the window. Never
    raises: a search must work whether or not it could be logged."""
    try:
        if getattr(filters, "page", 1) not in (1, None) or is_crawler(request):
            return None
        try:
            site = Site.find_for_request(request)
        except Exception:
            site = None
        entry = entry_for(filters, results, site, translation.get_language() or "")
        key = _repeat_key(request, entry)
        # add() is atomic: only the first of two simultaneous identical requests logs.
        if not cache.add(key, 1, REPEAT_WINDOW):
            return None
        entry.save()
        return entry
    except Exception:
        logger.exception("A directory search could not be logged")
        return None


def prune(now=None, months=None):
    """Delete the rows older than the retention period; returns how many went."""
    months = settings.INSIGHTS_SEARCH_LOG_MONTHS if months is None else months
    cutoff = cutoff_for(now or timezone.now(), months)
    deleted, _ = SearchLog.objects.filter(searched_at__lt=cutoff).delete()
    return deleted


def cutoff_for(now, months):
    """``now`` less ``months`` calendar months (the day clamped to the month's length)."""
    month_index = now.year * 12 + (now.month - 1) - months
    year, month = divmod(month_index, 12)
    month += 1
    for day in (now.day, 30, 29, 28):
        try:
            return now.replace(year=year, month=month, day=day)
        except ValueError:
            continue
    return now - timedelta(days=30 * months)
