"""Reports › Coverage: the figures against an independent count over a built world, the map,
the exports, bad filters and the permission."""

import csv
import io
from datetime import timedelta

import openpyxl
import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from directory.factories import ActivityPageFactory, DirectoryIndexPageFactory, ProviderPageFactory
from home.factories import site_with_home_page
from insights.coverage import CoverageQuery, coverage_rows
from insights.models import SearchLog
from places.loader import load_places
from places.models import Place
from places.stages import stages_for
from tests.worlds import module_world

# (slug, provider, places, art forms, formats, venue postcode, ages, live)
ACTIVITIES = [
    ("leicester-concert", 0, ["GB-LCE"], ["music"], ["visit-a-venue"], "LE1", (5, 11), True),
    # Offered across the East Midlands: every authority beneath the region has it.
    ("em-band", 0, ["E12000004"], ["music"], ["comes-to-school"], "", (5, 11), True),
    ("england-dance", 1, ["GB-ENG"], ["dance"], ["online"], "", (7, 11), True),
    (
        "derby-theatre",
        1,
        ["GB-DER"],
        ["theatre-drama", "music"],
        ["comes-to-school"],
        "",
        (3, 5),
        True,
    ),
    ("draft-drums", 1, ["GB-LCE"], ["music"], ["comes-to-school"], "", (5, 11), False),
    ("wales-dance", 0, ["GB-WLS"], ["dance"], ["visit-a-venue"], "CF10", (5, 11), True),
]
ART_FORMS = ["music", "dance", "theatre-drama"]


def build_world():
    home = site_with_home_page("insights-coverage-home")
    load_places()
    directory = DirectoryIndexPageFactory(parent=home)
    providers = [
        ProviderPageFactory(parent=directory, slug=f"provider-{n}", title=f"Provider {n}")
        for n in range(2)
    ]
    for slug, provider, places, forms, formats, postcode, ages, live in ACTIVITIES:
        activity = ActivityPageFactory(
            parent=providers[provider],
            slug=slug,
            places=places,
            art_forms=forms,
            formats=formats,
            venue_name="Hall" if postcode else "",
            venue_postcode=postcode,
            age_min=ages[0],
            age_max=ages[1],
        )
        if not live:
            activity.unpublish()
    now = timezone.now()
    searches = [
        ("GB-LCE", ",music,", 1),
        ("GB-LCE", ",music,dance,", 3),
        ("GB-LCE", ",music,", 400),  # outside a 90-day period
        ("GB-DER", ",dance,", 2),
        ("GB-DER", "", 2),
        ("GB-NGM", ",theatre-drama,", 5),
        ("GB-NGM", ",theatre-drama,", 6),
        ("GB-NGM", ",theatre-drama,", 7),
    ]
    for code, forms, days_ago in searches:
        SearchLog.objects.create(
            searched_at=now - timedelta(days=days_ago),
            local_authority_code=code,
            place_code=code,
            art_forms=forms,
            result_count=0,
        )
    return searches


@pytest.fixture(scope="module")
def shared_world(request):
    yield from module_world(request, "insights-coverage", build_world)


@pytest.fixture
def world(shared_world, db):
    return shared_world


def expected(code, art_form, searches, days=90, stage=None, fmt=""):
    """The figures for one authority and art form, counted by hand from ACTIVITIES."""
    lineage = Place.objects.get(locale__language_code="en", code=code).lineage
    venue = school = online = total = 0
    providers = set()
    for _slug, provider, places, forms, formats, postcode, ages, live in ACTIVITIES:
        if not live or art_form not in forms:
            continue
        if fmt and fmt not in formats:
            continue
        if stage and not stage.covers(*ages):
            continue
        place_lineages = [
            Place.objects.get(locale__language_code="en", code=place).lineage for place in places
        ]
        if not any(lineage.startswith(each) for each in place_lineages):
            continue
        total += 1
        providers.add(provider)
        if postcode:
            venue += 1
        elif "online" in formats:
            online += 1
        else:
            school += 1
    searched = sum(
        1
        for place, forms, days_ago in searches
        if place == code and f",{art_form}," in forms and (days is None or days_ago < days)
    )
    return venue, school, online, total, len(providers), searched


def figures(row):
    return tuple(
        row[key] for key in ("at_venues", "to_schools", "online", "total", "providers", "searches")
    )


def test_every_row_matches_an_independent_count(world):
    rows = coverage_rows(CoverageQuery(nation="GB-ENG"))
    authorities = Place.objects.filter(
        locale__language_code="en", kind="local_authority", lineage__startswith="/GB-ENG/"
    )
    assert len(rows) == authorities.count() * 12  # every authority × every art form
    checked = 0
    for row in rows:
        if row["art_form_slug"] in ART_FORMS:
            assert figures(row) == expected(row["code"], row["art_form_slug"], world), row
            checked += 1
    assert checked == authorities.count() * len(ART_FORMS)
    by_key = {(row["code"], row["art_form_slug"]): row for row in rows}
    # The region's activity reaches Nottingham; Leicester has its own venue too.
    assert figures(by_key[("GB-NGM", "music")]) == (0, 1, 0, 1, 1, 0)
    assert figures(by_key[("GB-LCE", "music")]) == (1, 1, 0, 2, 1, 2)
    assert by_key[("GB-LCE", "dance")]["online"] == 1
    # Nothing on offer is a cold spot; three searches for one activity is thin.
    assert (
        by_key[("GB-CMA", "music")]["status"].startswith("Cold spot")
        if (
            "GB-CMA",
            "music",
        )
        in by_key
        else True
    )
    assert by_key[("GB-NGM", "theatre-drama")]["status"].startswith("Cold spot")
    assert by_key[("GB-DER", "dance")]["status"] == ""


def test_filters_narrow_the_count(world):
    stage = next(s for s in stages_for("GB-ENG") if s.slug == "eyfs")
    query = CoverageQuery(region="E12000004", stage=stage, format="comes-to-school", days=None)
    rows = coverage_rows(query)
    assert {row["region"] for row in rows} == {"East Midlands"}
    for row in rows:
        if row["art_form_slug"] in ART_FORMS:
            want = expected(
                row["code"],
                row["art_form_slug"],
                world,
                days=None,
                stage=stage,
                fmt="comes-to-school",
            )
            assert figures(row) == want, row
    derby = {row["art_form_slug"]: row for row in rows if row["code"] == "GB-DER"}
    assert derby["theatre-drama"]["total"] == 1 and derby["music"]["total"] == 1


@pytest.fixture
def insights_user(django_user_model):
    user = django_user_model.objects.create_user("analyst", "a@example.org", "pw")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_insights"),
    )
    return user


@pytest.fixture
def plain_editor(django_user_model):
    user = django_user_model.objects.create_user("editor", "e@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


@pytest.mark.parametrize(
    "name", ["insights_coverage", "insights_coverage_results", "insights_experiences"]
)
@pytest.mark.parametrize("export", ["", "csv", "xlsx"])
def test_no_permission_no_report(client, world, plain_editor, name, export):
    client.force_login(plain_editor)
    response = client.get(reverse(name), {"export": export} if export else {})
    assert response.status_code == 403
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Coverage" not in menu


def screen_rows(html):
    """The table's body rows as lists of cell texts."""
    from html.parser import HTMLParser

    class Cells(HTMLParser):
        def __init__(self):
            super().__init__()
            self.rows, self.cell, self.in_body = [], None, False

        def handle_starttag(self, tag, attrs):
            if tag == "tbody":
                self.in_body = True
            elif tag == "tr" and self.in_body:
                self.rows.append([])
            elif tag in ("td", "th") and self.in_body:
                self.cell = ""

        def handle_endtag(self, tag):
            if tag in ("td", "th") and self.cell is not None:
                self.rows[-1].append(" ".join(self.cell.split()))
                self.cell = None
            elif tag == "tbody":
                self.in_body = False

        def handle_data(self, data):
            if self.cell is not None:
                self.cell += data

    parser = Cells()
    parser.feed(html.split('id="coverage-table"', 1)[1])
    return parser.rows


def normal(value):
    """A cell as text, the same whichever file it came from (Excel keeps 1.0 as 1)."""
    if value in (None, "None"):
        return ""
    try:
        return f"{float(value):g}"
    except ValueError:
        return str(value)


def test_exports_have_the_screen_rows(client, world, insights_user):
    client.force_login(insights_user)
    params = {"region": "E12000004", "art_form": "music", "ordering": "-total"}
    response = client.get(reverse("insights_coverage"), params)
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        'role="img"' in html
        and "<circle" in html
        and "style=" not in html.split("<svg")[1].split("</svg>")[0]
    )
    screen = [[normal(cell) for cell in row] for row in screen_rows(html)]
    assert (
        len(screen)
        == Place.objects.filter(
            locale__language_code="en",
            kind="local_authority",
            lineage__startswith="/GB-ENG/E12000004/",
        ).count()
    )
    assert screen[0][0] == "Leicester"  # the most activities first

    streamed = client.get(reverse("insights_coverage"), {**params, "export": "csv"})
    csv_text = b"".join(streamed.streaming_content)
    csv_rows = list(csv.reader(io.StringIO(csv_text.decode("utf-8-sig"))))
    assert [[normal(cell) for cell in row] for row in csv_rows[1:]] == screen

    response = client.get(reverse("insights_coverage"), {**params, "export": "xlsx"})
    xlsx = b"".join(response.streaming_content)
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx)).active
    xlsx_rows = [
        [normal(cell) for cell in row] for row in sheet.iter_rows(min_row=2, values_only=True)
    ]
    assert xlsx_rows == screen


@pytest.mark.parametrize(
    "params",
    [
        {"nation": "nowhere"},
        {"stage": "ks9"},
        {"nation": "GB-WLS", "stage": "ks2"},
        {"period": "-1"},
        {"art_form": "<script>"},
        {"ordering": "drop table"},
        {"page": "999"},
        {"page": "x", "format": "no-such-format"},
    ],
)
def test_bad_filters_show_a_message_not_an_error(client, world, insights_user, params):
    client.force_login(insights_user)
    response = client.get(reverse("insights_coverage"), params)
    assert response.status_code == 200
    export = client.get(reverse("insights_coverage"), {**params, "export": "csv"})
    assert export.status_code == 200
    b"".join(export.streaming_content)  # the whole file is written without an error
    if set(params) - {"ordering", "page"}:
        assert "were not understood" in response.content.decode()


def test_the_report_is_a_few_queries(client, world, insights_user, django_assert_max_num_queries):
    """Every authority of the UK × every art form, counted by grouped queries, not per row."""
    client.force_login(insights_user)
    with django_assert_max_num_queries(40):
        response = client.get(reverse("insights_coverage"), {"period": "all"})
    assert response.status_code == 200
    assert (
        response.content.decode().count("<circle")
        == Place.objects.filter(
            locale__language_code="en", kind="local_authority", latitude__isnull=False
        ).count()
    )
