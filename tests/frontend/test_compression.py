"""HTML compression in the app (issue 17): pages and feeds gzipped with Django's BREACH
padding; files, streams and ranges left alone."""

import gzip
import re
import struct
from pathlib import Path

import pytest
from django.http import FileResponse, HttpResponse
from django.test import Client, RequestFactory

from core.compression import TextGZipMiddleware
from home.factories import FormPageFactory, StandardPageFactory, site_with_home_page

pytestmark = pytest.mark.django_db


def gzip_file_name_length(body):
    """The length of the file name in a gzip header: where Django puts its random padding."""
    flags = body[3]
    assert flags & gzip.FNAME, "no file name field in the gzip header"
    return body.index(b"\x00", 10) - 10


@pytest.fixture
def page():
    home = site_with_home_page()
    return StandardPageFactory(parent=home, title="About the Arts Backpack")


def test_a_page_is_gzipped_for_a_browser_that_accepts_gzip(page):
    client = Client()
    plain = client.get(page.url)
    compressed = client.get(page.url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")

    assert plain.status_code == compressed.status_code == 200
    assert "Content-Encoding" not in plain
    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    assert int(compressed["Content-Length"]) == len(compressed.content)
    html = gzip.decompress(compressed.content)
    assert html == plain.content
    assert b"About the Arts Backpack" in html
    assert len(compressed.content) < len(plain.content) / 2


def test_the_compressed_length_is_padded_at_random_against_breach(page):
    client = Client()
    lengths = {
        gzip_file_name_length(client.get(page.url, HTTP_ACCEPT_ENCODING="gzip").content)
        for _ in range(12)
    }
    # Up to 100 random bytes each time: twelve answers of one length would be a 1-in-10^22 fluke.
    assert len(lengths) > 1
    assert all(0 <= length < TextGZipMiddleware.max_random_bytes for length in lengths)


def test_a_form_page_is_compressed_and_its_csrf_token_masked_afresh_each_time():
    home = site_with_home_page()
    form_page = FormPageFactory(parent=home)
    client = Client()
    tokens = []
    for _ in range(2):
        response = client.get(form_page.url, HTTP_ACCEPT_ENCODING="gzip")
        assert response["Content-Encoding"] == "gzip"
        html = gzip.decompress(response.content).decode()
        tokens += re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    # Same visitor, same secret, different text in each page: nothing fixed for BREACH to find.
    assert len(tokens) == 2
    assert tokens[0] != tokens[1]


@pytest.mark.parametrize(
    "content_type",
    ["text/calendar; charset=utf-8", "application/rss+xml; charset=utf-8", "application/json"],
)
def test_feeds_and_calendars_are_compressed(content_type):
    request = RequestFactory().get("/calendar/", HTTP_ACCEPT_ENCODING="gzip")
    body = b"BEGIN:VEVENT\r\nSUMMARY:Dance workshop\r\nEND:VEVENT\r\n" * 20
    response = TextGZipMiddleware(lambda request: None).process_response(
        request, HttpResponse(body, content_type=content_type)
    )
    assert response["Content-Encoding"] == "gzip"
    assert gzip.decompress(response.content) == body


def test_streamed_files_and_partial_content_are_left_alone(tmp_path):
    request = RequestFactory().get("/showcase-media/1/", HTTP_ACCEPT_ENCODING="gzip")
    middleware = TextGZipMiddleware(lambda request: None)
    picture = tmp_path / "work.jpg"
    picture.write_bytes(b"\xff\xd8\xff" + b"\x00" * 5000)

    streamed = middleware.process_response(
        request, FileResponse(picture.open("rb"), content_type="image/jpeg")
    )
    assert "Content-Encoding" not in streamed
    assert streamed["Content-Length"] == "5003"
    assert b"".join(streamed.streaming_content) == picture.read_bytes()

    partial = HttpResponse(b"x" * 1000, status=206, content_type="text/plain")
    partial["Content-Range"] = "bytes 0-999/5000"
    assert "Content-Encoding" not in middleware.process_response(request, partial)

    image = HttpResponse(b"\x89PNG" + b"\x00" * 1000, content_type="image/png")
    assert "Content-Encoding" not in middleware.process_response(request, image)


def test_a_media_file_is_served_whole_and_uncompressed(settings):
    content = struct.pack(">I", 0xFFD8FFE0) + b"\x00" * 4000
    (Path(settings.MEDIA_ROOT) / "photo-for-compression-test.jpg").write_bytes(content)
    response = Client().get("/media/photo-for-compression-test.jpg", HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert "Content-Encoding" not in response
    assert response["Content-Length"] == str(len(content))
    assert b"".join(response.streaming_content) == content


def test_a_range_of_a_static_file_still_comes_back_as_asked():
    """WhiteNoise answers ranges of static files; the compression never sees them."""
    client = Client()
    whole = client.get("/static/css/main.css")
    assert whole.status_code == 200
    full = b"".join(whole.streaming_content)
    ranged = client.get(
        "/static/css/main.css", HTTP_RANGE="bytes=10-99", HTTP_ACCEPT_ENCODING="gzip"
    )
    assert ranged.status_code == 206
    assert "Content-Encoding" not in ranged
    assert b"".join(ranged.streaming_content) == full[10:100]
