"""The benchmark's bulk loader leaves what a page save would: live pages in a sound tree, with
their taxonomies, places and search index entries, found by the directory's own search."""

import pytest
from wagtail.models import Locale, Page

from directory.bulk_load import PER_PROVIDER, bulk_add_activities
from directory.models import ActivityPage, ProviderPage
from directory.search import Filters, own_directory_scope, search_activities
from directory.search.query import _text_matches

ADDED = PER_PROVIDER + 7  # two providers, the second one partly filled


@pytest.mark.django_db
def test_bulk_loaded_activities_are_live_pages_in_a_sound_tree_found_by_the_search(
    directory_page,
):
    assert bulk_add_activities(directory_page, ADDED) == ADDED

    activities = ActivityPage.objects.descendant_of(directory_page)
    assert activities.live().count() == ADDED
    assert ProviderPage.objects.child_of(directory_page).count() == 2
    # treebeard's own consistency check: paths, depths and child counts agree.
    assert Page.find_problems() == ([], [], [], [], [])
    for activity in activities[:5]:
        assert activity.url_path == f"{activity.get_parent().url_path}{activity.slug}/"
        assert activity.art_forms.exists()
        assert activity.places.exists()

    english = Locale.objects.get(language_code="en")
    scope = own_directory_scope(directory_page, english)
    everything = search_activities(scope, Filters())
    assert everything.total == ADDED
    # Facet counts read the link tables the loader wrote: each activity has one art form.
    assert sum(everything.facets["art_form"].values()) == ADDED
    # The search index has them: a word from one activity's title finds that activity.
    sample = activities.order_by("pk").first()
    word = max(sample.title.split(), key=len)
    expected = {a.pk for a in activities if word.lower() in a.title.lower()}
    found = search_activities(scope, Filters(q=word))
    assert expected
    assert expected <= set(_text_matches(scope, word))
    assert found.total >= len(expected)
