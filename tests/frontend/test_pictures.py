"""Responsive pictures in a modern format (issue 17): hero, card, activity and body pictures
offer WebP renditions in several widths (srcset) with the space they take (sizes), carry their
width and height (no layout shift), and keep their alt text."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from core.blocks import ImageBlock
from core.factories import SiteImageFactory
from directory.factories import ActivityPageFactory, ProviderPageFactory
from home.factories import StandardPageFactory, site_with_home_page

pytestmark = pytest.mark.django_db


def picture(width, height):
    return SiteImageFactory(file__width=width, file__height=height)


def assert_responsive(img, widths, shape, alt):
    """``img`` offers WebP files of exactly ``widths``, the smallest as its src, sized to
    ``shape`` (width / height), with ``alt``; and each file is a real WebP of that width."""
    candidates = [candidate.split() for candidate in img["srcset"].split(",")]
    assert [int(descriptor.removesuffix("w")) for _url, descriptor in candidates] == widths
    assert img["src"] == candidates[0][0]
    assert img["sizes"].strip()
    assert int(img["width"]) == widths[0]
    assert abs(int(img["width"]) / int(img["height"]) - shape) < 0.01
    assert img["alt"] == alt
    client = Client()
    for url, _descriptor in candidates:
        response = client.get(url)
        assert response.status_code == 200, url
        data = b"".join(response.streaming_content)
        assert data[:4] == b"RIFF" and data[8:12] == b"WEBP", url
        # The VP8 frame header (lossy) or VP8L (lossless) or VP8X (extended) carries the size.
        assert data[12:16] in (b"VP8 ", b"VP8L", b"VP8X"), url


def page_html(url):
    response = Client().get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def test_the_home_page_hero():
    home = site_with_home_page(hero_image=picture(1600, 1000), hero_image_alt="Pupils dancing")
    img = page_html(home.url).select_one("img.hero__image")
    assert_responsive(img, [480, 720, 960], 8 / 5, "Pupils dancing")
    # The first screen's picture is not lazy: it may be the largest thing painted.
    assert img.get("loading") is None


def test_a_listing_card_and_an_activity_picture():
    home = site_with_home_page()
    provider = ProviderPageFactory(parent=home, slug="quokka-arts")
    activity = ActivityPageFactory(
        parent=provider, image=picture(1920, 1080), image_alt="A drum circle in a hall"
    )
    img = page_html(activity.url).select_one("img.activity__image")
    assert_responsive(img, [480, 720, 960], 16 / 9, "A drum circle in a hall")

    about = StandardPageFactory(parent=home, slug="about")
    StandardPageFactory(parent=about, listing_image=picture(1200, 900))
    card = page_html(about.url).select_one("img.card__image")
    # Decorative on a card, as before: the title link says where it leads.
    assert_responsive(card, [400, 720, 960], 16 / 9, "")
    assert card["loading"] == "lazy"


def test_a_picture_in_a_page_body():
    image = picture(2000, 1500)
    html = ImageBlock().render({"image": image, "alt_text": "A clay owl", "caption": ""})
    img = BeautifulSoup(html, "html.parser").select_one("img")
    assert_responsive(img, [480, 800, 1200], 4 / 3, "A clay owl")


def test_a_small_upload_lists_each_width_once():
    """Never enlarged, a 300-pixel picture asked for at 480, 800 and 1200 comes out 300 wide
    three times: the srcset names that width once (wagtail/wagtail#12389)."""
    html = ImageBlock().render({"image": picture(300, 200), "alt_text": "A kite", "caption": ""})
    img = BeautifulSoup(html, "html.parser").select_one("img")
    candidates = [candidate.split() for candidate in img["srcset"].split(",")]
    assert [descriptor for _url, descriptor in candidates] == ["300w"]
    assert img["sizes"] and img["width"] == "300"
