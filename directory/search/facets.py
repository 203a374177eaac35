"""Every facet count and the total, in one SQL statement.

The database search backend cannot facet on many-to-many fields, so facets are counted with
the ORM's SQL over the matched activities, whichever backend ran the keywords.
"""

from dataclasses import fields, replace

from django.core.exceptions import EmptyResultSet
from django.db import connections

from core import site_cache
from directory.models import ActivityPage
from directory.search.filters import RELATIONS, TAXONOMY_FILTERS
from places.stages import stages_for

# Yes/no facets: the filter name and the activity column it counts.
FLAG_COLUMNS = {
    "free": "is_free",
    "in_care": "suitable_for_children_in_care",
    "cpd": "cpd_for_teachers",
}
# The columns of a matched set that the stage and yes/no counts read.
COUNTED_COLUMNS = ("pk", "age_min", "age_max", *FLAG_COLUMNS.values())


def through(name):
    """The link table of the activity's many-to-many field ``name``."""
    return ActivityPage._meta.get_field(name).remote_field.through


class _FacetStatement:
    """Every facet count and the total in one SQL statement.

    A facet counts over the activities matching every active filter except its own, so choosing
    one art form still shows how many activities each other art form has. Facets whose filter is
    not in use all count over the same fully matched set. Each distinct set is written once, as
    a common table expression; because several counts read it, SQLite (3.35+) and PostgreSQL
    (12+) evaluate it once, instead of scanning the directory again for every count. The sets
    themselves are ORM querysets (``matched_without(skip)``, from the query module), so scope
    and filters stay in one place.
    """

    def __init__(self, base, filters, matched_without, nation_code, list_matches=False):
        self.base = base
        self.list_matches = list_matches
        self.filters = filters
        self.matched_without = matched_without
        self.nation_code = nation_code
        self.active = set(filters.active_keys())
        self.connection = connections[base.db]
        self.sets = {}  # skip key -> (alias, sql, params), or None when it cannot match
        self.branches = []  # (sql, params) of each count, in the order of self.labels
        self.labels = []  # (facet, stage slug or None) for each branch
        self.empty = []  # labels of counts over a set that cannot match

    def _matched(self, facet):
        """The alias of the set that ``facet`` counts over, or None if it is certainly empty."""
        skip = facet if facet in self.active else None
        if skip not in self.sets:
            queryset = self.matched_without(skip)
            try:
                sql, params = queryset.order_by().values(*COUNTED_COLUMNS).query.sql_with_params()
            except EmptyResultSet:
                self.sets[skip] = None
            else:
                self.sets[skip] = (f"matched_{len(self.sets)}", sql, params)
        found = self.sets[skip]
        return found[0] if found else None

    def _add(self, label, matched, sql, params=()):
        if matched is None:
            self.empty.append(label)
            return
        self.labels.append(label)
        self.branches.append((f"SELECT {len(self.branches)}, {sql}", list(params)))

    def build(self):
        quote = self.connection.ops.quote_name
        m = self._matched(None)
        self._add(("total", None), m, f"NULL, COUNT(*) FROM {m}")
        if self.list_matches:
            # The matches' ids, one row each, in the count column (an integer, as the key):
            # the set is evaluated here anyway, and a search that orders its matches itself
            # would otherwise run every filter again to list them.
            self._add(("matches", None), m, f"NULL, pk FROM {m}")
        # Only identifiers from model metadata and our own aliases are written into the SQL;
        # every value a reader chose travels as a parameter (inside each matched set's SQL).
        for name, (relation, column) in RELATIONS.items():
            link = through(relation)
            term = link._meta.get_field(column)
            activity_id = quote(link._meta.get_field("activitypage").column)
            term_id = quote(term.column)
            m = self._matched(name)
            self._add(
                (name, None),
                m,
                f"term.{quote('slug')}, linked.n FROM ("  # noqa: S608 - see above
                # CROSS JOIN keeps the matched set as the outer loop on SQLite (one index seek
                # per match instead of probing a temporary index per link); PostgreSQL plans
                # it like any join.
                f"SELECT links.{term_id} AS term_id, COUNT(*) AS n "
                f"FROM {m} CROSS JOIN {quote(link._meta.db_table)} links "
                f"WHERE links.{activity_id} = {m}.pk GROUP BY links.{term_id}) linked "
                f"INNER JOIN {quote(term.related_model._meta.db_table)} term "
                f"ON term.{quote('id')} = linked.term_id",
            )
        for stage in stages_for(self.nation_code):
            m = self._matched("stage")
            # The stage filter's and labels' rule, over the matched set's own columns.
            condition, condition_params = stage.sql()
            self._add(
                ("stage", stage.slug),
                m,
                f"NULL, COUNT(*) FROM {m} WHERE {condition}",
                condition_params,
            )
        for name, column in FLAG_COLUMNS.items():
            # A yes/no facet counts the matches it would leave if ticked: while it is ticked,
            # those are the matches themselves, so its own set (every filter but it, read
            # again over the directory) is not needed.
            m = self._matched(None)
            self._add((name, None), m, f"NULL, COUNT(*) FROM {m} WHERE {column} = %s", [True])
        return self

    def run(self):
        """(facets, total, the matches' ids or None when not listed)."""
        facets = {name: {} for name in RELATIONS}
        facets["stage"] = {}
        counts = dict.fromkeys(self.empty, 0)
        matches = [] if self.list_matches else None
        if self.branches:
            ctes, params = [], []
            for found in self.sets.values():
                if found:
                    alias, sql, set_params = found
                    ctes.append(f"{alias} ({', '.join(COUNTED_COLUMNS)}) AS ({sql})")
                    params.extend(set_params)
            sql = "WITH " + ", ".join(ctes) + " " + " UNION ALL ".join(b[0] for b in self.branches)
            for branch_params in (b[1] for b in self.branches):
                params.extend(branch_params)
            with self.connection.cursor() as cursor:
                cursor.execute(sql, params)
                for index, value, count in cursor.fetchall():
                    facet, stage = self.labels[index]
                    if facet == "matches":
                        matches.append(count)
                    elif facet in RELATIONS:
                        # A term's translations share its slug; activities found in another
                        # language link to that language's copy of the term.
                        facets[facet][value] = facets[facet].get(value, 0) + count
                    else:
                        counts[(facet, stage)] = count
        for (facet, stage), count in counts.items():
            if facet == "stage":
                facets["stage"][stage] = count
            elif facet in FLAG_COLUMNS:
                facets[facet] = count
        return facets, counts.get(("total", None), 0), matches


def count_facets(base, filters, matched_without, nation_code=None, list_matches=False):
    """Facet counts for every filter, and the number of activities matching all of them:
    (facets, total, ids), where ids are those of the matching activities, in no order, with
    ``list_matches`` (else None).

    ``matched_without(skip)`` is the queryset of ``base`` narrowed by every active filter but
    ``skip`` (None: all of them); ``nation_code`` names the school stages counted.
    """
    statement = _FacetStatement(base, filters, matched_without, nation_code, list_matches)
    return statement.build().run()


# Over a kept scope, the filters that say which terms, places, ages or yes/no flags an activity
# has are answered from masks kept once per site generation (``KeptFacetRows``): what each facet
# counts over is then a few ANDs of bit masks, and the counts a bit count each, instead of the
# facet statement reading every link table again over thousands of matches (the costliest part
# of a broad search among 100,000 activities on PostgreSQL). The other filters (words, a
# postcode, dates, a price, times) narrow the matches before the masks are applied.


def kept_facet_rows(scope):
    """``KeptFacetRows`` for the scope's activities, kept for the site generation and held by the
    process (None when the scope is not kept)."""
    ids = scope.kept_ids()
    if ids is None:
        return None
    return site_cache.remember(
        ("search-facet-rows", *scope.cache_key()), lambda: KeptFacetRows(ids), held=True
    )


# The filters the kept masks answer; every other one narrows the matches first (``narrowed``).
MASKED_FILTERS = ("place", *RELATIONS, "age_range", "stage", *FLAG_COLUMNS)


def unmasked(filters):
    """``filters`` without those of ``MASKED_FILTERS`` (each back to its default): what must
    narrow the matches before the masks are applied."""
    defaults = {field.name: field.default for field in fields(filters)}
    return replace(filters, **{name: defaults[name] for name in MASKED_FILTERS})


# The positions of the set bits of each byte value, for listing a mask's activities.
_BITS_OF_BYTE = tuple(tuple(bit for bit in range(8) if value >> bit & 1) for value in range(256))


class KeptFacetRows:
    """What each of the scope's activities has, as one bit mask per facet key: bit i of a key's
    mask is set when the scope's i-th activity has it. A key is (filter name, slug) for a
    linked term, the name of a yes/no filter, ("place", lineage) for a place it is offered in,
    or ("ages", age_min, age_max) for its age range (the age and stage filters and the stage
    counts read these). Counting a search's matches is one AND and one bit count per key,
    whatever the number of matches (counting them one by one in Python took 19 ms for a word
    matching 18,800 of 100,000 activities, and the facet statement 30 to 50 ms for a place or
    three filters there)."""

    def __init__(self, ids):
        self.ids = list(ids)
        self.position = {pk: index for index, pk in enumerate(self.ids)}
        self.size = len(self.ids)
        bits = {}  # facet key -> the positions of the activities that have it
        linked = [
            (name, through(relation).objects.values_list("activitypage_id", f"{column}__slug"))
            for name, (relation, column) in RELATIONS.items()
        ]
        linked.append(
            ("place", through("places").objects.values_list("activitypage_id", "place__lineage"))
        )
        for name, links in linked:
            for pk, value in links.order_by():
                index = self.position.get(pk)
                if index is not None:
                    bits.setdefault((name, value), []).append(index)
        columns = ("pk", "age_min", "age_max", *FLAG_COLUMNS.values())
        for pk, age_min, age_max, *flags in ActivityPage.objects.values_list(*columns).order_by():
            index = self.position.get(pk)
            if index is None:
                continue
            bits.setdefault(("ages", age_min, age_max), []).append(index)
            for flag, value in zip(FLAG_COLUMNS, flags, strict=True):
                if value:
                    bits.setdefault(flag, []).append(index)
        masks = {key: self.mask(indexes) for key, indexes in bits.items()}
        self.terms = {key: mask for key, mask in masks.items() if key[0] in RELATIONS}
        self.flags = {flag: masks.get(flag, 0) for flag in FLAG_COLUMNS}
        self.places = {key[1]: mask for key, mask in masks.items() if key[0] == "place"}
        self.ages = {key[1:]: mask for key, mask in masks.items() if key[0] == "ages"}
        self.everything = (1 << self.size) - 1

    def mask(self, indexes):
        """The bit mask with the bits at ``indexes`` set."""
        packed = bytearray((self.size + 7) // 8)
        for index in indexes:
            packed[index >> 3] |= 1 << (index & 7)
        return int.from_bytes(packed, "little")

    def mask_of(self, ids):
        """The bit mask of the activities ``ids`` (those outside the scope are left out)."""
        position = self.position
        return self.mask(position[pk] for pk in ids if pk in position)

    def ids_of(self, mask):
        """The ids of the activities in ``mask``, in the scope's order."""
        ids, found = self.ids, []
        for byte_index, byte in enumerate(mask.to_bytes((self.size + 7) // 8, "little")):
            if byte:
                first = byte_index * 8
                found.extend(ids[first + bit] for bit in _BITS_OF_BYTE[byte])
        return found

    def _ages_where(self, meets):
        mask = 0
        for (age_min, age_max), ages in self.ages.items():
            if meets(age_min, age_max):
                mask |= ages
        return mask

    def chosen(self, filters):
        """{filter name: the mask of the activities it leaves} for each filter of
        ``MASKED_FILTERS`` in use, each read as ``query.apply_filters`` reads it."""
        chosen = {}
        if filters.place:
            prefix = filters.place.lineage
            chosen["place"] = 0
            for lineage, mask in self.places.items():
                if lineage.startswith(prefix):
                    chosen["place"] |= mask
        for name in RELATIONS:
            slugs = getattr(filters, name)
            if not slugs:
                continue
            masks = [self.terms.get((name, slug), 0) for slug in slugs]
            every = TAXONOMY_FILTERS[name][1] == "all"
            combined = masks[0]
            for mask in masks[1:]:
                combined = combined & mask if every else combined | mask
            chosen[name] = combined
        age_from, age_to = filters.age_range or (None, None)
        if age_from is not None or age_to is not None:
            # A missing age never meets a bound, as in SQL.
            chosen["age_range"] = self._ages_where(
                lambda age_min, age_max: (
                    (age_from is None or (age_max is not None and age_max >= age_from))
                    and (age_to is None or (age_min is not None and age_min <= age_to))
                )
            )
        if filters.stage:
            chosen["stage"] = self._ages_where(filters.stage.covers)
        for flag in FLAG_COLUMNS:
            if getattr(filters, flag):
                chosen[flag] = self.flags[flag]
        return chosen


def count_kept_facets(kept, filters, narrowed, nation_code=None, list_matches=False):
    """``count_facets``'s (facets, total, ids) from ``kept_facet_rows``: the same counts the facet
    statement gives, for the activities ``narrowed`` (a mask: those meeting every filter that is
    not in ``MASKED_FILTERS``) and ``filters``' masked filters."""
    chosen = kept.chosen(filters)

    def meeting(skip=None):
        mask = narrowed
        for name, chosen_mask in chosen.items():
            if name != skip:
                mask &= chosen_mask
        return mask

    matched = meeting()
    facets = {name: {} for name in RELATIONS}
    over = {name: meeting(name) if name in chosen else matched for name in RELATIONS}
    for (name, slug), mask in kept.terms.items():
        count = (over[name] & mask).bit_count()
        if count:
            facets[name][slug] = count
    for flag, mask in kept.flags.items():
        facets[flag] = (matched & mask).bit_count()
    stages = stages_for(nation_code)
    facets["stage"] = {stage.slug: 0 for stage in stages}
    over_stage = meeting("stage") if "stage" in chosen else matched
    for (age_min, age_max), mask in kept.ages.items():
        count = (over_stage & mask).bit_count()
        if count:
            for stage in stages:
                if stage.covers(age_min, age_max):
                    facets["stage"][stage.slug] += count
    ids = kept.ids_of(matched) if list_matches else None
    return facets, matched.bit_count(), ids
