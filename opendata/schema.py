"""drf-spectacular hooks for the OpenAPI document at /api/openapi.json."""

API_PREFIX = "/api/"


def only_open_data(endpoints, **kwargs):
    """Describe only what is under /api/: the admin's own REST views (Wagtail's and
    wagtail-localize's) are not part of the public contract."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith(API_PREFIX)]
