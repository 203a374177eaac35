"""The teacher's path into the directory: the quick search on the home page and on any page
with the "directory search" block, the filters panel that lets the results come first on a
phone, and an empty state that says what a small change would find and how far away it is."""

from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from directory.factories import ActivityPageFactory, ProviderPageFactory
from home.factories import StandardPageFactory
from home.models import HomePage

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def home_of(directory_page):
    return HomePage.objects.get(pk=directory_page.get_parent().pk)


@pytest.fixture
def provider(directory_page):
    return ProviderPageFactory(parent=directory_page, slug="path-provider")


@pytest.fixture
def nottingham_music(provider):
    """Music at a venue in Nottingham, about 22 miles from Leicester's LE1."""
    return ActivityPageFactory(
        parent=provider,
        title="Nottingham drumming",
        slug="nottingham-drumming",
        art_forms=["music"],
        formats=["visit-a-venue"],
        places=["GB-NGM"],
        venue_name="Royal Concert Hall",
        venue_postcode="NG1 5ND",
    )


def assert_quick_search(form, directory_page):
    assert form["method"] == "get"
    assert form["action"] == directory_page.url
    where = form.select_one("input[name=where]")
    art_form = form.select_one("select[name=art_form]")
    for field in (where, art_form):
        assert form.select_one(f"label[for={field['id']}]").get_text(strip=True)
    # Only the art forms some activity offers: a choice that can only find nothing is left out.
    assert [option["value"] for option in art_form.select("option")] == ["", "music"]
    assert form.select_one("button[type=submit]")


def test_home_hero_has_a_search_sent_to_the_sites_directory(
    client, directory_page, nottingham_music
):
    html = soup(client.get(home_of(directory_page).url))
    form = html.select_one(".hero form.quick-search")
    assert form is not None
    assert_quick_search(form, directory_page)
    assert html.select_one("label[for=hero-search-where]").get_text(strip=True) == (
        "Postcode or place"
    )


def test_home_hero_has_no_search_on_a_site_without_a_directory(client, home_page):
    assert soup(client.get(home_page.url)).select_one("form.quick-search") is None


def test_directory_search_block_puts_the_search_on_any_page(
    client, directory_page, nottingham_music
):
    page = StandardPageFactory(
        parent=home_of(directory_page),
        title="For teachers",
        slug="for-teachers",
        body=[
            {"type": "rich_text", "value": "<p>Find something for your class.</p>"},
            {"type": "directory_search", "value": {"heading": "Search the directory"}},
        ],
    )
    html = soup(client.get(page.url))
    form = html.select_one(".directory-search-block form.quick-search")
    assert_quick_search(form, directory_page)
    assert form.select_one("h2").get_text(strip=True) == "Search the directory"


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        ("le1 6ad", {"postcode": ["le1 6ad"]}),
        ("LE1", {"postcode": ["LE1"]}),
        ("leicester", {"place": ["GB-LCE"]}),
        ("", {}),
    ],
)
def test_quick_search_becomes_the_directorys_own_query(client, directory_page, where, expected):
    response = client.get(directory_page.url, {"where": where, "art_form": "music"})
    assert response.status_code == 302
    address = urlsplit(response["Location"])
    assert address.path == directory_page.url
    assert address.fragment == "results-heading"
    assert parse_qs(address.query) == {"art_form": ["music"], **expected}


def test_quick_search_with_nothing_chosen_goes_to_the_whole_directory(client, directory_page):
    response = client.get(directory_page.url, {"where": " ", "art_form": ""})
    assert response.status_code == 302
    assert response["Location"] == directory_page.url


def test_quick_search_with_an_unknown_place_explains_what_to_type(client, directory_page):
    response = client.get(directory_page.url, {"where": "Narnia"}, follow=True)
    assert response.status_code == 400
    assert "does not look like a UK postcode" in soup(response).select_one(".form-errors").text


def test_filters_sit_in_a_collapsed_panel_with_the_results_summary_one_skip_away(
    client, directory_page, nottingham_music
):
    html = soup(client.get(directory_page.url, {"art_form": "music"}))
    panel = html.select_one("details.filters-panel")
    # Collapsed in the markup: a phone shows its one-line summary, then the results.
    assert not panel.has_attr("open")
    assert panel.select_one("summary").get_text(" ", strip=True) == "Filter and sort 1 choice made"
    form = panel.select_one("form")
    assert form.select("input[name=art_form]") and form.select_one("select[name=place]")
    assert form["action"].endswith("#results-heading")
    assert html.select("form input[name=art_form]") == form.select("input[name=art_form]")
    # The results come straight after the panel, and the skip link leads to their summary.
    results = panel.find_next_sibling()
    assert results["id"] == "results"
    assert results.select_one("#results-heading")["tabindex"] == "-1"
    skip = html.select_one("a.skip-to-results")
    assert skip["href"] == "#results-heading" and skip.get_text(strip=True) == "Skip to results"
    button = form.select_one("button[type=submit]")
    assert button.get_text(strip=True) == "Show 1 activity"


def test_filters_panel_opens_when_a_choice_needs_correcting(client, directory_page):
    html = soup(client.get(directory_page.url, {"postcode": "not a postcode"}))
    assert html.select_one("details.filters-panel").has_attr("open")


def test_empty_state_offers_a_wider_radius_that_finds_results_and_says_how_far(
    client, directory_page, nottingham_music
):
    html = soup(client.get(directory_page.url, {"postcode": "LE1 6AD", "art_form": "music"}))
    assert html.select_one(".activity-results") is None
    wider = html.select_one(".empty-state__wider a")
    assert wider.get_text(" ", strip=True) == "Search within 25 miles to see 1 activity"
    nearest = html.select_one(".empty-state__nearest li").get_text("", strip=False).strip()
    assert nearest.startswith("Nottingham drumming:") and "miles away" in nearest
    assert "22." in nearest

    followed = soup(client.get(directory_page.url + wider["href"].split("#")[0]))
    assert [a.get_text(strip=True) for a in followed.select(".activity-results h3 a")] == [
        "Nottingham drumming"
    ]
    assert "miles away" in followed.select_one(".activity-card__where").get_text()


def test_empty_state_names_the_nearest_anywhere_when_no_radius_finds_one(
    client, directory_page, provider
):
    ActivityPageFactory(
        parent=provider,
        title="Edinburgh ceilidh",
        slug="edinburgh-ceilidh",
        art_forms=["dance"],
        formats=["visit-a-venue"],
        places=["GB-EDH"],
        venue_name="Usher Hall",
        venue_postcode="EH1 2EA",
    )
    ActivityPageFactory(
        parent=provider,
        title="Belfast dance in school",
        slug="belfast-dance",
        art_forms=["dance"],
        formats=["comes-to-school"],
        places=["GB-BFS"],
    )
    html = soup(client.get(directory_page.url, {"postcode": "LE1", "art_form": "dance"}))
    assert html.select_one(".empty-state__wider") is None
    heading = html.select_one(".empty-state h3:-soup-contains('nearest')")
    assert heading.get_text(strip=True) == "The nearest anywhere in the UK"
    nearest = [li.get_text().strip() for li in html.select(".empty-state__nearest li")]
    assert nearest[0].startswith("Edinburgh ceilidh: ") and "miles away" in nearest[0]
    # An activity with no venue has no distance: the empty state says where it goes instead.
    assert nearest[1] == "Belfast dance in school: comes to schools in Belfast City"


def test_empty_state_suggests_a_neighbouring_art_form_and_stage(client, directory_page, provider):
    ActivityPageFactory(
        parent=provider,
        title="Leicester dance",
        slug="leicester-dance",
        art_forms=["dance"],
        age_min=5,
        age_max=7,
    )
    html = soup(client.get(directory_page.url, {"place": "GB-LCE", "art_form": "music"}))
    links = {a.get_text(" ", strip=True): a["href"] for a in html.select(".empty-state a")}
    assert "Dance: 1 activity" in links
    followed = soup(client.get(directory_page.url + links["Dance: 1 activity"].split("#")[0]))
    assert [a.get_text(strip=True) for a in followed.select(".activity-results h3 a")] == [
        "Leicester dance"
    ]

    html = soup(client.get(directory_page.url, {"place": "GB-LCE", "stage": "ks2"}))
    links = {a.get_text(" ", strip=True): a["href"] for a in html.select(".empty-state a")}
    assert "Key stage 1 (years 1–2, ages 5–7): 1 activity" in links
