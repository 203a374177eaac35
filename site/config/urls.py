from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.static import serve as serve_file
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from core.security_headers import csp_report
from core.views import favicon, robots_txt
from regions.sitemaps import SiteSitemap
from search.views import search

# A database outage answers 503 with Retry-After, whichever middleware or view met it.
handler500 = "core.health.server_error"

# Outside the language prefix: the admin, documents, and files crawlers look for at the root.
urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": SiteSitemap}}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("favicon.ico", favicon, name="favicon"),
    # Content-Security-Policy violation reports, logged (core/security_headers.py).
    path("csp-report/", csp_report, name="csp_report"),
    # Children's artwork pictures, checked against consent on every request (never /media/).
    path("showcase-media/", include("showcase.urls")),
    # The mailing list's unsubscribe link: it carries its own language, so it has no prefix.
    path("mailing-list/", include("home.urls")),
    # Open data: Open Referral UK, OpenActive and their OpenAPI document (opendata/). One address
    # for every language; a response's language is chosen by a parameter, never a prefix.
    path("api/", include("opendata.urls")),
]

if settings.SERVE_MEDIA:
    urlpatterns.append(
        re_path(r"^media/(?P<path>.*)$", serve_file, {"document_root": settings.MEDIA_ROOT})
    )

# Public pages and search, under /cy/, /gd/, /ga/ for those languages; English has no prefix.
urlpatterns += i18n_patterns(
    path("search/", search, name="search"),
    # The class backpack: saved activities, class plans and booking requests (never cached).
    path("backpack/", include("backpack.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
