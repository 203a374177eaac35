"""Anonymous searches cannot grow the database at will; editors' report still fills (issue 13)."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def dance_page(home_page):
    return StandardPageFactory(parent=home_page, title="Dance workshops", slug="dance")


def rows():
    return Query.objects.count(), QueryDailyHits.objects.count()


def test_a_crawler_s_distinct_queries_add_no_rows(client, dance_page, settings):
    settings.SEARCH_HIT_SAMPLE = 1  # even when every search that finds something is counted
    for word in range(50):
        assert client.get("/search/", {"q": f"zzqx{word}"}).status_code == 200
    assert rows() == (0, 0)


def test_anonymous_searches_that_find_something_are_sampled(client, dance_page, settings):
    settings.SEARCH_HIT_SAMPLE = 1
    client.get("/search/", {"q": "dance"})
    assert Query.get("dance").hits == 1

    settings.SEARCH_HIT_SAMPLE = 10
    for _ in range(200):
        client.get("/search/", {"q": "workshops"})
    counted = Query.objects.filter(query_string="workshops").first()
    # One in ten, give or take chance: far fewer than 200, but the term is in the report.
    assert counted is not None and 3 <= counted.hits <= 60


def test_editors_searches_are_always_counted(client, dance_page, settings):
    settings.SEARCH_HIT_SAMPLE = 1000
    editor = get_user_model().objects.create_user("editor", password="x")  # noqa: S106
    client.force_login(editor)
    client.get("/search/", {"q": "dance"})
    client.get("/search/", {"q": "nothing-matches-this"})
    assert Query.get("dance").hits == 1
    assert Query.get("nothing-matches-this").hits == 1
