"""The site's cache policy: what may be kept, by whom, and for how long.

The rules: a page that shows children's work may be cached only until the soonest consent
expiry among the works it shows and is purged on any consent change; backpack pages, forms
with CSRF tokens, previews and logged-in views are never cached; a cache that fails means
uncached. No full-page cache is in use yet, so today the policy is the headers responses
send; a page cache, when one comes, reads its rules from here too.
"""

from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import cache_control

# For responses that change only with a deployment and say nothing about anyone (robots.txt):
# any cache may keep them for a day.
public_for_a_day = cache_control(max_age=24 * 60 * 60, public=True)

# Set whole rather than patched in as Django's add_never_cache_headers does, so no directive
# added earlier (s-maxage, stale-while-revalidate) survives to let a shared cache keep a copy.
NEVER = "private, no-cache, no-store, must-revalidate, max-age=0"


def never_cache(response):
    """Mark a response to be kept by no one: not browsers, proxies or a page cache."""
    add_never_cache_headers(response)  # also sets Expires to now
    response["Cache-Control"] = NEVER
    return response
