"""Unmet demand: the directory searches that found nothing, grouped, and for each group the
nearest thing that did exist.

Groups are counted in the database (one GROUP BY with two filtered counts). The "nearest"
column is worked out only for the groups a page shows (or an export writes): the places of the
live activities in the group's art forms, each at its centroid, and the one closest to the
searched place's centroid. When the search had a stage, only activities for that stage count
as "the nearest thing", with the stage read in the terms of the searched place's nation (or,
for a search with no place, the nation of the site it was made on).

Keywords are grouped case-folded and trimmed ("Ballet" and "ballet " are one group): new rows
are stored that way (search_log.normalise_keywords), and older rows are folded when grouped.
"""

from dataclasses import dataclass
from datetime import timedelta
from operator import itemgetter

from django.db.models import Count, Max, Q
from django.db.models.functions import Lower, Trim
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Site

from directory.models import ActivityPage, ArtForm
from insights.models import SearchLog, as_list
from places.models import Place
from places.nations import nation_code_for_site
from places.postcodes import distance_km, unit_vector
from places.stages import STAGES_BY_NATION

RECENT_DAYS = 30
WINDOW_DAYS = 90
KM_PER_MILE = 1.609344

BY_PLACE = "place"
BY_KEYWORDS = "keywords"


def _since(now, days):
    return now - timedelta(days=days)


def unmet_groups(by=BY_PLACE, now=None):
    """Searches with no results in the last WINDOW_DAYS, grouped by place x art forms x stage
    (or by keywords), each with ``last_30`` and ``last_90`` counts, most frequent first."""
    now = now or timezone.now()
    nothing_found = SearchLog.objects.filter(
        result_count=0, searched_at__gte=_since(now, WINDOW_DAYS), searched_at__lte=now
    )
    counts = {
        "last_30": Count("pk", filter=Q(searched_at__gte=_since(now, RECENT_DAYS))),
        "last_90": Count("pk"),
        "latest": Max("searched_at"),
    }
    if by == BY_KEYWORDS:
        # Rows logged before keywords were case-folded are folded here (SQLite's lower()
        # folds ASCII letters only; every row logged since is folded in full when stored).
        keys = ["folded_keywords"]
        nothing_found = nothing_found.annotate(folded_keywords=Lower(Trim("keywords"))).exclude(
            folded_keywords=""
        )
    else:
        keys = ["place_code", "art_forms", "stage"]
        # The site a group's searches were made on names its stage when no place does.
        counts["site_id"] = Max("site_id")
    return nothing_found.values(*keys).annotate(**counts).order_by("-last_90", "-last_30", *keys)


@dataclass(frozen=True)
class Nearest:
    place_name: str
    place_code: str
    miles: float | None  # None: the same place, or no centroid to measure from

    def __str__(self):
        if self.miles is None:
            return self.place_name
        return f"{self.place_name} ({self.miles:.0f} mi)"


def _places_by_code(codes):
    """One Place per code (any language: the code and centroid are the same in each)."""
    places = {}
    for place in Place.objects.filter(code__in=set(codes)).order_by("-locale_id"):
        places[place.code] = place
    return places


class NearestFinder:
    """Finds the nearest offer for many groups at once (a page, or a whole export of tens of
    thousands of groups) with one query: every live activity's located places with its art
    forms and ages, read once. Each searched place's list of places by distance is worked out
    once, and a group walks it until it meets a place with a matching offer."""

    def __init__(self):
        self._offers = None
        self._places = {}
        self._offered = {}
        self._offered_once = {}  # {(art form slug or None for any, stage ages): place codes}
        self._by_slug = None
        self._by_distance = {}
        self._vectors = None  # [(unit vector, place row)] of the offered places

    def _all_offers(self):
        if self._offers is None:
            rows = (
                ActivityPage.objects.live()
                .public()
                .filter(places__latitude__isnull=False, places__longitude__isnull=False)
                .values_list(
                    "places__code",
                    "places__name",
                    "places__latitude",
                    "places__longitude",
                    "art_forms__slug",
                    "age_min",
                    "age_max",
                )
                .order_by()
                .distinct()
            )
            self._offers = []
            for code, name, latitude, longitude, slug, age_min, age_max in rows:
                self._places.setdefault(code, (code, name, latitude, longitude))
                self._offers.append((code, slug, age_min, age_max))
        return self._offers

    def offered_places(self, art_forms, stage=None):
        """The codes of the places with a live activity in any of ``art_forms`` (any art form
        when none) for ``stage`` (any age when None)."""
        # Keyed by the stage's ages, all that ``covers`` reads: hashing a Stage would hash (and
        # so translate) its label, once a group, and nations' stages of the same ages agree.
        ages = stage.year_group_ages if stage else None
        key = (tuple(art_forms), ages)
        if key not in self._offered:
            if art_forms:
                # The union of each art form's places, each worked out once per stage: an
                # export has hundreds of art-form combinations over a dozen art forms.
                self._offered[key] = set().union(
                    *(
                        self._offered_for(self._offers_by_slug().get(slug, ()), (slug, ages), stage)
                        for slug in set(art_forms)
                    )
                )
            else:
                self._offered[key] = self._offered_for(self._all_offers(), (None, ages), stage)
        return self._offered[key]

    def _offers_by_slug(self):
        if self._by_slug is None:
            self._by_slug = {}
            for offer in self._all_offers():
                self._by_slug.setdefault(offer[1], []).append(offer)
        return self._by_slug

    def _offered_for(self, offers, key, stage):
        if key not in self._offered_once:
            self._offered_once[key] = {
                code
                for code, _slug, age_min, age_max in offers
                if stage is None
                or (age_min is not None and age_max is not None and stage.covers(age_min, age_max))
            }
        return self._offered_once[key]

    def _places_by_distance(self, place):
        """The offered places, nearest ``place`` first. Ordered by the squared chord between
        unit vectors (the same order as the great-circle distance, without trigonometry for
        every pair); only the one a group settles on is measured in kilometres."""
        if place.code not in self._by_distance:
            self._all_offers()
            if self._vectors is None:
                self._vectors = [
                    (unit_vector(row[2], row[3]), row) for row in self._places.values()
                ]
            x, y, z = unit_vector(place.latitude, place.longitude)
            self._by_distance[place.code] = [
                row
                for _chord, row in sorted(
                    (
                        ((x - px) ** 2 + (y - py) ** 2 + (z - pz) ** 2, row)
                        for (px, py, pz), row in self._vectors
                    ),
                    key=itemgetter(0),
                )
            ]
        return self._by_distance[place.code]

    def nearest(self, place, art_forms, stage=None):
        """The place nearest ``place`` that has a live activity in any of ``art_forms`` (for
        ``stage``, a places.stages.Stage, when one is given)."""
        if place is None or place.latitude is None or place.longitude is None:
            return None
        offered = self.offered_places(art_forms, stage)
        if not offered:
            return None
        for code, name, latitude, longitude in self._places_by_distance(place):
            if code in offered:
                if code == place.code:
                    return Nearest(name, code, None)
                km = distance_km(place.latitude, place.longitude, latitude, longitude)
                return Nearest(name, code, km / KM_PER_MILE)
        return None


def stage_for(slug, nation_code=None):
    """The Stage a logged slug names: the nation's own when it has one by that slug, else the
    first nation's that does (England's, then Wales's...); None for no or an unknown slug."""
    if not slug:
        return None
    for code in [nation_code, *STAGES_BY_NATION]:
        for stage in STAGES_BY_NATION.get(code, ()):
            if stage.slug == slug:
                return stage
    return None


def _nation_of(place):
    return place.lineage.strip("/").split("/")[0] if place is not None and place.lineage else None


def _site_nations(site_ids):
    return {
        site.pk: nation_code_for_site(site)
        for site in Site.objects.filter(pk__in={pk for pk in site_ids if pk})
    }


def describe(groups, by=BY_PLACE):
    """The groups as rows for the screen and the exports: names for codes and the nearest
    offer for each place-and-art-form group."""
    groups = list(groups)
    if by == BY_KEYWORDS:
        return [
            {
                "keywords": group["folded_keywords"],
                "last_30": group["last_30"],
                "last_90": group["last_90"],
                "latest": group["latest"],
            }
            for group in groups
        ]
    places = _places_by_code(group["place_code"] for group in groups if group["place_code"])
    slugs = {slug for group in groups for slug in as_list(group["art_forms"])}
    art_form_names = dict(ArtForm.objects.filter(slug__in=slugs).values_list("slug", "name"))
    site_nations = _site_nations(group.get("site_id") for group in groups)
    finder = NearestFinder()
    # Translated once, not once a row: a full export has thousands of rows.
    anywhere, any_value, none_found = _("Anywhere"), _("Any"), _("None found")
    labels = {}  # by id: the stages are module constants, and hashing one translates its label

    def label(stage):
        if id(stage) not in labels:
            labels[id(stage)] = str(stage.label)
        return labels[id(stage)]

    rows = []
    for group in groups:
        place = places.get(group["place_code"])
        chosen = as_list(group["art_forms"])
        nation = _nation_of(place) or site_nations.get(group.get("site_id"))
        stage = stage_for(group["stage"], nation)
        nearest = finder.nearest(place, chosen, stage)
        rows.append(
            {
                "place": place.name if place else (group["place_code"] or anywhere),
                "place_code": group["place_code"],
                "art_forms": ", ".join(art_form_names.get(slug, slug) for slug in chosen)
                or any_value,
                "stage": label(stage) if stage else (group["stage"] or any_value),
                "last_30": group["last_30"],
                "last_90": group["last_90"],
                "latest": group["latest"],
                "nearest": str(nearest) if nearest else none_found,
                "nearest_miles": round(nearest.miles, 1) if nearest and nearest.miles else None,
            }
        )
    return rows
