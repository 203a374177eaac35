"""Schemathesis over the whole OpenAPI document at /api/openapi.json, in process (the WSGI
application against the seeded test world): for generated requests to every operation, no
server error, and every response matches what the document says (status, content type,
headers, body schema). It covers whatever is under /api/ (the OpenActive feeds too).

The operations are walked in one test with a Hypothesis run each (schemathesis's own pytest
loader reads a pytest attribute that pytest 9 no longer has). Kept to a minute or so: a few
examples per operation, no deadline per example.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

EXAMPLES_PER_OPERATION = 15


# Requests the document cannot describe as invalid, so are schema-valid yet refused with a 400:
# a postcode the directory does not know, a proximity with no postcode to measure it from; an
# RPDE position given by only one of afterTimestamp and afterId (OpenAPI 3.0 has no way to say
# that two query parameters go together; each parameter's own range and pattern is declared).
REFUSES_VALID_LOOKING_INPUT = {
    "GET /api/openreferral/service_at_locations",
    "GET /api/openactive/feeds/activities",
    "GET /api/openactive/feeds/providers",
}


def run_operation(operation):
    excluded = [positive_data_acceptance] if operation.label in REFUSES_VALID_LOOKING_INPUT else []

    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def check(case):
        # The WSGI client does not undo the site's gzip: ask for the body as it is.
        case.call_and_validate(headers={"Accept-Encoding": "identity"}, excluded_checks=excluded)

    check()


@pytest.fixture
def connection_kept_open():
    """The plain WSGI application closes the database connection after each request, as a
    server should; here that connection holds the test's transaction (on PostgreSQL closing
    it ends the test's world). Django's own test client keeps it open the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_the_api_keeps_its_contract(world, connection_kept_open):
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())
    labels = []
    for result in schema.get_all_operations():
        operation = result.ok()
        labels.append(operation.label)
        run_operation(operation)  # raises schemathesis's report of the first failure
    assert len(labels) >= 11, labels


def test_the_document_describes_every_open_referral_endpoint(client, world):
    document = client.get("/api/openapi.json").json()
    paths = set(document["paths"])
    for path in (
        "/api/openreferral/",
        "/api/openreferral/services",
        "/api/openreferral/services/{id}",
        "/api/openreferral/service_at_locations",
        "/api/openreferral/service_at_locations/{id}",
        "/api/openreferral/organizations",
        "/api/openreferral/organizations/{id}",
        "/api/openreferral/taxonomies",
        "/api/openreferral/taxonomies/{id}",
        "/api/openreferral/taxonomy_terms",
        "/api/openreferral/taxonomy_terms/{id}",
    ):
        assert path in paths
    assert all(path.startswith("/api/") for path in paths)
