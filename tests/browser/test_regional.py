"""A Welsh-speaking teacher walks the Wales site in Welsh, in a real browser."""

import re
from urllib.parse import urlsplit

import pytest
from django.utils import translation
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def welsh(text):
    """The Welsh interface string for ``text``, which must really be translated."""
    with translation.override("cy"):
        translated = translation.gettext(text)
    assert translated != text, f"No Welsh translation for {text!r}"
    return translated


def test_teacher_walks_the_wales_site_in_welsh(page, demo, axe_check):
    port = urlsplit(demo.url).port
    page.goto(f"http://wales.localhost:{port}/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    switcher = page.get_by_role("navigation", name="Language")
    switcher.get_by_role("link", name="Cymraeg").click()

    expect(page.locator("html")).to_have_attribute("lang", "cy")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Pum profiad diwylliannol y flwyddyn i bob plentyn yng Nghymru"
    )
    assert page.locator('link[rel="alternate"][hreflang="x-default"]').count() == 1
    axe_check(page)

    page.locator("header").get_by_role("link", name="Dod o hyd i weithgareddau").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dod o hyd i weithgareddau")
    assert urlsplit(page.url).path == "/cy/gweithgareddau/"
    filters = page.locator(".directory__filters")
    expect(filters.get_by_role("heading", level=2)).to_have_text(welsh("Find activities"))
    expect(filters).to_contain_text("Dwyieithog")  # "bilingual", a directory term in Welsh
    expect(page.locator(".directory__scope")).to_contain_text("Cymru")
    axe_check(page)

    # Narrow to a Welsh-medium offer and open it.
    filters.get_by_label("Cymraeg", exact=False).first.check()
    filters.get_by_role("button", name=welsh("Show activities")).click()
    first = page.locator(".activity-results .activity-card__title a").first
    title = first.inner_text()
    first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    # Provided by one of the Wales site's providers, named as they are in Welsh.
    expect(page.locator("main")).to_contain_text(
        re.compile(
            "Cwmni Celf y Cymoedd|Stiwdio Animeiddio'r Bae|Cerdd y Bae|Dawns Caerdydd"
            "|Theatr Fach y Ddinas|Stiwdio Celf Treganna|Treftadaeth y Dociau"
            "|Celfyddydau Glan-yr-Afon"
        )
    )
    axe_check(page)

    # Back to English through the switcher: the same activity, in English.
    page.get_by_role("navigation", name=welsh("Language")).get_by_role(
        "link", name="English"
    ).click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert not urlsplit(page.url).path.startswith("/cy/")
    assert page.request_log.foreign() == []
