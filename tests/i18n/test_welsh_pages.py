"""Welsh pages show no English interface text.

Every public page type is published in Welsh and requested under /cy/, in the states a reader
meets (results, no results, bad input, a search, a missing page). The content the fixture put
on the pages is taken out; what remains is the interface. For every string in the Welsh
catalog whose translation differs from the English, the English must not appear there.

A string missing from the Welsh catalog, a template that forgets {% translate %}, or a stale
.mo file all show up here, named.
"""

import re
from functools import cache
from pathlib import Path

import polib
import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import server_error

from places.models import Place
from stories.models import Theme

pytestmark = pytest.mark.django_db

WELSH_CATALOG = Path(settings.BASE_DIR) / "locale" / "cy" / "LC_MESSAGES" / "django.po"

# Elements whose text a reader sees or hears, and attributes read out or shown in their place.
TEXT_ELEMENTS = [
    "title", "h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "dt", "dd", "label", "legend",
    "option", "button", "a", "span", "summary", "figcaption", "blockquote", "address", "time",
    "th", "td", "caption",
]  # fmt: skip
TEXT_ATTRIBUTES = ["aria-label", "alt", "title", "placeholder", "label"]

PLACEHOLDER = re.compile(r"%\(\w+\)[-#0 +]*\d*(?:\.\d+)?[sdifr]|%%")
TAG = re.compile(r"<[^>]+>")


def _literal_regex(text):
    """A literal piece of a msgid: whitespace matches any whitespace and a tag matches the gap
    it leaves in the page's text."""
    pattern = ""
    for token in re.split(r"(<[^>]+>|\s+)", text):
        if not token:
            continue
        if token.startswith("<"):
            pattern += r"\s*"
        elif token.isspace():
            pattern += r"\s+"
        else:
            pattern += re.escape(token)
    return pattern


def english_pattern(msgid):
    """A regex that finds this English string in page text (placeholders match anything), or
    None when the string is too short to tell apart from other words (one word under eight
    letters, such as "Email" or "Next")."""
    pieces = PLACEHOLDER.split(msgid)
    words = TAG.sub(" ", " ".join(pieces)).split()
    if len(words) < 2 and len("".join(words)) < 8:
        return None
    body = ".+?".join(_literal_regex(piece) for piece in pieces)
    return re.compile(rf"(?<!\w){body}(?!\w)")


@cache
def translated_strings():
    """(English, pattern) for each Welsh catalog string whose translation is not the English."""
    strings = []
    for entry in polib.pofile(str(WELSH_CATALOG)):
        if entry.msgid_plural:
            forms = list(entry.msgstr_plural.values())
            english = [entry.msgid, entry.msgid_plural]
            if all(form in english for form in forms):
                continue
        else:
            if entry.msgstr == entry.msgid:
                continue
            english = [entry.msgid]
        for text in english:
            pattern = english_pattern(text)
            if pattern is not None:
                strings.append((text, pattern))
    return strings


def content_remover(world):
    """Removes the fixture's content, and every place and theme name (editors' content the
    place and theme pickers list), from a piece of text."""
    names = [TAG.sub(" ", text) for text in world.content]
    names += Place.objects.values_list("name", flat=True)
    names += Theme.objects.values_list("name", flat=True)
    names = sorted(
        {" ".join(name.split()) for name in names if name.strip()}, key=len, reverse=True
    )
    pattern = re.compile("|".join(rf"(?<!\w){re.escape(name)}(?!\w)" for name in names))
    return lambda text: pattern.sub(" ", text)


def interface_text(html, remove_content):
    """Pieces of text a reader meets on the page, with the page's content taken out."""
    soup = BeautifulSoup(html, "html.parser")
    for element in soup(["script", "style", "template"]):
        element.decompose()
    pieces = [element.get_text(" ") for element in soup.find_all(TEXT_ELEMENTS)]
    for element in soup.find_all(True):
        pieces += [element[name] for name in TEXT_ATTRIBUTES if element.has_attr(name)]
    description = soup.find("meta", attrs={"name": "description"})
    if description is not None:
        pieces.append(description["content"])
    return [remove_content(" ".join(piece.split())) for piece in pieces]


def english_left_in(html, remove_content):
    pieces = interface_text(html, remove_content)
    found = {}
    for english, pattern in translated_strings():
        for piece in pieces:
            if pattern.search(piece):
                found.setdefault(english, piece)
                break
    return found


def welsh_responses(client, world):
    """(label, response) for every page and state a Welsh reader can reach."""
    urls = world.urls
    requests = [(name, url) for name, url in urls.items()]
    requests += [
        ("directory near a postcode", urls["directory"] + "?q=Drymio&postcode=CF10&sort=nearest"),
        ("directory with no results", urls["directory"] + "?free=on&in_care=on"),
        ("directory, bad input", urls["directory"] + "?postcode=ZZ99&age_from=9&age_to=5"),
        ("directory, unknown place", urls["directory"] + "?place=NOWHERE&stage=ps3"),
        ("directory, page 0 and a null character", urls["directory"] + "?page=0&q=%00"),
        ("stories of one kind", urls["stories"] + "?kind=case-study"),
        ("stories with no results", urls["stories"] + "?kind=news"),
        ("stories, bad input", urls["stories"] + "?kind=poems&year=12&theme=nope&place=X"),
        ("search start", "/cy/search/"),
        ("search results", "/cy/search/?q=Drymio"),
        ("search with no results", "/cy/search/?q=sebraquokka"),
        ("search, bad input", "/cy/search/?q=" + "a" * 300),
        ("search, null character", "/cy/search/?q=%00"),
        ("missing page", "/cy/dim-tudalen-or-fath/"),
    ]
    responses = [(name, client.get(url)) for name, url in requests]
    responses.append(("form with errors", client.post(urls["form"], {})))
    responses.append(
        ("form sent", client.post(urls["form"], {"email_address": "athro@example.org"}))
    )
    return responses


def test_welsh_pages_show_no_english_interface_text(client, welsh_world):
    remove_content = content_remover(welsh_world)
    problems = []
    for name, response in welsh_responses(client, welsh_world):
        assert response.status_code in (200, 400, 404), (name, response.status_code)
        soup = BeautifulSoup(response.content, "html.parser")
        assert soup.html["lang"] == "cy", name
        # The header is Welsh on every page: the check below is looking at a Welsh page.
        assert soup.select_one(".site-search button").get_text(strip=True) == "Chwilio", name
        for english, seen in english_left_in(response.content, remove_content).items():
            problems.append(f"{name}: {english!r} in {seen!r}")
    assert not problems, "English interface text on Welsh pages:\n" + "\n".join(problems)


def test_welsh_fragments_rendered_outside_a_page():
    """Pagination (needs many results) and the server-error page (no request, no database)."""
    request = RequestFactory().get("/cy/stories/?page=2")
    with translation.override("cy"):
        page_obj = Paginator(list(range(30)), 10).page(2)
        pagination = render_to_string(
            "includes/pagination.html", {"page_obj": page_obj}, request=request
        )
        error_page = server_error(RequestFactory().get("/cy/")).content.decode()
    assert "Tudalen 2 o 3" in pagination
    assert "Blaenorol" in pagination
    assert "Aeth rhywbeth o'i le" in error_page
    for label, html in (("pagination", pagination), ("500 page", error_page)):
        left = english_left_in(html, lambda text: text.replace("Arts Backpack", " "))
        assert not left, f"{label}: {sorted(left)}"


def test_the_check_finds_english_when_it_is_there():
    """The detector itself: it sees English in text, attributes and plural forms, and ignores
    a string that only shares a word with the page."""
    html = """
        <html><head><title>Aeth rhywbeth o'i le</title></head><body>
        <nav aria-label="Pages of results"></nav>
        <h2>3 activities</h2>
        <p>Please try again in a few minutes, or <a href="/">go to the home page</a>.</p>
        <p>Search is a word we use.</p>
        </body></html>"""
    found = english_left_in(html, lambda text: text)
    assert "Pages of results" in found
    assert "%(counter)s activities" in found
    assert 'Please try again in a few minutes, or <a href="/">go to the home page</a>.' in found
    assert "Search this site" not in found
    assert "Something went wrong" not in found
