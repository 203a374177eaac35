"""Wagtail's database search backend, ranking by relevance in one pass on SQLite.

Workaround for an upstream gap: modelsearch's SQLite backend (wagtail/django-modelsearch#85)
orders by relevance by annotating every candidate row with a correlated subquery that runs the
FTS5 ``MATCH`` again for that row. With a few hundred matches that costs tens of milliseconds
per search (about 40 ms for 360 matches among 10,000 activities). Here the index entries are
ranked once, restricted to the searched queryset, and only the requested slice is loaded, the
way the Elasticsearch backend builds its results. Matches and order are the same as upstream's
(best score first, then the higher primary key), which ``tests/search`` checks.

``search.backends.database`` uses it only where modelsearch chose its SQLite FTS5 backend (this
module cannot even be imported elsewhere). Delete it once the upstream backend ranks without a
per-row subquery.
"""

from django.db.models import CharField, F, IntegerField
from django.db.models.functions import Cast
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchResults,
)
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks

from search.backends.keys import has_integer_key


class OnePassRankingResults(SQLiteSearchResults):
    def _ranked_entries(self):
        """Index entries of matching objects in the searched queryset, best first, or None
        when the upstream path is the right one (no ranking wanted, or a negated query)."""
        compiler = self.query_compiler
        if not compiler.order_by_relevance:
            return None
        query = normalize(compiler.query)
        if isinstance(query, MatchAll | Not):
            return None
        config = compiler.get_config(self.backend)
        match = MatchExpression(
            compiler.fields or compiler.FTS_TABLE_FIELDS,
            compiler.build_search_query(query, config=config),
        )
        score = compiler._build_rank_expression(compiler.get_search_vectors(), config)
        model = compiler.queryset.model
        # The index stores object ids as text; compare them as text so the index is used.
        in_queryset = (
            compiler.queryset.order_by()
            .annotate(_pk_text=Cast("pk", CharField()))
            .values("_pk_text")
        )
        higher_key_first = F("index_entry__object_id").desc()
        if has_integer_key(model):
            higher_key_first = Cast("index_entry__object_id", IntegerField()).desc()
        entries = SQLiteFTSIndexEntry.objects.filter(match).filter(
            index_entry__content_type__in=get_descendants_content_types_pks(model)
        )
        if compiler.queryset.query.where:
            entries = entries.filter(index_entry__object_id__in=in_queryset)
        # else: an unfiltered queryset is every object of the model, which the content types
        # already say. Restricting the entries to it anyway, a subquery over the model's
        # table, cost twice the search (a caller that keeps the ids it wants filters the
        # matches itself: directory/search/query.py).
        return (
            entries.annotate(score=score)
            # bm25() is lower for better matches; ties go to the higher key, as upstream.
            .order_by("score", higher_key_first)
            .values_list("index_entry__object_id", "score")
        )

    def _do_search(self):
        ranked = self._ranked_entries()
        if ranked is None:
            return super()._do_search()
        rows = list(ranked[self.start : self.stop])
        pk_field = self.query_compiler.queryset.model._meta.pk
        ids = [pk_field.to_python(object_id) for object_id, _score in rows]
        objects = self.query_compiler.queryset.order_by().in_bulk(ids)
        results = []
        for (_object_id, score), pk in zip(rows, ids, strict=True):
            obj = objects.get(pk)
            if obj is None:  # deleted between the two queries
                continue
            if self._score_field:
                setattr(obj, self._score_field, score)
            results.append(obj)
        return results

    def ranked_ids(self):
        """The matching objects' primary keys, best first, without building the objects (a
        caller that needs only the keys, such as the directory search, is spared building
        thousands of pages); None when the upstream path is taken (see search.query)."""
        ranked = self._ranked_entries()
        if ranked is None:
            return None
        to_python = self.query_compiler.queryset.model._meta.pk.to_python
        return [to_python(object_id) for object_id, _score in ranked[self.start : self.stop]]

    def _do_count(self):
        ranked = self._ranked_entries()
        if ranked is None:
            return super()._do_count()
        return ranked.count()


class OnePassRankingSQLiteBackend(SQLiteSearchBackend):
    results_class = OnePassRankingResults
