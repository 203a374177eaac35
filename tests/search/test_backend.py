"""The search backend: on SQLite, one-pass ranking must give exactly upstream's matches and order.

``search.backends.database`` swaps in ``sqlite_relevance`` only where modelsearch picks its SQLite
FTS5 backend. These tests compare it, query by query, with the upstream backend it replaces, so
the workaround can never change what a reader finds; on PostgreSQL they run too, against
``postgres_language``, which for English pages must find and rank exactly as upstream does
(its other languages are tested in ``test_languages``).
"""

import pytest
from django.core.management import call_command
from django.db import connection
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from home.factories import StandardPageFactory
from search.query import result_ids

pytestmark = pytest.mark.django_db

on_sqlite = connection.vendor == "sqlite"


@pytest.fixture
def indexed_pages(home_page):
    # Titles and bodies with repeated words, so scores differ and ties occur.
    texts = [
        ("Music in the library", "music for families, music for schools"),
        ("Dance and music", "a dance workshop"),
        ("Music", "music music music"),
        ("Storytelling", "stories, with a little music"),
        ("Puppetry", "puppets for every age"),
        ("Drumming", "music and rhythm"),
        # Identical pages score the same: only the tie-break orders them.
        ("Samba music", "drums in the playground"),
        ("Samba music", "drums in the playground"),
    ]
    pages = [
        StandardPageFactory(
            parent=home_page,
            title=title,
            slug=f"page-{index}",
            introduction=body,
            listing_summary="",
        )
        for index, (title, body) in enumerate(texts)
    ]
    draft = StandardPageFactory(
        parent=home_page, title="Music draft", slug="music-draft", live=False
    )
    # Rebuilding refreshes every entry's title weighting, so identical pages score identically.
    call_command("update_index", verbosity=0)
    return pages, draft


def upstream_backend():
    """The backend modelsearch itself picks for this database (SQLite FTS5 or PostgreSQL)."""
    from modelsearch.backends.database import SearchBackend as choose_database_backend

    # On PostgreSQL, reading queries as English, as ours does for these English pages (without
    # it upstream would use the server's default configuration; SQLite ignores the option).
    return choose_database_backend({"SEARCH_CONFIG": "english"})


# These run on every database: on SQLite they compare the workaround with upstream; elsewhere
# they prove the configured backend still behaves exactly as modelsearch's own.
@pytest.mark.parametrize("terms", ["music", "dance", "music dance", "puppets", "nothing"])
def test_same_matches_and_order_as_upstream(indexed_pages, terms):
    ours = get_search_backend()
    queryset = Page.objects.live().specific(defer=True)
    expected = list(upstream_backend().search(terms, queryset, operator="and"))
    found = list(ours.search(terms, queryset, operator="and"))
    assert [page.pk for page in found] == [page.pk for page in expected]
    assert ours.search(terms, queryset, operator="and").count() == len(expected)
    if terms == "music":
        pages, draft = indexed_pages
        assert len(found) == 7
        assert draft.pk not in {page.pk for page in found}  # outside the queryset


def test_slices_scores_and_or_queries_match_upstream(indexed_pages):
    ours = get_search_backend()
    queryset = Page.objects.live()
    for operator in ("and", "or"):
        expected = upstream_backend().search("music dance", queryset, operator=operator)
        found = ours.search("music dance", queryset, operator=operator)
        assert [p.pk for p in found[1:4]] == [p.pk for p in expected[1:4]]
        scored = list(found.annotate_score("relevance"))
        upstream_scored = list(expected.annotate_score("relevance"))
        assert [round(p.relevance, 6) for p in scored] == [
            round(p.relevance, 6) for p in upstream_scored
        ]
    unranked = ours.search("music", queryset, order_by_relevance=False)
    assert {p.pk for p in unranked} == {p.pk for p in upstream_backend().search("music", queryset)}


def test_backend_matches_the_database():
    backend = type(get_search_backend()).__name__
    if on_sqlite:
        assert backend == "OnePassRankingSQLiteBackend"
    elif connection.vendor == "postgresql":
        assert backend == "PerLanguagePostgresBackend"
    else:
        # Elsewhere modelsearch's own choice stands, untouched.
        assert backend.startswith(("MySQL", "Database"))


@pytest.mark.parametrize("terms", ["music", "music dance", "nothing"])
def test_result_ids_are_the_results_keys_in_order(indexed_pages, terms):
    # The directory reads only the keys of its matches (search.query.result_ids), which the
    # project's backends give without building the pages: the same keys, in the same order,
    # sliced or not.
    queryset = Page.objects.live()
    results = get_search_backend().search(terms, queryset, operator="and")
    assert result_ids(results) == [page.pk for page in results]
    assert result_ids(results[1:3]) == [page.pk for page in results[1:3]]
    if terms == "music":
        assert len(result_ids(results)) == 7
        assert getattr(results, "ranked_ids", None) is not None


def test_an_unfiltered_search_finds_every_indexed_object_of_the_model(indexed_pages):
    # With no filter on the queryset the one-pass ranking skips restricting the index to it
    # (the content types say the same); the directory filters such matches itself. The same
    # pages in the same order as upstream's, drafts included (they are in the model).
    from home.models import StandardPage

    pages, draft = indexed_pages
    queryset = StandardPage.objects.all()
    assert not queryset.query.where
    expected = [page.pk for page in upstream_backend().search("music", queryset, operator="and")]
    found = get_search_backend().search("music", queryset, operator="and")
    assert result_ids(found) == [page.pk for page in found] == expected
    assert draft.pk in expected and len(expected) == 8


@pytest.mark.skipif(on_sqlite, reason="an index of PostgreSQL's search; CI runs this there")
def test_postgresql_looks_the_words_up_in_an_index(indexed_pages):
    # search/migrations/0001: the backend matches ``title || body``, which only an index on
    # that very expression can serve (without it every search reads every entry).
    results = get_search_backend().search("puppets", Page.objects.live(), operator="and")
    sql, _params = results.get_queryset().query.sql_with_params()
    matched = '("wagtailsearch_indexentry"."title" || "wagtailsearch_indexentry"."body") @@'
    assert matched in sql  # upstream still matches this expression
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a few rows: force the choice
        cursor.execute(
            "EXPLAIN SELECT id FROM wagtailsearch_indexentry "
            "WHERE (title || body) @@ to_tsquery('english', 'puppet')"
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "site_search_indexentry_words_gin" in plan
    assert result_ids(results) == [indexed_pages[0][4].pk]


def test_the_projects_backends_find_keys_cheaply():
    # The directory searches the whole index and keeps its scope's matches only where the
    # backend hands back keys without objects (directory/search/query.py); Elasticsearch's
    # results are objects, so there the search is narrowed in the backend.
    from modelsearch.backends.database.fallback import DatabaseSearchBackend

    from search.query import finds_keys_cheaply

    assert finds_keys_cheaply()
    assert not hasattr(DatabaseSearchBackend.results_class, "ranked_ids")
