"""The demo's privacy notice, accessibility statement, families' page and showcase on every
regional site, in every language the site offers (issue 14, items 4 and 5), and what the
notice and the teachers' page say about the class backpack (issue 15)."""

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page

pytestmark = pytest.mark.django_db

# host -> the languages the site offers
SITES = {
    "localhost": ["en"],
    "wales.localhost": ["en", "cy"],
    "scotland.localhost": ["en", "gd"],
    "northern-ireland.localhost": ["en", "ga"],
}
STATEMENT = {
    "en": "Accessibility statement",
    "cy": "Datganiad hygyrchedd",
    "gd": "Aithris ruigsinneachd",
    "ga": "Ráiteas inrochtaineachta",
}
RIGHTS = {"en": "Your rights", "cy": "Eich hawliau", "gd": "Na còraichean agad", "ga": "Do chearta"}
# The privacy notice's section on class backpacks and booking requests: its heading, how long
# a teacher's contact details stay on a booking request, and that a backpack holds no child's
# data, in each language.
BACKPACK_PRIVACY = {
    "en": (
        "Class backpacks and booking requests",
        "erased from a booking request 180 days after the date of the visit",
        "never holds a pupil's name",
    ),
    "cy": (
        "Sachau cefn dosbarth a cheisiadau archebu",
        "eu dileu o gais archebu 180 diwrnod ar ôl dyddiad yr ymweliad",
        "Nid yw byth yn cynnwys enw disgybl",
    ),
    "gd": (
        "Màileidean-droma clas agus iarrtasan glèidhidh",
        "a dhubhadh às iarrtas glèidhidh 180 latha às dèidh ceann-latha an tadhail",
        "Cha chum i a-chaoidh ainm sgoileir",
    ),
    "ga": (
        "Málaí droma ranga agus iarratais ar áirithint",
        "as iarratas ar áirithint 180 lá tar éis dáta na cuairte",
        "Ní bhíonn ainm dalta",
    ),
}


def every_site_and_language():
    for host, languages in SITES.items():
        for language in languages:
            yield host, language, "" if language == "en" else f"/{language}"


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def follow_on_site(client, host, href):
    """Follow a link, checking it stays on the same regional site."""
    parts = urlsplit(href)
    assert parts.hostname in (None, host), (host, href)
    return client.get(parts.path, HTTP_HOST=host)


def test_every_footer_links_an_accessibility_statement_in_the_sites_language(client, demo_site):
    for host, language, prefix in every_site_and_language():
        footer = soup(client.get(f"{prefix}/", HTTP_HOST=host)).select_one("footer")
        link = footer.find("a", string=STATEMENT[language])
        assert link is not None, (host, language)
        response = follow_on_site(client, host, link["href"])
        assert response.status_code == 200, (host, language, link["href"])
        page = soup(response)
        assert page.html["lang"] == language, (host, language)
        assert page.h1.get_text(strip=True) == STATEMENT[language]
        headings = [h.get_text(strip=True) for h in page.select("h2")]
        assert len(headings) >= 5, (host, language, headings)


def test_the_statement_says_how_the_site_is_tested_and_how_to_complain(client, demo_site):
    page = soup(client.get("/accessibility/", HTTP_HOST="localhost")).get_text(" ")
    for words in (
        "partially compliant",
        "Web Content Accessibility Guidelines version 2.2 AA",
        "axe-core",
        "real web browser",
        "Lighthouse",
        "Nu HTML Checker",
        "keyboard",
        "Equality Advisory and Support Service",
        "Equality Commission for Northern Ireland",
        "within five working days",
    ):
        assert words in page, words


def test_every_site_has_its_own_privacy_notice_covering_childrens_work(client, demo_site):
    for host, language, prefix in every_site_and_language():
        footer = soup(client.get(f"{prefix}/", HTTP_HOST=host)).select_one("footer")
        link = footer.find("a", href=lambda href: href and href.endswith("/privacy/"))
        assert link is not None, (host, language)
        response = follow_on_site(client, host, link["href"])
        assert response.status_code == 200
        page = soup(response)
        assert page.html["lang"] == language
        assert RIGHTS[language] in [h.get_text(strip=True) for h in page.select("h2")]
    english = soup(client.get("/privacy/", HTTP_HOST="wales.localhost")).get_text(" ")
    for words in ("Consent lasts for one school year", "erased within three months", "a copy"):
        assert words in english, words


def test_every_regional_site_has_a_families_page_and_a_showcase_with_its_own_works(
    client, demo_site
):
    shown = {}
    for host, language, prefix in every_site_and_language():
        slug = "teuluoedd" if language == "cy" else "families"
        families = client.get(f"{prefix}/{slug}/", HTTP_HOST=host)
        assert families.status_code == 200, (host, language)
        assert "take a work down" in soup(families).get_text(" ") or language != "en"
        index = client.get(f"{prefix}/showcase/", HTTP_HOST=host)
        assert index.status_code == 200, (host, language)
        gallery_link = soup(index).select_one(".card__title a")
        gallery = follow_on_site(client, host, gallery_link["href"])
        work_links = [a["href"] for a in soup(gallery).select(".artwork-grid a[href*='/work/']")]
        assert work_links, (host, language)
        shown[(host, language)] = set(work_links)
        work = follow_on_site(client, host, work_links[0])
        withdraw = soup(work).select_one(".showcase__withdraw a")["href"]
        assert follow_on_site(client, host, withdraw).status_code == 200
    # Each site shows its own children's work: consent is for that site.
    titles = {host: soup(client.get("/showcase/", HTTP_HOST=host)).get_text(" ") for host in SITES}
    assert "The Wales pilot" in titles["wales.localhost"]
    assert "The Wales pilot" not in titles["localhost"]
    assert "Leicester" not in titles["scotland.localhost"]


def test_the_welsh_statements_are_written_in_welsh(client, demo_site):
    def text(path):
        response = client.get(path, HTTP_HOST="wales.localhost")
        assert response.status_code == 200, path
        return soup(response).select_one("main").get_text(" ")

    assert "Y Comisiwn Cydraddoldeb a Hawliau Dynol" in text("/cy/accessibility/")
    assert "Equality and Human Rights Commission" not in text("/cy/accessibility/")
    privacy = text("/cy/privacy/")
    assert "Swyddfa'r Comisiynydd Gwybodaeth" in privacy
    assert "Information Commissioner" not in privacy
    assert "Gofyn i ni dynnu gwaith i lawr" in text("/cy/teuluoedd/")


def english_sentences(slug):
    """Every sentence of the English page's body and introduction, as the demo writes them."""
    from home.demo_regions import shared_page_spec

    spec = shared_page_spec(slug)
    texts = [spec["introduction"]]
    for block in spec.get("body", []):
        texts += block.get("paragraphs", [])
        if "html" in block:
            texts += [li.get_text() for li in BeautifulSoup(block["html"], "html.parser")("li")]
    return [sentence for text in texts for sentence in text.split(". ") if len(sentence) > 20]


# host, language, the families' page's slug, and words each page must say in the language
TRANSLATED_STATEMENTS = [
    (
        "wales.localhost",
        "cy",
        "teuluoedd",
        {
            "families": "Gofyn i ni dynnu gwaith i lawr",
            "privacy": "Swyddfa'r Comisiynydd Gwybodaeth",
            "accessibility": "Y Comisiwn Cydraddoldeb a Hawliau Dynol",
        },
    ),
    (
        "scotland.localhost",
        "gd",
        "families",
        {
            "families": "Iarr oirnn obair a thoirt sìos",
            "privacy": "Oifis a' Choimiseanair Fiosrachaidh",
            "accessibility": "Coimisean na Co-ionannachd agus Chòraichean Daonna",
        },
    ),
    (
        "northern-ireland.localhost",
        "ga",
        "families",
        {
            "families": "Iarr orainn saothar a bhaint anuas",
            "privacy": "Oifig an Choimisinéara Faisnéise",
            "accessibility": "Coimisiún Comhionannais agus Cearta Daonna",
        },
    ),
]


@pytest.mark.parametrize(("host", "language", "families", "words"), TRANSLATED_STATEMENTS)
def test_translated_statements_are_written_in_the_sites_language(
    client, demo_site, host, language, families, words
):
    """The Welsh, Gaelic and Irish privacy notice, accessibility statement and families' page
    say all they say in English, in their own language: no English sentence of the body is left
    in them, and each says something only a translation would."""
    for slug, path in (
        ("families", families),
        ("privacy", "privacy"),
        ("accessibility", "accessibility"),
    ):
        response = client.get(f"/{language}/{path}/", HTTP_HOST=host)
        assert response.status_code == 200, (host, slug)
        page = soup(response)
        assert page.html["lang"] == language
        text = " ".join(page.select_one("main").get_text(" ").split())
        assert words[slug] in text, (language, slug)
        english = [s for s in english_sentences(slug) if s in text]
        assert english == [], (language, slug)
        # The English page itself has every sentence, so the check above can fail.
        english_page = soup(client.get(f"/{slug}/", HTTP_HOST=host)).select_one("main")
        english_text = " ".join(english_page.get_text(" ").split())
        assert all(s in english_text for s in english_sentences(slug)), slug


def test_every_privacy_notice_says_how_long_a_booking_request_keeps_a_teachers_details(
    client, demo_site
):
    """Each site's notice, in each of its languages, has a section on the class backpack that
    gives the 180-day erasure of a teacher's contact details in the reader's language."""
    for host, language, prefix in every_site_and_language():
        response = client.get(f"{prefix}/privacy/", HTTP_HOST=host)
        assert response.status_code == 200, (host, language)
        page = soup(response)
        assert page.html["lang"] == language
        heading, retention, no_child_data = BACKPACK_PRIVACY[language]
        assert heading in [h.get_text(strip=True) for h in page.select("main h2")], (host, language)
        text = " ".join(page.select_one("main").get_text(" ").split())
        assert retention in text, (host, language)
        assert no_child_data in text, (host, language)
        if language != "en":
            # A translation, not the English words left in place.
            assert BACKPACK_PRIVACY["en"][1] not in text, (host, language)


def teachers_pages():
    """The teachers' page in every language and on every site it exists on: pages with the
    slug "teachers" and their translations (whose slugs may be translated)."""
    keys = Page.objects.filter(slug="teachers").values("translation_key")
    return list(Page.objects.live().public().filter(translation_key__in=keys).specific())


def test_the_teachers_page_leads_its_promise_to_the_class_backpack(client, demo_site):
    """The teachers' page promises five experiences a year; a link right under that promise
    leads to the class backpack, under the page's language prefix. The backpack app is not on
    this branch, so the link's address is checked here, not followed."""
    pages = teachers_pages()
    seen = set()
    for teachers in pages:
        language = teachers.locale.language_code
        prefix = "" if language == "en" else f"/{language}"
        _site_id, root_url, path = teachers.get_url_parts()
        host = urlsplit(root_url).hostname
        seen.add((host, path))
        response = client.get(path, HTTP_HOST=host)
        assert response.status_code == 200, teachers.url
        page = soup(response)
        assert page.html["lang"] == language
        links = page.select("main .stream a[href]")
        backpack = [a for a in links if a["href"] == f"{prefix}/backpack/"]
        assert len(backpack) == 1, (teachers.url, [a["href"] for a in links])
        # The first link in the page's body, so it follows the promise in the introduction,
        # and its words say where it goes.
        assert links[0] is backpack[0], teachers.url
        assert len(backpack[0].get_text(strip=True)) > 15, teachers.url
    # England's English page at least, so the loop above cannot pass by checking nothing.
    assert ("localhost", "/teachers/") in seen, seen
