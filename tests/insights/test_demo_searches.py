"""The demo's generated searches: a few hundred, deterministic, some finding nothing, and
consistent with what the demo offers."""

import time

import pytest

from directory.factories import ActivityPageFactory, ProviderPageFactory
from directory.models import ArtForm
from insights import demo_content
from insights.models import SearchLog
from places.models import Place
from tests.directory.conftest import build_directory_page

pytestmark = pytest.mark.django_db


def test_demo_searches_are_quick_deterministic_and_agree_with_the_offer(db):
    page = build_directory_page()
    provider = ProviderPageFactory(parent=page)
    music = ArtForm.objects.get_or_create(slug="music", defaults={"name": "Music"})[0]
    ArtForm.objects.get_or_create(slug="dance", defaults={"name": "Dance"})
    pilot = Place.objects.filter(kind="local_authority").order_by("code").first()
    activity = ActivityPageFactory(parent=provider)
    activity.art_forms.set([music])
    activity.places.set([pilot])
    activity.save_revision().publish()

    started = time.perf_counter()
    assert demo_content.load() == demo_content.SEARCHES
    assert time.perf_counter() - started < 5
    first = list(SearchLog.objects.order_by("pk").values_list("place_code", "art_forms", "stage"))
    # Run again: nothing added.
    assert demo_content.load() == 0
    assert SearchLog.objects.count() == demo_content.SEARCHES

    nothing = SearchLog.objects.filter(result_count=0)
    assert 0 < nothing.count() < demo_content.SEARCHES
    # Music in the pilot authority, without keywords, always finds the demo's activity;
    # dance there never does.
    in_pilot = SearchLog.objects.filter(place_code=pilot.code, keywords="")
    assert in_pilot.filter(art_forms=",music,").exists()
    assert not in_pilot.filter(art_forms=",music,", result_count=0).exists()
    assert not in_pilot.filter(art_forms=",dance,", result_count__gt=0).exists()

    # The same seed gives the same searches.
    SearchLog.objects.all().delete()
    demo_content.load()
    again = list(SearchLog.objects.order_by("pk").values_list("place_code", "art_forms", "stage"))
    assert again == first
