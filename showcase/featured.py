"""The home page's "Children's work" section (registered in showcase/wagtail_hooks.py):
galleries that have something to show right now."""

from wagtail.models import Site

from showcase.models import ShowcasePage
from showcase.models.pages import galleries_showing_works, limit_cache_to_consent


def featured_galleries(request, home_page, limit=3):
    # Which galleries have works changes when a consent starts or ends.
    limit_cache_to_consent(request)
    site = Site.find_for_request(request)
    galleries = (
        ShowcasePage.objects.live()
        .public()
        .descendant_of(home_page)
        .filter(locale_id=home_page.locale_id)
        .order_by("path")
    )
    # The consent rule for every gallery at once, in the database (showcase.models.pages).
    return list(galleries_showing_works(galleries, site)[:limit])
