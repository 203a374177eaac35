"""The front-end cache is configured from the environment, off by default (each case in a
fresh interpreter, as in tests/config/test_settings.py)."""

import json

from tests.config.test_settings import run_python

FRONTEND_VARIABLES = {
    "FRONTEND_CACHE_VARNISH_URL": "",
    "FRONTEND_CACHE_CLOUDFLARE_TOKEN": "",
    "FRONTEND_CACHE_CLOUDFLARE_ZONEID": "",
    "FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID": "",
}


def frontend_cache(**variables):
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps([s.WAGTAILFRONTENDCACHE, s.PAGE_CACHE_SHARED_SECONDS]))"
    )
    result = run_python(code, **{**FRONTEND_VARIABLES, **variables})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_no_front_end_cache_by_default():
    backends, shared_seconds = frontend_cache()
    assert backends == {}
    assert shared_seconds == 600


def test_each_variable_configures_its_backend():
    backends, _seconds = frontend_cache(
        FRONTEND_CACHE_VARNISH_URL="http://varnish.internal:6081",
        FRONTEND_CACHE_CLOUDFLARE_TOKEN="token",  # noqa: S106 (a test value)
        FRONTEND_CACHE_CLOUDFLARE_ZONEID="zone",
        FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID="E123",
        PAGE_CACHE_SHARED_SECONDS="3600",
    )
    assert backends["varnish"]["BACKEND"].endswith("HTTPBackend")
    assert backends["varnish"]["LOCATION"] == "http://varnish.internal:6081"
    assert backends["cloudflare"]["BEARER_TOKEN"] == "token"  # noqa: S105 (a test value)
    assert backends["cloudflare"]["ZONEID"] == "zone"
    assert backends["cloudfront"]["DISTRIBUTION_ID"] == "E123"


def test_cloudflare_needs_its_zone_too():
    backends, _seconds = frontend_cache(FRONTEND_CACHE_CLOUDFLARE_TOKEN="token")  # noqa: S106
    assert backends == {}
