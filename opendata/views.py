"""What every open-data view shares (Open Referral UK and OpenActive alike), and the human
documentation page at /api/."""

from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from rest_framework.permissions import AllowAny
from rest_framework.views import APIView

from opendata.caching import conditional
from opendata.throttling import ClientRateThrottle


class OpenDataView(APIView):
    """Read-only, keyless, throttled per client, and cacheable.

    A view may set ``self.last_modified`` (an aware datetime) while answering, for the
    ``Last-Modified`` header, and ``self.cache_seconds`` for a lifetime other than
    ``OPENDATA_CACHE_SECONDS``. Errors come back as JSON from Django REST framework: 400 for bad
    parameters, 404, 405 for any method but GET, HEAD and OPTIONS, 429 over the limit.
    """

    http_method_names = ["get", "head", "options"]
    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = [ClientRateThrottle]
    last_modified = None
    cache_seconds = None

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            if hasattr(response, "render"):  # (a page from django.shortcuts.render has none)
                response.render()
            response = conditional(request, response, self.last_modified, self.cache_seconds)
        return response


def api_documentation(request):
    """/api/: what the API offers, its parameters, examples, licence, limits (HTML, no
    scripts: the site's Content-Security-Policy allows none from elsewhere)."""
    # Imported here: the OpenActive views are OpenDataViews, so they import this module.
    from opendata.openactive import modelling
    from opendata.openactive import views as openactive
    from opendata.openactive.models import FeedItem

    def absolute(name):
        return request.build_absolute_uri(reverse(name))

    base = absolute("opendata:openreferral:root")
    return render(
        request,
        "opendata/documentation.html",
        {
            "openreferral": base,
            "openactive": {
                "dataset": absolute("opendata:openactive:dataset"),
                "activities": absolute(f"opendata:openactive:feed-{FeedItem.Feed.ACTIVITIES}"),
                "providers": absolute(f"opendata:openactive:feed-{FeedItem.Feed.PROVIDERS}"),
                "art_forms": absolute(f"opendata:openactive:{modelling.ART_FORMS}"),
                "access_features": absolute(f"opendata:openactive:{modelling.ACCESS_FEATURES}"),
                "page_size": openactive.PAGE_SIZE,
                "full_page_seconds": openactive.FULL_PAGE_SECONDS,
                "last_page_seconds": openactive.LAST_PAGE_SECONDS,
            },
            "openapi": absolute("opendata:openapi"),
            "cache_seconds": settings.OPENDATA_CACHE_SECONDS,
            "throttle_rate": settings.OPENDATA_THROTTLE_RATE.replace("/", " per "),
            "licence_url": openactive.LICENCE_URL,
            "licence_name": openactive.LICENCE_NAME,
            "contact_email": settings.OPENDATA_CONTACT_EMAIL,
        },
    )
