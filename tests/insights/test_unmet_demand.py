"""The unmet-demand report: its figures against an independent count over a built set of
searches, the nearest offer against a distance worked out here, the permission on every view
and export, and exports holding exactly the rows on screen."""

import csv
import io
import math
import random
from collections import Counter
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from directory.factories import ActivityPageFactory, ProviderPageFactory
from directory.models import ArtForm
from insights.models import SearchLog
from insights.unmet_demand import BY_KEYWORDS, BY_PLACE, describe, stage_for, unmet_groups
from places.models import Place
from places.stages import STAGES_BY_NATION
from tests.directory.conftest import build_directory_page

pytestmark = pytest.mark.django_db

ART_FORMS = ["", ",music,", ",dance,", ",dance,music,", ",theatre,"]
STAGES = ["", "ks1", "ks2", "eyfs"]
# Rows logged before keywords were case-folded: "Ballet", "ballet " and " BALLET" are one group.
KEYWORDS = ["", "", "zumba", "ballet", "Ballet", "ballet ", " BALLET", "steel pans"]
URL = "insights_unmet_demand"


@pytest.fixture
def searches(db):
    """A seeded mix of searches over 120 days: some found nothing, some found things, across
    a few places (codes only: the report needs no Place rows to count)."""
    rng = random.Random(16)  # noqa: S311 (a seeded test set, not a secret)
    now = timezone.now()
    codes = ["E06000016", "E06000018", "W06000015", ""]
    rows = []
    for _n in range(400):
        rows.append(
            SearchLog(
                searched_at=now - timedelta(days=rng.uniform(0, 120)),
                place_code=rng.choice(codes),
                art_forms=rng.choice(ART_FORMS),
                stage=rng.choice(STAGES),
                keywords=rng.choice(KEYWORDS),
                result_count=rng.choice([0, 0, 1, 7]),
            )
        )
    SearchLog.objects.bulk_create(rows)
    return now, rows


def independent(rows, now, key):
    """Counts worked out in plain Python from the rows as built."""
    last_30, last_90 = Counter(), Counter()
    for row in rows:
        if row.result_count != 0:
            continue
        age = now - row.searched_at
        if age > timedelta(days=90) or age < timedelta(0):
            continue
        group = key(row)
        if group is None:
            continue
        last_90[group] += 1
        if age <= timedelta(days=30):
            last_30[group] += 1
    return {group: (last_30[group], last_90[group]) for group in last_90}


def test_place_groups_equal_an_independent_count(searches):
    now, rows = searches
    expected = independent(rows, now, lambda row: (row.place_code, row.art_forms, row.stage))
    got = {
        (group["place_code"], group["art_forms"], group["stage"]): (
            group["last_30"],
            group["last_90"],
        )
        for group in unmet_groups(BY_PLACE, now=now)
    }
    assert got == expected
    assert len(expected) > 20  # the built set really has many groups


def test_keyword_groups_equal_an_independent_count(searches):
    now, rows = searches
    expected = independent(rows, now, lambda row: row.keywords.strip().lower() or None)
    got = {
        group["folded_keywords"]: (group["last_30"], group["last_90"])
        for group in unmet_groups(BY_KEYWORDS, now=now)
    }
    assert got == expected
    assert set(got) == {"zumba", "ballet", "steel pans"}
    # The report shows the folded keywords, one row each.
    shown = [row["keywords"] for row in describe(unmet_groups(BY_KEYWORDS, now=now), BY_KEYWORDS)]
    assert sorted(shown) == ["ballet", "steel pans", "zumba"]


def haversine_miles(lat1, lon1, lat2, lon2):
    radius_miles = 3958.7613
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * radius_miles * math.asin(math.sqrt(a))


def test_the_nearest_offer_is_the_closest_place_with_a_live_activity_in_the_art_form(db):
    page = build_directory_page()
    provider = ProviderPageFactory(parent=page)
    dance = ArtForm.objects.get_or_create(slug="dance", defaults={"name": "Dance"})[0]
    music = ArtForm.objects.get_or_create(slug="music", defaults={"name": "Music"})[0]
    authorities = list(
        Place.objects.filter(kind="local_authority", latitude__isnull=False).order_by("code")
    )
    searched = authorities[0]
    others = sorted(
        authorities[1:],
        key=lambda p: haversine_miles(
            searched.latitude, searched.longitude, p.latitude, p.longitude
        ),
    )
    near, far = others[2], others[-1]
    for place, form in ((far, dance), (near, dance), (others[0], music)):
        activity = ActivityPageFactory(parent=provider)
        activity.art_forms.set([form])
        activity.places.set([place])
        activity.save_revision().publish()
    # A draft in the closest authority of all does not count.
    draft = ActivityPageFactory(parent=provider, live=False)
    draft.art_forms.set([dance])
    draft.places.set([others[1]])
    SearchLog.objects.create(
        searched_at=timezone.now(),
        place_code=searched.code,
        art_forms=",dance,",
        result_count=0,
    )
    [row] = describe(unmet_groups(BY_PLACE), BY_PLACE)
    assert row["place"] == searched.name
    assert row["nearest"].startswith(near.name)
    expected = haversine_miles(searched.latitude, searched.longitude, near.latitude, near.longitude)
    assert row["nearest_miles"] == pytest.approx(expected, abs=0.2)


def test_the_nearest_offer_respects_the_searched_stage(db):
    """Dance for KS2 searched in one authority: the nearest authority with dance for the
    youngest only does not count; the nearest with dance for KS2 ages does. Without a stage,
    the nearest dance of any age is named."""
    page = build_directory_page()
    provider = ProviderPageFactory(parent=page)
    dance = ArtForm.objects.get_or_create(slug="dance", defaults={"name": "Dance"})[0]
    authorities = list(
        Place.objects.filter(
            kind="local_authority", latitude__isnull=False, lineage__startswith="/GB-ENG/"
        ).order_by("code")
    )
    searched = authorities[0]
    others = sorted(
        authorities[1:],
        key=lambda p: haversine_miles(
            searched.latitude, searched.longitude, p.latitude, p.longitude
        ),
    )
    near, further = others[0], others[3]
    for place, ages in ((near, (3, 5)), (further, (7, 11))):
        activity = ActivityPageFactory(parent=provider, age_min=ages[0], age_max=ages[1])
        activity.art_forms.set([dance])
        activity.places.set([place])
        activity.save_revision().publish()
    now = timezone.now()
    for stage in ("ks2", ""):
        SearchLog.objects.create(
            searched_at=now,
            place_code=searched.code,
            art_forms=",dance,",
            stage=stage,
            result_count=0,
        )
    rows = {row["stage"]: row for row in describe(unmet_groups(BY_PLACE), BY_PLACE)}
    ks2 = stage_for("ks2", "GB-ENG")
    assert rows[str(ks2.label)]["nearest"].startswith(further.name)
    assert rows["Any"]["nearest"].startswith(near.name)


@pytest.mark.parametrize(
    ("code", "slug", "nation"),
    [("GB-CRF", "ps2", "GB-WLS"), ("GB-LCE", "ks1", "GB-ENG"), ("GB-BFS", "ks1", "GB-NIR")],
)
def test_the_stage_is_shown_in_the_searched_nations_terms(db, code, slug, nation):
    """England's and Northern Ireland's key stage 1 share a slug but not their ages or label:
    the searched place's nation decides."""
    from places.stages import stages_for

    build_directory_page()
    SearchLog.objects.create(
        searched_at=timezone.now(), place_code=code, stage=slug, result_count=0
    )
    [row] = describe(unmet_groups(BY_PLACE), BY_PLACE)
    [label] = [str(stage.label) for stage in stages_for(nation) if stage.slug == slug]
    assert row["stage"] == label


def test_a_stage_without_a_place_falls_back_to_a_nation_that_has_it(db):
    SearchLog.objects.create(searched_at=timezone.now(), stage="second", result_count=0)
    SearchLog.objects.create(searched_at=timezone.now(), stage="gone", result_count=0)
    rows = {row["stage"] for row in describe(unmet_groups(BY_PLACE), BY_PLACE)}
    [second] = [str(stage.label) for stage in STAGES_BY_NATION["GB-SCT"] if stage.slug == "second"]
    assert rows == {second, "gone"}


@pytest.fixture
def editor(django_user_model):
    """An editor who may use the admin but has not been given the insights permission."""
    group = Group.objects.create(name="Editors without insights")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = django_user_model.objects.create_user("editor", is_staff=True)
    user.groups.add(group)
    return user


@pytest.fixture
def analyst(editor):
    editor.user_permissions.add(Permission.objects.get(codename="view_insights"))
    return editor


@pytest.mark.parametrize("params", [{}, {"by": "keywords"}, {"export": "csv"}, {"export": "xlsx"}])
def test_an_editor_without_the_permission_gets_403(client, editor, searches, params):
    client.force_login(editor)
    assert client.get(reverse(URL), params).status_code == 403
    assert client.get(reverse(f"{URL}_results"), params).status_code == 403


def test_the_report_is_in_the_reports_menu_only_for_holders(client, editor):
    client.force_login(editor)
    assert reverse(URL) not in client.get(reverse("wagtailadmin_home")).content.decode()
    editor.user_permissions.add(Permission.objects.get(codename="view_insights"))
    client.force_login(editor)
    assert reverse(URL) in client.get(reverse("wagtailadmin_home")).content.decode()


def screen_rows(response):
    soup = BeautifulSoup(response.content, "html.parser")
    table = soup.select_one("#listing-results table")
    return [
        [cell.get_text(" ", strip=True) for cell in row.find_all("td")]
        for row in table.select("tbody tr")
    ]


@pytest.mark.parametrize("by", [BY_PLACE, BY_KEYWORDS])
def test_exports_have_the_same_rows_as_the_screen(client, analyst, searches, by):
    # Fewer groups than a page, so the screen shows them all.
    SearchLog.objects.exclude(place_code="E06000016").delete()
    client.force_login(analyst)
    params = {"by": by} if by == BY_KEYWORDS else {}
    screen = client.get(reverse(URL), params)
    assert screen.status_code == 200
    shown = screen_rows(screen)
    assert 0 < len(shown) < 50

    export = client.get(reverse(URL), {**params, "export": "csv"})
    assert export.status_code == 200
    text = b"".join(export.streaming_content).decode("utf-8-sig")
    csv_rows = list(csv.reader(io.StringIO(text)))[1:]

    export = client.get(reverse(URL), {**params, "export": "xlsx"})
    assert export.status_code == 200
    body = b"".join(export.streaming_content) if export.streaming else export.content
    sheet = load_workbook(io.BytesIO(body)).active
    xlsx_rows = [list(row) for row in sheet.iter_rows(min_row=2, values_only=True)]

    assert len(csv_rows) == len(xlsx_rows) == len(shown)
    # The counts (and the first column) agree row by row, in the same order.
    count_columns = (4, 5) if by == BY_PLACE else (1, 2)
    for on_screen, in_csv, in_xlsx in zip(shown, csv_rows, xlsx_rows, strict=True):
        assert on_screen[0] == in_csv[0] == in_xlsx[0]
        for column in count_columns:
            assert on_screen[column] == in_csv[column] == str(in_xlsx[column])


def test_the_report_answers_with_no_searches_at_all(client, analyst):
    client.force_login(analyst)
    response = client.get(reverse(URL), {"by": "nonsense", "p": "999"})
    assert response.status_code in (200, 404)
    assert client.get(reverse(URL)).status_code == 200
