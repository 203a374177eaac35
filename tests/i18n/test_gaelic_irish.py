"""The Scottish Gaelic and Irish directory: filters, facets, sort options, result cards and the
page's header are in the reader's language."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

pytestmark = pytest.mark.django_db

EXPECTED = {
    "gd": {
        "search_button": "Lorg",
        "filters_heading": "Lorg gnìomhachdan",
        "keywords": "Faclan-luirg",
        "near": "Faisg air còd-puist",
        "sort": "Seòrsaich a-rèir",
        "submit": "Seall 2 ghnìomhachd",
        "results": "2 ghnìomhachd",
        "stage": "Prìomh ìre 2 (bliadhnaichean 3–6, aoisean 7–11)",
        "cost": "£4.50 gach sgoilear",
    },
    "ga": {
        "search_button": "Cuardaigh",
        "filters_heading": "Aimsigh gníomhaíochtaí",
        "keywords": "Eochairfhocail",
        "near": "Gar do chód poist",
        "sort": "Sórtáil de réir",
        "submit": "Taispeáin 2 ghníomhaíocht",
        "results": "2 ghníomhaíocht",
        "stage": "Eochairchéim 2 (blianta 3–6, aois 7–11)",
        "cost": "£4.50 an dalta",
    },
}


def publish_directory_in(language, world):
    """The directory and one activity in this language (parents follow as aliases)."""
    locale = Locale.objects.get(language_code=language)
    directory = world.english["directory"].copy_for_translation(locale, copy_parents=True)
    directory.save_revision().publish()
    activity = world.english["dated activity"].copy_for_translation(locale, copy_parents=True)
    activity.save_revision().publish()
    return directory


def text(element):
    return " ".join(element.get_text(" ").split())


@pytest.mark.parametrize("language", ["gd", "ga"])
def test_directory_filters_are_translated(client, welsh_world, language):
    directory = publish_directory_in(language, welsh_world)
    response = client.get(directory.url + "?q=&stage=ks2")
    assert directory.url == f"/{language}/activities/"
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    words = EXPECTED[language]

    assert soup.html["lang"] == language
    assert text(soup.select_one(".site-search button")) == words["search_button"]
    assert text(soup.find(id="filters-heading")) == words["filters_heading"]
    assert text(soup.find("label", attrs={"for": "id_q"})) == words["keywords"]
    assert words["near"] in [text(legend) for legend in soup.find_all("legend")]
    assert text(soup.find("label", attrs={"for": "id_sort"})) == words["sort"]
    assert text(soup.select_one(".directory__filters button[type=submit]")) == words["submit"]
    # The activity translated into this language, and the stage's other activity, which has
    # no translation, in English (a reader of any language finds every activity).
    assert text(soup.find(id="results-heading")) == words["results"]
    assert text(soup.select_one("#id_stage option[selected]")).startswith(words["stage"])
    assert words["cost"] in text(soup.select_one(".activity-card"))

    # The page's title is content copied from English until an editor translates it; the
    # search form around it is interface.
    filters = text(soup.select_one(".directory__filters"))
    for english in ("Find activities", "Sort by", "Show activities", "Near a postcode"):
        assert english not in filters
