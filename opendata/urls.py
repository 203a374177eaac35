"""Everything under /api/: the Open Referral UK read API, the OpenActive feeds, and the OpenAPI
document that describes both (generated from the views by drf-spectacular)."""

from django.urls import include, path
from drf_spectacular.views import SpectacularJSONAPIView

app_name = "opendata"

urlpatterns = [
    path("openreferral/", include("opendata.openreferral.urls")),
    path("openactive/", include("opendata.openactive.urls")),
    path("openapi.json", SpectacularJSONAPIView.as_view(), name="openapi"),
]
