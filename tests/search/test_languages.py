"""Search per language: each language's pages are found by searches in that language only, and
on PostgreSQL each language is indexed and searched with a text search configuration that suits
it (``settings.SEARCH_CONFIG_BY_LANGUAGE``: English and Irish stemmed, Welsh and Scottish Gaelic
word for word).

The directory search's side of this is in ``tests/directory/test_index.py``
(``test_other_sites_and_languages_stay_out``, ``test_welsh_directory_search_reads_welsh_words``).
"""

import pytest
from bs4 import BeautifulSoup
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import translation
from modelsearch.conf import get_app_config
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from core.factories import SiteImageFactory
from core.models import SiteImage
from home.factories import StandardPageFactory
from home.models import StandardPage

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="text search configurations exist only in PostgreSQL's backend; CI runs this there",
)


def result_titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [link.get_text(strip=True) for link in soup.select("ol.results h3 a")]


def search(client, language, q):
    prefix = "" if language == "en" else f"/{language}"
    response = client.get(f"{prefix}/search/", {"q": q})
    assert response.status_code == 200
    return result_titles(response)


def translate(page, language, title, introduction):
    """Publish ``page`` in ``language`` (with its parents), with its own words."""
    locale = Locale.objects.get(language_code=language)
    translated = page.copy_for_translation(locale, copy_parents=True)
    translated.title = title
    translated.introduction = introduction
    translated.save_revision().publish()
    return translated


@pytest.fixture
def english_page(home_page):
    return StandardPageFactory(
        parent=home_page,
        title="Tafwyl dance workshop",
        slug="tafwyl",
        introduction="Painting and dancing for children",
        listing_summary="",
    )


@pytest.fixture
def translations(english_page):
    # Welsh: "Tafwyl dance workshop" / "dance and painting for children".
    # Scottish Gaelic: "Tafwyl dance workshop" / "music and dance for children".
    # Irish: "Tafwyl music workshop" / "a workshop on music for children".
    return {
        "cy": translate(english_page, "cy", "Gweithdy dawns Tafwyl", "Dawns a pheintio i blant"),
        "gd": translate(
            english_page, "gd", "Bùth-obrach dannsa Tafwyl", "Ceòl is dannsa do chlann"
        ),
        "ga": translate(
            english_page, "ga", "Ceardlann cheoil Tafwyl", "Ceardlann ar an gceol do pháistí"
        ),
    }


# --- On every database ---


def test_each_language_finds_only_its_own_pages(client, english_page, translations):
    # "Tafwyl" is in every version of the page: only the reader's language is found.
    assert search(client, "en", "tafwyl") == ["Tafwyl dance workshop"]
    for language, page in translations.items():
        assert search(client, language, "tafwyl") == [page.title]
    assert search(client, "cy", "dawns") == ["Gweithdy dawns Tafwyl"]
    assert search(client, "en", "dawns") == []
    assert search(client, "cy", "dance") == []


def test_welsh_words_are_matched_whole(client, translations):
    # "dawn" (talent) is a different Welsh word from "dawns" (dance); English stemming would
    # read "dawns" as its plural. Nor is "i" (for) dropped as an English stop word.
    assert search(client, "cy", "dawn") == []
    assert search(client, "cy", "dawns i blant") == ["Gweithdy dawns Tafwyl"]


def test_autocomplete_in_each_language(english_page, translations):
    backend = get_search_backend()
    welsh = Page.objects.filter(locale=Locale.objects.get(language_code="cy"))
    with translation.override("cy"):
        found = list(backend.autocomplete("gweith", welsh))
    assert [page.title for page in found] == ["Gweithdy dawns Tafwyl"]
    english = Page.objects.filter(locale=Locale.objects.get(language_code="en"))
    assert [page.title for page in backend.autocomplete("tafw", english)] == [
        "Tafwyl dance workshop"
    ]


# --- PostgreSQL: the configuration each language is indexed and searched with ---


def index_entry(page):
    """The stored vectors of ``page``, with what each configuration makes of its text."""
    index_entry_model = get_app_config().get_model("IndexEntry")
    content_type = ContentType.objects.get_for_model(StandardPage)
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            SELECT strip(title)::text, strip(body)::text,
                   strip(to_tsvector('simple', title_text))::text,
                   strip(to_tsvector('simple', body_text))::text,
                   strip(to_tsvector('english', title_text))::text,
                   strip(to_tsvector('english', body_text))::text,
                   strip(to_tsvector('irish', title_text))::text,
                   strip(to_tsvector('irish', body_text))::text
            FROM {index_entry_model._meta.db_table}
            WHERE content_type_id = %s AND object_id = %s
            """,  # noqa: S608 - the table name is the model's, not input
            [content_type.pk, str(page.pk)],
        )
        rows = cursor.fetchall()
    assert len(rows) == 1
    title, body, *by_config = rows[0]
    configs = ("simple", "english", "irish")
    return (title, body), {
        config: (by_config[2 * n], by_config[2 * n + 1]) for n, config in enumerate(configs)
    }


@postgres_only
def test_english_pages_are_indexed_and_searched_as_english(client, english_page, translations):
    stored, expected = index_entry(english_page)
    assert stored == expected["english"]
    assert stored != expected["simple"]
    # English stemming: "painted" finds "Painting", "dances" finds "dance".
    assert search(client, "en", "painted dances") == ["Tafwyl dance workshop"]


@postgres_only
@pytest.mark.parametrize("language", ["cy", "gd"])
def test_welsh_and_gaelic_pages_are_indexed_word_for_word(client, translations, language):
    stored, expected = index_entry(translations[language])
    assert stored == expected["simple"]
    assert stored != expected["english"]


@postgres_only
def test_welsh_queries_are_not_stemmed_as_english(client, translations):
    # The Welsh entry holds "dawns" as written: a query read as English would look for "dawn"
    # and find nothing, as would "gweithdi" for "gweithdy".
    assert search(client, "cy", "dawns") == ["Gweithdy dawns Tafwyl"]
    assert search(client, "cy", "gweithdy") == ["Gweithdy dawns Tafwyl"]


@postgres_only
def test_irish_pages_are_indexed_and_searched_as_irish(client, translations):
    stored, expected = index_entry(translations["ga"])
    assert stored == expected["irish"]
    assert stored != expected["simple"]
    # Irish stemming drops initial mutations: "ceol" (music) finds the eclipsed "gceol", and
    # "páistí" (children) the lenited "pháistí"; so does a query for the lenited "cheol", which
    # is not in the text at all.
    assert search(client, "ga", "ceol páistí") == ["Ceardlann cheoil Tafwyl"]
    assert search(client, "ga", "cheol") == ["Ceardlann cheoil Tafwyl"]


@postgres_only
def test_title_matches_rank_first_in_every_language(client, home_page, translations):
    body_only = StandardPageFactory(
        parent=home_page, title="Summer term", slug="summer", introduction="A dance day"
    )
    translate(body_only, "cy", "Tymor yr haf", "Diwrnod dawns")
    # Title words weigh more than body words, whatever the language's configuration. (SQLite's
    # FTS5 ranking weighs every column alike, upstream, so this is for PostgreSQL.)
    assert search(client, "cy", "dawns") == ["Gweithdy dawns Tafwyl", "Tymor yr haf"]
    assert search(client, "en", "dance") == ["Tafwyl dance workshop", "Summer term"]


@postgres_only
def test_untranslatable_models_use_the_default_language(db):
    # Images have no language: indexed and searched as English whatever the reader's language.
    image = SiteImageFactory(title="Children painting a mural")
    backend = get_search_backend()
    for language in ("en", "cy"):
        with translation.override(language):
            assert list(backend.search("painted", SiteImage)) == [image]
