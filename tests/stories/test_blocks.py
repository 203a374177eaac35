"""Story body blocks: every one renders, and a video without a transcript is refused with a
message that tells the editor what to do."""

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from wagtail import blocks

from core.factories import SiteImageFactory
from stories.blocks import TRANSCRIPT_REQUIRED, StoryStreamBlock, StoryVideoBlock
from stories.factories import StoryPageFactory
from tests.blocks import every_shared_block

pytestmark = pytest.mark.django_db

YOUTUBE = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


def every_story_block(image, document, page):
    """The shared blocks, with a story's stricter video, plus the blocks only stories have."""
    body = every_shared_block(image, document)
    for block in body:
        if block["type"] == "video":
            block["value"].update(audio_described_url="https://vimeo.com/76979871", captions=True)
    return [
        *body,
        {
            "type": "key_figures",
            "value": {
                "heading": "In numbers",
                "figures": [
                    {
                        "number": "£2,730",
                        "label": "raised from 23 supporters",
                        "source": "Crowdfunding page",
                        "source_url": "https://example.org/crowdfunder",
                    },
                    {"number": "35", "label": "days", "source": "Crowdfunding page"},
                ],
            },
        },
        {
            "type": "related_links",
            "value": {
                "heading": "Read more",
                "links": [
                    {"text": "Our stories", "page": page.pk, "url": ""},
                    {"text": "Elsewhere", "page": None, "url": "https://example.org/elsewhere"},
                ],
            },
        },
    ]


def video_value(**overrides):
    value = {
        "url": YOUTUBE,
        "title": "The pilot",
        "poster": None,
        "transcript": "<p>Words.</p>",
        "audio_described_url": "",
        "captions": False,
    }
    value.update(overrides)
    return value


def clean_video(**overrides):
    block = StoryVideoBlock()
    return block.clean(block.to_python(video_value(**overrides)))


@pytest.mark.parametrize("transcript", ["", "<p></p>", "<p> &nbsp; </p>".replace("&nbsp;", " ")])
def test_video_without_transcript_is_refused_with_a_clear_message(transcript):
    with pytest.raises(blocks.StructBlockValidationError) as raised:
        clean_video(transcript=transcript)
    errors = raised.value.block_errors
    assert set(errors) == {"transcript"}
    assert errors["transcript"].messages == [str(TRANSCRIPT_REQUIRED)]
    assert "Add a transcript" in errors["transcript"].messages[0]


def test_video_with_transcript_is_accepted():
    value = clean_video(audio_described_url="https://youtu.be/dQw4w9WgXcQ")
    assert value["title"] == "The pilot"


def test_audio_described_version_must_be_a_video_link():
    with pytest.raises(blocks.StructBlockValidationError) as raised:
        clean_video(audio_described_url="https://example.org/video.mp4")
    assert set(raised.value.block_errors) == {"audio_described_url"}


def test_story_body_refuses_a_video_without_transcript_as_the_editor_sees_it():
    """Through the whole StreamField, as the page editor submits it."""
    stream = StoryStreamBlock()
    value = stream.to_python([{"type": "video", "value": video_value(transcript="")}])
    with pytest.raises(blocks.StreamBlockValidationError) as raised:
        stream.clean(value)
    block_error = raised.value.block_errors[0]
    assert block_error.block_errors["transcript"].messages == [str(TRANSCRIPT_REQUIRED)]


def test_pull_quote_needs_a_name():
    stream = StoryStreamBlock()
    value = stream.to_python([{"type": "quote", "value": {"quote": "Yes.", "attribution": ""}}])
    with pytest.raises(blocks.StreamBlockValidationError):
        stream.clean(value)


def test_story_page_renders_every_block(client, story_site):
    _home, index = story_site
    image = SiteImageFactory(credit="Photo: Sam Lee")
    data = b"%PDF-1.4 pilot report " * 100
    document = wagtail_factories.DocumentFactory(
        title="Pilot report",
        file__filename="pilot-report.pdf",
        file__data=data,
        file_size=len(data),
    )
    story = StoryPageFactory(
        parent=index, title="All blocks", body=every_story_block(image, document, index)
    )
    response = client.get(story.url)
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    body = html.select_one(".stream")
    assert body.find("h2", string="A section")
    assert body.find("b", string="bold")
    img = body.select_one("figure.figure img")
    assert img["alt"] == "Children drumming in a circle"
    assert "Photo: Sam Lee" in body.select_one("figure.figure figcaption").get_text()
    quote = body.select_one("figure.quote")
    assert "Arts are for everyone." in quote.blockquote.get_text()
    assert "A teacher" in quote.figcaption.get_text() and "Leicester" in quote.figcaption.get_text()
    assert body.select_one(".cta a.button")["href"] == "https://example.org/"
    download = body.select_one(".document-link")
    assert download.a.get_text(strip=True) == "Pilot report"
    assert download.select_one(".document-link__meta").get_text() == "(PDF, 2.1\xa0KB)"

    # The video: no iframe, only addresses waiting in data attributes until the reader clicks.
    assert html.find("iframe") is None
    video = body.select_one("[data-video]")
    assert video["data-embed-url"].startswith("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")
    described = video.select_one(".video__described [data-video-play]")
    assert described["data-embed-url"] == "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1"
    assert "Captions" in video.figcaption.get_text()
    assert "Words spoken in the video." in video.select_one(".video__transcript").get_text()

    figures = body.select(".key-figure")
    assert [f.select_one(".key-figure__number").get_text() for f in figures] == ["£2,730", "35"]
    assert (
        figures[0].select_one(".key-figure__source a")["href"] == "https://example.org/crowdfunder"
    )
    assert figures[1].select_one(".key-figure__source").get_text() == "Crowdfunding page"

    links = body.select(".related-links a")
    assert [(a.get_text(), a["href"]) for a in links] == [
        ("Our stories", index.url),
        ("Elsewhere", "https://example.org/elsewhere"),
    ]
