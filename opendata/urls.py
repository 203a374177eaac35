"""Everything under /api/: the Open Referral UK read API, the OpenActive feeds, and the OpenAPI
document that describes both (generated from the views by drf-spectacular), with a page of
documentation for people at /api/."""

from django.urls import include, path
from drf_spectacular.views import SpectacularJSONAPIView

from opendata.throttling import ClientRateThrottle
from opendata.views import api_documentation

app_name = "opendata"

urlpatterns = [
    path("", api_documentation, name="documentation"),
    path("openreferral/", include("opendata.openreferral.urls")),
    path("openactive/", include("opendata.openactive.urls")),
    path(
        "openapi.json",
        SpectacularJSONAPIView.as_view(throttle_classes=[ClientRateThrottle]),
        name="openapi",
    ),
]
