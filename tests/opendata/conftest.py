"""The Open Referral tests read the directory tests' seeded world (about fifty activities from
three providers, with an oracle record of each), so counts can be compared with the directory
page and with an independent computation."""

import pytest
from django.core.cache import cache

from tests.directory.conftest import (  # noqa: F401 (fixtures)
    directory_page,
    shared_directory_page,
    shared_world,
    world,
)

OPENREFERRAL = "/api/openreferral/"


@pytest.fixture(autouse=True)
def _generous_limit(settings):
    """Tests make many requests from one address; the throttle test sets its own limit."""
    settings.OPENDATA_THROTTLE_RATE = "100000/minute"
    cache.clear()


def get(client, path, **params):
    return client.get(OPENREFERRAL + path, params)


def walk(client, path, **params):
    """Every item of a list, page by page."""
    items, page = [], 1
    while True:
        body = get(client, path, page=page, per_page=100, **params).json()
        items.extend(body["contents"])
        if body["last_page"] or not body["contents"]:
            return items
        page += 1
