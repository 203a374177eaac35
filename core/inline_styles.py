"""The site's screen stylesheets, written into each page's <head> instead of linked (issue 17).

Why inline: a linked stylesheet holds back the first paint until it has downloaded, on a slow
mobile connection a round trip and more. The whole screen CSS is small (main.css and
backpack.css: about 31 KB, under 8 KB gzipped), so it is inlined entire rather than split into
"critical" and "the rest": no second list of selectors to keep in step with the templates, and
no JavaScript loader (which the strict CSP would have to allow). The print stylesheet stays a
link with media="print", which blocks nothing.

Why a hash, not a nonce or 'unsafe-inline': the strict Content-Security-Policy stays strict
(core/security_headers.py adds the SHA-256 of each stylesheet's exact text to style-src on the
pages that get the strict policy). The hash is the same in every response, so a cached page and
its policy stay valid together, which a per-response nonce would not.

Which text: in production, the copy ``collectstatic`` wrote through
CompressedManifestStaticFilesStorage, whose url()s name the hashed font files that WhiteNoise
serves with a ten-year, immutable lifetime; elsewhere the source file the staticfiles finders
find. Relative url()s are made absolute, because the text now sits in a page at another address.
"""

import base64
import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urljoin

from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.templatetags.static import static

# The stylesheets every public page needs before its first paint, in cascade order.
SITE_STYLESHEETS = ("css/main.css", "css/backpack.css")
URL_REFERENCE = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")
NOT_RELATIVE = ("data:", "/", "#", "http:", "https:")


@dataclass(frozen=True)
class InlineStylesheet:
    text: str
    csp_source: str  # the 'sha256-…' source that allows exactly this text


def _file_for(name):
    """The file whose text a reader would download for the static file ``name``."""
    stored_name = getattr(staticfiles_storage, "stored_name", None)
    if stored_name is not None:
        try:
            return Path(staticfiles_storage.path(stored_name(name)))
        except (ValueError, NotImplementedError):
            pass  # not collected yet: fall back to the source file
    found = finders.find(name)
    return Path(found) if found else None


def _absolute_urls(css, stylesheet_url):
    def absolute(match):
        reference = match.group(2).strip()
        if reference.startswith(NOT_RELATIVE):
            return match.group(0)
        return f'url("{urljoin(stylesheet_url, reference)}")'

    return URL_REFERENCE.sub(absolute, css)


@lru_cache(maxsize=32)
def _read(path, modified, stylesheet_url):
    # ``modified`` is part of the cache key only: an edited file (`make run`) is read again.
    css = _absolute_urls(path.read_text(encoding="utf-8"), stylesheet_url)
    if "</" in css:
        return None  # would end the <style> element early; link the file instead
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    return InlineStylesheet(css, f"'sha256-{digest}'")


def inline_stylesheet(name):
    """The stylesheet ``name`` ready to inline, or None when it cannot be (the page links it)."""
    path = _file_for(name)
    if path is None:
        return None
    try:
        modified = path.stat().st_mtime_ns
        return _read(path, modified, static(name))
    except (OSError, UnicodeDecodeError, ValueError):
        return None


def site_stylesheet_sources():
    """The CSP sources that allow the inlined site stylesheets."""
    return [sheet.csp_source for name in SITE_STYLESHEETS if (sheet := inline_stylesheet(name))]
