from django.shortcuts import redirect
from django.utils import translation
from wagtail import hooks
from wagtail.models import Locale

from core.bootstrap import BOOTSTRAP
from regions.sites import sync_hostnames


@hooks.register("before_serve_page")
def serve_pages_in_their_own_language(page, request, serve_args, serve_kwargs):
    """Send /cy/about/ to /about/ when the page has no Welsh version.

    Wagtail routes a language-prefixed path to the source page when no translation exists, which
    would label English text as Welsh (``lang="cy"``) and publish duplicate URLs. The page's own
    URL carries the right language prefix, so a temporary redirect there fixes both; it stays
    temporary because a translation may be published later.
    """
    # By id against the active locale (looked up once per request, core/wagtail_per_request.py),
    # not page.locale, which would cost a query on every page served.
    try:
        active = Locale.objects.get_for_language(translation.get_language()).pk
    except (Locale.DoesNotExist, LookupError):
        active = None
    if page.locale_id != active:
        url = page.get_url(request)
        if url and url != request.path:
            return redirect(url)
    return None


# Last: after the home app has made the sites. Every run, not only the first: `PORT=8080 make
# run` after a run on 8000 moves the sites (and so every absolute link) to the new port.
@hooks.register(BOOTSTRAP, order=100)
def configured_hostnames(setup):
    for region, before, after in sync_hostnames():
        setup.stdout.write(f"{region.name}: {before[0]}:{before[1]} -> {after[0]}:{after[1]}")
