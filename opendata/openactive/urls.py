"""OpenActive RPDE feeds and dataset page: filled in by opendata/openactive/views.py."""

app_name = "openactive"

urlpatterns = []
