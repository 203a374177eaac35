"""Every page type and every shared block renders as a reader would expect."""

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from wagtail import blocks

from core.blocks import ImageBlock, LinkBlock, VideoBlock
from core.factories import SiteImageFactory
from core.video import video_embed_for
from home.factories import FormFieldFactory, FormPageFactory, StandardPageFactory
from tests.blocks import every_shared_block

pytestmark = pytest.mark.django_db


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def test_home_page_renders_hero_and_entry_points(client, home_page):
    target = StandardPageFactory(parent=home_page, title="For teachers", slug="teachers")
    home_page.entry_points = [
        {
            "type": "entry_point",
            "value": {
                "audience": "Teachers",
                "text": "Find local offers.",
                "link": {"text": "Teachers: start here", "page": target.pk, "url": ""},
            },
        }
    ]
    home_page.save_revision().publish()
    soup = soup_of(client.get("/"))
    assert soup.h1.get_text(strip=True) == home_page.hero_heading
    link = soup.find("a", string=lambda s: s and "Teachers: start here" in s)
    assert link["href"] == "/teachers/"


def test_standard_page_renders_every_shared_block(client, home_page):
    image = SiteImageFactory(credit="Photo: Jo Bloggs")
    document = wagtail_factories.DocumentFactory(title="Pilot report")
    page = StandardPageFactory(
        parent=home_page,
        title="Everything",
        slug="everything",
        body=every_shared_block(image, document),
    )
    response = client.get(page.url)
    assert response.status_code == 200
    soup = soup_of(response)
    assert soup.find("h2", string="A section")
    assert soup.find("b", string="bold")
    img = soup.select_one("figure.figure img")
    assert img["alt"] == "Children drumming in a circle"
    assert "Photo: Jo Bloggs" in soup.select_one("figure.figure figcaption").get_text()
    assert "Arts are for everyone." in soup.blockquote.get_text()
    assert soup.find("a", href="https://example.org/", string=lambda s: s and "Sign up" in s)
    download = soup.select_one(".document-link a")
    assert download.get_text(strip=True) == "Pilot report"
    assert download["href"].startswith("/documents/")
    video = soup.select_one("[data-video]")
    # No iframe until the reader presses play: only the address waits in a data attribute.
    assert soup.find("iframe") is None
    assert video["data-embed-url"].startswith("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")
    assert "Words spoken in the video." in video.get_text()


def test_form_page_renders_its_fields(client, home_page):
    form_page = FormPageFactory(parent=home_page)
    FormFieldFactory(page=form_page, label="Email address", field_type="email")
    soup = soup_of(client.get(form_page.url))
    field = soup.find("input", attrs={"type": "email"})
    assert field is not None
    assert soup.find("label", attrs={"for": field["id"]})


def test_image_block_requires_alt_text():
    with pytest.raises(ValidationError):
        ImageBlock().clean({"image": None, "alt_text": "", "caption": "", "credit": ""})


def test_link_block_needs_exactly_one_destination():
    block = LinkBlock()
    with pytest.raises(blocks.StructBlockValidationError) as excinfo:
        block.clean({"text": "Go", "page": None, "url": ""})
    assert "Choose a page or enter an address" in str(excinfo.value.block_errors["page"])


def test_video_block_rejects_other_hosts_with_a_clear_message():
    block = VideoBlock()
    value = block.to_python(
        {"url": "https://example.com/clip.mp4", "title": "Clip", "poster": None, "transcript": ""}
    )
    with pytest.raises(blocks.StructBlockValidationError) as excinfo:
        block.clean(value)
    assert "YouTube or Vimeo" in str(excinfo.value.block_errors["url"])


@pytest.mark.parametrize(
    ("url", "embed"),
    [
        ("https://youtu.be/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        (
            "https://www.youtube.com/shorts/dQw4w9WgXcQ",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        ),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871"),
        ("javascript:alert(1)", None),
        ("https://www.youtube.com/watch?v=bad", None),
        ("https://evil.example/youtube.com/watch?v=dQw4w9WgXcQ", None),
    ],
)
def test_video_links_map_to_privacy_enhanced_embeds(url, embed):
    result = video_embed_for(url)
    if embed is None:
        assert result is None
    else:
        assert result.embed_url.startswith(embed)
