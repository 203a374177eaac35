"""Site-wide answers that belong to no page: robots.txt and the favicon."""

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_GET

from core.cache import public_for_a_day


@require_GET
@public_for_a_day
def robots_txt(request):
    # Search results are endless near-duplicates in every language: /search/, /cy/search/, ...
    searches = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            searches.append(f"Disallow: {reverse('search')}")
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        *searches,
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@require_GET
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says; send them to the hashed SVG.

    Resolved per request: the hashed name exists only once static files are collected."""
    return redirect(static("images/favicon.svg"), permanent=True)
