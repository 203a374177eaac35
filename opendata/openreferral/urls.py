"""Open Referral UK (HSDS 3.0, UK profile) read API: filled in by opendata/openreferral/views.py."""

app_name = "openreferral"

urlpatterns = []
