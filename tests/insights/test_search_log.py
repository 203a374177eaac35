"""The directory's search log: one row per teacher's search, with nothing that identifies them,
no rows for crawlers, later pages or quick repeats, and a prune that keeps the retention."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone

from directory.factories import ActivityPageFactory, ProviderPageFactory
from directory.models import ArtForm
from insights.models import SearchLog
from insights.search_log import cutoff_for
from places.models import Place
from places.postcodes import find_district
from tests.directory.conftest import build_directory_page

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120 Safari/537.36"
# Things a leaky log would hold; none may appear in any column of any row.
CLIENT_ADDRESS = "203.0.113.77"
FULL_POSTCODE = "LE1 6AD"


@pytest.fixture
def directory(db):
    page = build_directory_page()
    provider = ProviderPageFactory(parent=page)
    music = ArtForm.objects.get_or_create(slug="music", defaults={"name": "Music"})[0]
    activity = ActivityPageFactory(parent=provider, title="Samba workshop")
    activity.art_forms.add(music)
    activity.save_revision().publish()
    cache.clear()
    return page


def search(client, page, params, agent=BROWSER, address=CLIENT_ADDRESS):
    return client.get(
        page.url, params, HTTP_USER_AGENT=agent, REMOTE_ADDR=address, HTTP_HOST="localhost"
    )


def every_value(row):
    return [str(getattr(row, field.attname)) for field in SearchLog._meta.concrete_fields]


def test_a_postcode_search_keeps_only_its_local_authority(client, directory, django_user_model):
    user = django_user_model.objects.create_user("teacher")
    client.force_login(user)
    client.cookies["tracker"] = "cookie-value-123"
    response = search(client, directory, {"postcode": FULL_POSTCODE, "q": "  samba   drums "})
    assert response.status_code == 200
    row = SearchLog.objects.get()
    assert row.local_authority_code == find_district(FULL_POSTCODE).local_authority_code
    assert row.local_authority_code
    assert row.keywords == "samba drums"
    session_key = client.session.session_key
    leaks = [CLIENT_ADDRESS, "6AD", "LE1 6AD", "LE16AD", "cookie-value-123", "teacher", session_key]
    for value in every_value(row):
        for leak in leaks:
            assert leak.lower() not in value.lower(), (value, leak)
    # Nor is there a column that could hold a user or a session.
    names = {field.name for field in SearchLog._meta.get_fields()}
    assert not names & {"user", "ip", "ip_address", "session", "session_key", "cookie", "postcode"}


def test_keywords_are_kept_case_folded(client, directory):
    assert search(client, directory, {"q": "  Steel   PANS "}).status_code == 200
    assert SearchLog.objects.get().keywords == "steel pans"


def test_a_search_records_its_place_filters_and_result_count(client, directory):
    authority = Place.objects.filter(kind="local_authority").first()
    search(client, directory, {"place": authority.code, "art_form": "music", "free": "on"})
    row = SearchLog.objects.get()
    assert row.place_code == authority.code
    assert row.local_authority_code == authority.code
    assert row.art_forms == ",music,"
    assert row.free_only is True
    assert row.result_count >= 0
    assert row.site_id is not None
    assert row.language == "en"


def test_a_wider_place_is_kept_without_a_local_authority(client, directory):
    region = Place.objects.filter(kind="region").first()
    search(client, directory, {"place": region.code})
    row = SearchLog.objects.get()
    assert (row.place_code, row.local_authority_code) == (region.code, "")


def test_a_search_that_finds_nothing_is_logged_with_zero(client, directory):
    search(client, directory, {"q": "zzqqxx-nothing-matches"})
    assert SearchLog.objects.get().result_count == 0


@pytest.mark.parametrize(
    "params",
    [
        {"postcode": "not a postcode <script>"},
        {"place": "'; DROP TABLE insights_searchlog; --"},
        {"art_form": ["music", "no-such-form"], "max_price": "lots", "age_from": "-4"},
        {"q": "x" * 5000, "page": "banana", "radius": "999999"},
        {"stage": "\x00", "format": "%", "language": "../../etc"},
    ],
)
def test_invalid_parameters_never_fail_and_log_nothing_harmful(client, directory, params):
    response = search(client, directory, params)
    # The directory may answer 400 for a malformed form; it never fails.
    assert response.status_code in (200, 400)
    for row in SearchLog.objects.all():
        assert len(row.keywords) <= 200
        for value in every_value(row):
            assert "<script>" not in value
            assert "DROP TABLE" not in value
            assert "no-such-form" not in value
            assert "not a postcode" not in value


def test_a_failing_log_never_fails_the_search(client, directory, monkeypatch):
    def explode(*args, **kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setattr(SearchLog, "save", explode)
    response = search(client, directory, {"q": "samba"})
    assert response.status_code == 200
    assert SearchLog.objects.count() == 0


def test_reloads_and_later_pages_are_not_logged_again(client, directory):
    search(client, directory, {"q": "samba"})
    search(client, directory, {"q": "samba"})
    search(client, directory, {"q": "samba", "page": "2"})
    assert SearchLog.objects.count() == 1
    # A different search, or the same search from another browser, counts.
    search(client, directory, {"q": "drums"})
    search(client, directory, {"q": "samba"}, address="198.51.100.9")
    assert SearchLog.objects.count() == 3


@pytest.mark.parametrize(
    "agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0)",
        "Mozilla/5.0 (compatible; Yahoo! Slurp)",
        "Baiduspider+(+http://www.baidu.com/search/spider.htm)",
        "SomeCrawler/1.0",
        "python-requests/2.31",
        "",
    ],
)
def test_crawlers_are_not_logged(client, directory, agent):
    assert search(client, directory, {"q": "samba"}, agent=agent).status_code == 200
    assert SearchLog.objects.count() == 0


def test_prune_deletes_exactly_the_rows_older_than_the_retention(settings):
    settings.INSIGHTS_SEARCH_LOG_MONTHS = 24
    now = timezone.now()
    cutoff = cutoff_for(now, 24)
    ages = {
        "ancient": now - timedelta(days=365 * 5),
        "just-too-old": cutoff - timedelta(minutes=5),
        "just-young-enough": cutoff + timedelta(minutes=5),
        "last-month": now - timedelta(days=30),
        "today": now,
    }
    for name, when in ages.items():
        SearchLog.objects.create(searched_at=when, keywords=name, result_count=1)
    call_command("insights_prune", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert set(SearchLog.objects.values_list("keywords", flat=True)) == {
        "just-young-enough",
        "last-month",
        "today",
    }


def test_cutoff_counts_calendar_months():
    now = timezone.now().replace(year=2026, month=3, day=31)
    assert cutoff_for(now, 1).date().isoformat() == "2026-02-28"
    assert cutoff_for(now, 24).date().isoformat() == "2024-03-31"


def test_a_town_is_counted_with_its_local_authority(client, directory):
    town = Place.objects.filter(kind="town", parent__kind="local_authority").first()
    if town is None:
        authority = Place.objects.filter(kind="local_authority").first()
        town = Place.objects.create(
            name="Testbury",
            code="TEST-TOWN",
            kind="town",
            parent=authority,
            locale=authority.locale,
        )
    search(client, directory, {"place": town.code})
    row = SearchLog.objects.get()
    assert (row.place_code, row.local_authority_code) == (town.code, town.parent.code)
