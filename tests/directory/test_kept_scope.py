"""A search's scope (the live, public activities beneath the directories, once each) is read once
per site generation while the site cache keeps answers (directory/search/scope.Scope._kept).
These tests hold it to the scope computed afresh, and show that every change to what is in
scope reaches the very next search, on the directory page and in the open-data API alike."""

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from directory.factories import ActivityPageFactory, DirectoryIndexPageFactory, ProviderPageFactory

API = "/api/openreferral/services"


@pytest.fixture
def directory(home_page, settings):
    settings.CACHE_SHARED_BY_ALL_PROCESSES = True
    settings.OPENDATA_THROTTLE_RATE = "100000/minute"
    directory = DirectoryIndexPageFactory(parent=home_page, title="Directory", slug="directory")
    provider = ProviderPageFactory(parent=directory, title="Sound Makers", slug="sound-makers")
    for number in range(3):
        ActivityPageFactory(parent=provider, title=f"Drumming {number}", slug=f"drumming-{number}")
    return directory


def listed(client):
    """The titles the API lists and the count the directory page shows, after warming both."""
    body = client.get(API, {"per_page": 100}).json()
    return sorted(service["name"] for service in body["contents"]), body["total_items"]


def test_the_kept_scope_is_the_scope(directory, django_assert_max_num_queries):
    from core import site_cache
    from directory.models import ActivityPage
    from directory.search import activity_scope

    scope = activity_scope(directory, directory.locale)
    afresh = set(scope._once_each(ActivityPage).values_list("pk", flat=True))
    with site_cache.serving():
        assert site_cache.keeping()
        first = set(scope.activities().values_list("pk", flat=True))
        with django_assert_max_num_queries(1):  # the kept list, then only the search itself
            again = set(scope.activities().values_list("pk", flat=True))
    assert first == again == afresh
    assert len(afresh) == 3


@pytest.mark.parametrize("change", ["publish", "unpublish", "restrict", "delete"])
def test_a_change_reaches_the_next_search(directory, change):
    client = Client()
    names, total = listed(client)
    assert total == 3
    listed(client)  # now from the kept scope
    provider = directory.get_children().get(slug="sound-makers")
    first = ActivityPageFactory._meta.model.objects.get(slug="drumming-0")
    if change == "publish":
        ActivityPageFactory(parent=provider.specific, title="Drumming new", slug="new")
        expected = 4
    elif change == "unpublish":
        first.unpublish()
        expected = 2
    elif change == "restrict":
        PageViewRestriction.objects.create(page=provider, restriction_type="login")
        expected = 0
    else:
        first.delete()
        expected = 2
    names, total = listed(client)
    assert total == len(names) == expected
    assert ("Drumming 0" in names) == (change == "publish")
    page = client.get(directory.url).content.decode()
    assert ("Drumming 0" in page) == (change == "publish")


def test_a_scope_of_most_activities_is_told_by_what_it_leaves_out(directory, home_page):
    # A regional directory's scope is nearly every activity, so the kept scope filters by the
    # few pages it leaves out (a draft, a private page) and the highest key it holds: a page
    # made later, even by a bulk load that sends no signal, is outside it until it is read
    # again, as it is from the list of ids.
    from core import site_cache
    from directory.models import ActivityPage
    from directory.search import activity_scope

    provider = directory.get_children().get(slug="sound-makers").specific
    draft = ActivityPageFactory(parent=provider, title="Drumming draft", slug="draft")
    draft.unpublish()
    ActivityPageFactory(parent=provider, title="Drumming 3", slug="drumming-3")
    scope = activity_scope(directory, directory.locale)
    with site_cache.serving():
        kept = scope._kept(ActivityPage)
    assert kept.outside == [draft.pk]
    assert len(kept.outside) < len(kept.ids)
    condition = kept.condition(ActivityPage.objects.db)
    later = ActivityPageFactory(parent=provider, title="Drumming later", slug="later")
    assert later.pk > kept.highest
    assert set(ActivityPage.objects.filter(condition).values_list("pk", flat=True)) == set(kept.ids)
