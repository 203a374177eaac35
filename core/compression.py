"""gzip for the pages and feeds the site writes; files are left as they are.

Why Django's GZipMiddleware is safe here, CSRF tokens included (BREACH): since Django 4.2 it
pads every gzip stream with up to ``max_random_bytes`` (100) random bytes in the gzip header's
file name ("Heal The Breach", https://ieeexplore.ieee.org/document/9754554; see
``django/utils/text.py``: ``_get_random_filename`` and ``compress_string(...,
max_random_bytes=...)``, and ``GZipMiddleware.max_random_bytes``), so the compressed length no
longer tells an attacker whether a guess matched a secret. On top of that the CSRF token is
masked afresh in every response (``django.middleware.csrf``), so there is no fixed secret in
the page to guess, and the CSRF and session cookies are SameSite=Lax, so the cross-site
requests BREACH needs do not carry them. Compressing only pages without a form would lose
the saving on every directory, story and activity page (they all carry the header search
form) for no gain in safety.

What is not compressed, and why:
- streamed answers (``FileResponse``: media files, the showcase's permission-checked artwork
  view): images are compressed already, and gzip would drop their Content-Length;
- static files: WhiteNoise answers them before this middleware (it comes after WhiteNoise in
  ``MIDDLEWARE``) with the gzip and Brotli files ``collectstatic`` wrote, and handles ranges;
- partial content (206) and anything not text.
"""

from django.middleware.gzip import GZipMiddleware

# Media types worth compressing besides text/*: what the site writes (JSON-LD and the API,
# RSS/Atom feeds, sitemaps) and SVG.
COMPRESSIBLE_TYPES = {
    "application/json",
    "application/ld+json",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/javascript",
    "application/manifest+json",
    "image/svg+xml",
}


def is_compressible(response):
    if response.streaming or response.status_code == 206:
        return False
    media_type = response.get("Content-Type", "").split(";")[0].strip().lower()
    return media_type.startswith("text/") or media_type in COMPRESSIBLE_TYPES


class TextGZipMiddleware(GZipMiddleware):
    """Django's GZipMiddleware (BREACH padding and all), for text answers only."""

    def process_response(self, request, response):
        if not is_compressible(response):
            return response
        return super().process_response(request, response)
