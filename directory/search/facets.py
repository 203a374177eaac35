"""Every facet count and the total, in one SQL statement.

The database search backend cannot facet on many-to-many fields, so facets are counted with
the ORM's SQL over the matched activities, whichever backend ran the keywords.
"""

from collections import Counter
from itertools import chain

from django.core.exceptions import EmptyResultSet
from django.db import connections

from core import site_cache
from directory.models import ActivityPage
from directory.search.filters import RELATIONS
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


# Words alone, over a kept scope: the matches are known without a query (the scope's ids that
# the words found), and so are what each of them would count, kept once per site generation.
# Counting in Python then spares reading every link table again for thousands of matches (the
# costliest part of a broad word's search among 100,000 activities on PostgreSQL).


def kept_facet_rows(scope):
    """``KeptFacetRows`` for the scope's activities, kept for the site generation and held by the
    process (None when the scope is not kept)."""
    ids = scope.kept_ids()
    if ids is None:
        return None
    return site_cache.remember(
        ("search-facet-rows", *scope.cache_key()), lambda: KeptFacetRows(ids), held=True
    )


class KeptFacetRows:
    """What each activity counts towards: (codes, (age_min, age_max)) by activity id, where a
    code numbers a facet key, (filter name, slug) for a linked term or the name of a yes/no
    filter the activity meets. Numbers count several times faster than the keys themselves."""

    def __init__(self, ids):
        self.keys = []  # code -> facet key
        codes = {}
        linked = {pk: [] for pk in ids}
        for name, (relation, column) in RELATIONS.items():
            links = through(relation).objects.values_list("activitypage_id", f"{column}__slug")
            for pk, slug in links.order_by():
                if pk in linked:
                    linked[pk].append(self._code(codes, (name, slug)))
        flag_codes = [self._code(codes, flag) for flag in FLAG_COLUMNS]
        self.rows = {}
        columns = ("pk", "age_min", "age_max", *FLAG_COLUMNS.values())
        for pk, age_min, age_max, *flags in ActivityPage.objects.values_list(*columns).order_by():
            if pk in linked:
                met = [code for code, value in zip(flag_codes, flags, strict=True) if value]
                self.rows[pk] = (tuple(linked[pk] + met), (age_min, age_max))

    def _code(self, codes, key):
        if key not in codes:
            codes[key] = len(self.keys)
            self.keys.append(key)
        return codes[key]


def count_kept_facets(kept, matched_ids, nation_code=None):
    """``count_facets``'s (facets, total, None) for ``matched_ids`` when nothing but words
    narrowed them, from ``kept_facet_rows``: the same counts the facet statement gives."""
    no_row = ((), None)
    found = [kept.rows.get(pk, no_row) for pk in matched_ids]
    counted = Counter(chain.from_iterable(codes for codes, _ages in found))
    ages = Counter(age_range for _codes, age_range in found if age_range is not None)
    facets = {name: {} for name in RELATIONS}
    stages = stages_for(nation_code)
    facets["stage"] = {stage.slug: 0 for stage in stages}
    for flag in FLAG_COLUMNS:
        facets[flag] = 0
    for code, count in counted.items():
        key = kept.keys[code]
        if isinstance(key, tuple):
            name, slug = key
            facets[name][slug] = count
        else:
            facets[key] = count
    for (age_min, age_max), count in ages.items():
        for stage in stages:
            if stage.covers(age_min, age_max):
                facets["stage"][stage.slug] += count
    return facets, len(matched_ids), None
