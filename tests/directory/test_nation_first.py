"""Each regional site's directory starts from its own nation, names school stages the nation's
way, and offers a clear way to search the whole UK."""

from urllib.parse import parse_qs

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Site

from directory.factories import ActivityPageFactory, ProviderPageFactory
from directory.models import DirectoryIndexPage
from regions.models import RegionSettings

pytestmark = pytest.mark.django_db


def set_region(directory_page, region):
    site = Site.objects.get(root_page=directory_page.get_parent())
    settings = RegionSettings.for_site(site)
    settings.region = region
    settings.save()


@pytest.fixture
def uk_activities(directory_page):
    provider = ProviderPageFactory(parent=directory_page, slug="touring")
    titles = {
        "GB-FIF": "Fife story bothy",
        "GB-GLG": "Glasgow sound lab",
        "GB-BFS": "Belfast puppets",
        "GB-LCE": "Leicester samba",
        "GB-CRF": "Cardiff animation",
    }
    for code, title in titles.items():
        ActivityPageFactory(
            parent=provider, title=title, slug=title.lower().replace(" ", "-"), places=[code]
        )
    return titles


def results(client, query=""):
    response = client.get(f"/activities/{query}")
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    titles = {
        h.get_text(strip=True) for h in page.select(".activity-results .activity-card__title")
    }
    return page, titles


def test_scotland_starts_from_scotland_and_can_widen_to_the_uk(
    client, directory_page, uk_activities
):
    set_region(directory_page, "scotland")
    page, titles = results(client)
    assert titles == {"Fife story bothy", "Glasgow sound lab"}
    scope = page.select_one(".directory__scope")
    assert "Showing activities in Scotland." in scope.get_text(" ", strip=True)
    whole_uk = scope.find("a", string="Search the whole UK")["href"]
    assert parse_qs(whole_uk.lstrip("?")) == {"place": ["uk"]}
    # The place picker starts at the site's nation (sent empty, so a postcode can replace it),
    # with "Anywhere in the UK" just below.
    chosen = page.select_one("#id_place option[selected]")
    assert (chosen["value"], chosen.get_text(strip=True)) == ("", "Scotland – this site")
    assert [o["value"] for o in page.select("#id_place option")][:2] == ["", "uk"]

    page, titles = results(client, whole_uk)
    assert titles == set(uk_activities.values())
    assert page.select_one(".directory__scope") is None
    assert page.select_one("#id_place option[selected]")["value"] == "uk"


def test_a_chosen_place_or_postcode_replaces_the_nation(client, directory_page, uk_activities):
    set_region(directory_page, "northern-ireland")
    assert results(client)[1] == {"Belfast puppets"}
    assert results(client, "?place=GB-LCE")[1] == {"Leicester samba"}
    page, titles = results(client, "?postcode=CF10+1AA&radius=10")
    assert titles == {"Cardiff animation"}
    assert page.select_one(".directory__scope") is None


def test_suggestions_widen_to_the_uk_rather_than_back_to_the_nation(
    client, directory_page, uk_activities
):
    set_region(directory_page, "wales")
    page, titles = results(client, "?q=samba")
    assert titles == set()
    links = {a.get_text(" ", strip=True): a["href"] for a in page.select(".empty-state a")}
    place_link = next(href for text, href in links.items() if "the place" in text)
    assert "to see 1 activity" in next(text for text in links if "the place" in text)
    assert parse_qs(place_link.lstrip("?")) == {"q": ["samba"], "place": ["uk"]}
    assert results(client, place_link)[1] == {"Leicester samba"}


def test_a_site_outside_the_regions_searches_everywhere(client, directory_page, uk_activities):
    page, titles = results(client)
    assert titles == set(uk_activities.values())
    assert page.select_one(".directory__scope") is None


@pytest.mark.parametrize(
    ("region", "stages"),
    [
        ("scotland", ["Early level", "First level", "Second level", "Third level"]),
        ("northern-ireland", ["Foundation stage", "Key stage 1", "Key stage 2", "Key stage 3"]),
        ("wales", ["Nursery and reception", "Years 1–3", "Years 4–6", "Years 7–9"]),
        ("england", ["Early years foundation stage", "Key stage 1", "Key stage 2", "Key stage 3"]),
    ],
)
def test_school_stages_are_named_the_way_each_nation_names_them(
    client, directory_page, region, stages
):
    set_region(directory_page, region)
    page, _titles = results(client)
    labels = [option.get_text(strip=True) for option in page.select("#id_stage option")][1:]
    assert [label.split(" (")[0] for label in labels] == stages


def test_activity_page_labels_stages_for_the_site_nation(client, directory_page):
    activity = ActivityPageFactory(
        parent=ProviderPageFactory(parent=directory_page, slug="stagey"),
        title="Ceilidh",
        slug="ceilidh",
        age_min=8,
        age_max=11,
    )
    set_region(directory_page, "scotland")
    text = BeautifulSoup(client.get(activity.url).content, "html.parser").get_text(" ")
    assert "Second level" in text
    assert "Key stage 2" not in text
    set_region(directory_page, "northern-ireland")
    text = BeautifulSoup(client.get(activity.url).content, "html.parser").get_text(" ")
    assert "Key stage 2 (P5–P7" in text


def _regional_site(hostname, region, slug):
    """A second regional site with its own home and directory page."""
    from wagtail.models import Page

    from directory.models import DirectoryIndexPage
    from home.factories import HomePageFactory

    home = HomePageFactory(parent=Page.get_first_root_node(), slug=slug)
    site = Site.objects.create(hostname=hostname, port=80, root_page=home)
    settings = RegionSettings.for_site(site)
    settings.region = region
    settings.save()
    directory = DirectoryIndexPage(title="Activities", slug="activities")
    home.add_child(instance=directory)
    return directory


def test_the_regional_sites_share_one_uk_wide_directory(client, directory_page):
    set_region(directory_page, "england")
    wales_directory = _regional_site("wales.localhost", "wales", "wales-home")
    outside_directory = _regional_site("festival.localhost", "", "festival-home")
    ActivityPageFactory(
        parent=ProviderPageFactory(parent=directory_page, slug="story-stream"),
        title="Story Stream online",
        slug="story-stream-online",
        places=["GB-ENG", "GB-WLS"],
    )
    ActivityPageFactory(
        parent=ProviderPageFactory(parent=wales_directory, slug="cwmni"),
        title="Cardiff clay",
        places=["GB-CRF"],
    )
    ActivityPageFactory(
        parent=ProviderPageFactory(parent=outside_directory, slug="festival"),
        title="Festival clay",
        places=["GB-CRF"],
    )

    # Each site starts from its own nation, and an England-wide offer listed on England's site
    # also reaches Welsh schools from the Wales site.
    assert results(client)[1] == {"Story Stream online"}
    wales = Site.objects.get(hostname="wales.localhost")
    wales_client = client.__class__(HTTP_HOST=wales.hostname)
    assert results(wales_client)[1] == {"Story Stream online", "Cardiff clay"}

    # Widening to the UK, or choosing a place in another nation, finds the other regional
    # sites' listings; a site outside the regions never contributes.
    page, titles = results(client, "?place=uk")
    assert titles == {"Story Stream online", "Cardiff clay"}
    assert results(client, "?place=GB-CRF")[1] == {"Cardiff clay"}
    assert results(client, "?q=clay&place=uk")[1] == {"Cardiff clay"}
    # The card links to the activity on its own site.
    link = page.find("a", string="Cardiff clay")["href"]
    assert link.startswith("http://wales.localhost/activities/cwmni/")

    # The festival site's own directory still searches only itself.
    festival_client = client.__class__(HTTP_HOST="festival.localhost")
    assert results(festival_client, "?place=uk")[1] == {"Festival clay"}


def test_northern_ireland_says_postcode_search_does_not_cover_bt_postcodes(
    client, directory_page, uk_activities
):
    set_region(directory_page, "northern-ireland")
    page, _titles = results(client)
    help_text = page.select_one("#id_postcode-help").get_text(" ", strip=True)
    assert "does not cover Northern Ireland (BT) postcodes" in help_text

    response = client.get("/activities/?postcode=BT1+1AA")
    assert response.status_code == 400
    errors = BeautifulSoup(response.content, "html.parser").select(".form-errors li")
    message = " ".join(error.get_text(" ", strip=True) for error in errors)
    assert "Choose your council area under “Place” instead." in message
    assert "We could not find the area" not in message
    # A place in Northern Ireland still finds its activities.
    assert results(client, "?place=GB-BFS")[1] == {"Belfast puppets"}


def test_other_sites_keep_the_usual_postcode_help(client, directory_page, uk_activities):
    set_region(directory_page, "wales")
    page, _titles = results(client)
    help_text = page.select_one("#id_postcode-help").get_text(" ", strip=True)
    assert help_text == "Your school's postcode, or just its first part (such as LE1)."


def test_a_language_searches_only_the_regional_sites_that_offer_it(directory_page):
    from wagtail.models import Locale

    from directory.search import Filters, activity_scope, search_activities

    set_region(directory_page, "england")
    wales_directory = _regional_site("wales.localhost", "wales", "wales-home")
    english_offer = ActivityPageFactory(
        parent=ProviderPageFactory(parent=directory_page, slug="leicester"),
        title="Leicester clay",
        places=["GB-LCE"],
    )
    welsh_offer = ActivityPageFactory(
        parent=ProviderPageFactory(parent=wales_directory, slug="cwmni"),
        title="Cardiff clay",
        places=["GB-CRF"],
    )
    welsh = Locale.objects.get(language_code="cy")
    for page, title in ((english_offer, "Clai Caerlŷr"), (welsh_offer, "Clai Caerdydd")):
        translated = page.copy_for_translation(welsh, copy_parents=True)
        translated.title = title
        translated.save_revision().publish()

    welsh_wales_directory = DirectoryIndexPage.objects.get(
        locale=welsh, translation_key=wales_directory.translation_key
    )
    results = search_activities(activity_scope(welsh_wales_directory, welsh), Filters())
    # England's site offers no Welsh, so its stray Welsh copy is never listed: a Welsh reader
    # finds that activity in English, the language England's site offers it in.
    found = {(a.title, a.locale.language_code) for a in results.page.object_list}
    assert found == {("Clai Caerdydd", "cy"), ("Leicester clay", "en")}
