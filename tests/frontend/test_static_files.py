"""Static files as production serves them (issue 17): collected by the production storage
(CompressedManifestStaticFilesStorage), a hashed name is cached for ten years and marked
immutable, an unhashed name for a minute; the inlined stylesheet is that collected copy, its
fonts named by their hashed, long-lived addresses, and allowed by its hash in the strict CSP."""

import base64
import gzip
import hashlib
import re

import pytest
from django.core.management import call_command
from django.test import Client, RequestFactory
from whitenoise.middleware import WhiteNoiseMiddleware

from core.inline_styles import SITE_STYLESHEETS, inline_stylesheet, site_stylesheet_sources

TEN_YEARS = 10 * 365 * 24 * 60 * 60


@pytest.fixture
def production_static(settings, tmp_path):
    """The site's own static files collected by the production storage into a fresh folder
    (only static/: the libraries' files would only make it slower)."""
    settings.STATIC_ROOT = str(tmp_path)
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    settings.WHITENOISE_USE_FINDERS = False
    settings.WHITENOISE_AUTOREFRESH = False
    call_command("collectstatic", "--noinput", verbosity=0)
    return tmp_path


def serve(path, **headers):
    """``path`` as WhiteNoise answers it with the production settings (nothing else runs)."""
    whitenoise = WhiteNoiseMiddleware(lambda request: pytest.fail(f"{path} not served"))
    return whitenoise(RequestFactory().get(path, **headers))


def test_hashed_names_are_cached_for_ever_and_plain_names_briefly(production_static):
    from django.templatetags.static import static

    hashed = static("css/main.css")
    assert re.fullmatch(r"/static/css/main\.[0-9a-f]{12}\.css", hashed)
    response = serve(hashed)
    assert response.status_code == 200
    assert response["Cache-Control"] == f"max-age={TEN_YEARS}, public, immutable"

    plain = serve("/static/css/main.css")
    assert plain.status_code == 200
    assert plain["Cache-Control"] == "max-age=60, public"

    compressed = serve(hashed, HTTP_ACCEPT_ENCODING="gzip, br")
    assert compressed["Content-Encoding"] in ("gzip", "br")
    assert "Accept-Encoding" in compressed["Vary"]
    if compressed["Content-Encoding"] == "gzip":
        body = gzip.decompress(b"".join(compressed.streaming_content))
        assert body == (production_static / hashed.removeprefix("/static/")).read_bytes()


def test_the_inlined_stylesheet_is_the_collected_copy_with_long_lived_fonts(production_static, db):
    from django.templatetags.static import static

    sheet = inline_stylesheet("css/main.css")
    fonts = re.findall(r'url\("([^"]+)"\)', sheet.text)
    assert fonts, "no font in the stylesheet"
    for font in fonts:
        assert re.fullmatch(r"/static/fonts/[a-z0-9-]+\.[0-9a-f]{12}\.woff2", font), font
        response = serve(font)
        assert response.status_code == 200
        assert "immutable" in response["Cache-Control"]
    # The preloaded fonts are the very files the stylesheet asks for, or they would load twice.
    html = Client().get("/no-such-page/").content.decode()
    for preload in re.findall(r'<link rel="preload" href="([^"]+)" as="font"', html):
        assert preload in fonts
    assert static("fonts/source-sans-3-latin-wght-normal.woff2") in fonts


def test_each_inlined_stylesheet_is_allowed_by_its_hash_and_nothing_else(db):
    response = Client().get("/no-such-page/")
    html = response.content.decode()
    styles = re.findall(r"<style>(.*?)</style>", html, flags=re.S)
    assert len(styles) == len(SITE_STYLESHEETS)
    assert '<link rel="stylesheet" href="/static/css/main' not in html
    policy = response["Content-Security-Policy"]
    style_src = next(
        part.split()[1:] for part in policy.split(";") if part.split()[0] == "style-src"
    )
    expected = [
        f"'sha256-{base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()}'"
        for css in styles
    ]
    assert style_src == ["'self'", *expected]
    assert site_stylesheet_sources() == expected
    # The print stylesheet blocks nothing, so it stays a link.
    assert 'media="print"' in html


def test_the_admin_policy_gets_no_hash_which_would_cancel_its_unsafe_inline(admin_client):
    policy = admin_client.get("/admin/")["Content-Security-Policy"]
    style_src = next(
        part.split()[1:] for part in policy.split(";") if part.split()[0] == "style-src"
    )
    assert style_src == ["'self'", "'unsafe-inline'"]
