"""Configuration comes from the environment: each variable switches on what it names.

Settings are evaluated once per process, so each case runs in a fresh interpreter with exactly
the environment under test.
"""

import json
import os
import secrets
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CONFIG_VARIABLES = [
    "DATABASE_URL",
    "ELASTICSEARCH_URL",
    "REDIS_URL",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "AWS_STORAGE_BUCKET_NAME",
    "DEBUG",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
]


def run_python(code, settings="config.settings.dev", **variables):
    env = {key: value for key, value in os.environ.items() if key not in CONFIG_VARIABLES}
    env.update(DJANGO_SETTINGS_MODULE=settings, PYTHONPATH=f"{ROOT / 'site'}{os.pathsep}{ROOT}")
    env.update(variables)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def resolved_settings(settings="config.settings.dev", **variables):
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({'db': s.DATABASES['default'], 'search': s.WAGTAILSEARCH_BACKENDS, "
        "'cache': s.CACHES['default'], 'storages': s.STORAGES}, default=str))"
    )
    result = run_python(code, settings, **variables)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_defaults_need_no_services():
    resolved = resolved_settings()
    assert resolved["db"]["ENGINE"] == "django.db.backends.sqlite3"
    assert resolved["search"]["default"]["BACKEND"] == "search.backends.database"
    assert resolved["cache"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    assert resolved["storages"]["default"]["BACKEND"].endswith("FileSystemStorage")


def test_database_url_selects_postgresql():
    resolved = resolved_settings(DATABASE_URL="postgres://backpack:pw@db.internal:5433/backpack")
    assert resolved["db"]["ENGINE"] == "django.db.backends.postgresql"
    assert (resolved["db"]["HOST"], resolved["db"]["PORT"], resolved["db"]["NAME"]) == (
        "db.internal",
        5433,
        "backpack",
    )


def test_elasticsearch_url_selects_wagtails_elasticsearch_backend():
    resolved = resolved_settings(ELASTICSEARCH_URL="http://search.internal:9200")
    backend = resolved["search"]["default"]
    # Wrapped so that a search Elasticsearch cannot answer comes from the database index, which
    # is kept up to date beside it (search/backends/fallback.py).
    assert backend["BACKEND"] == "search.backends.fallback"
    assert backend["PRIMARY"] == "wagtail.search.backends.elasticsearch9"
    assert backend["URLS"] == ["http://search.internal:9200"]
    assert resolved["search"]["database"]["BACKEND"] == "search.backends.database"


def test_elasticsearch_backend_builds_mappings_for_our_pages():
    """Without a server, prove the backend loads with our settings and maps our search fields."""
    code = (
        "import json, django; django.setup(); "
        "from wagtail.search.backends import get_search_backend; "
        "from home.models import HomePage, StandardPage; "
        "backend = get_search_backend(); "
        "print(json.dumps({'class': [c.__name__ for c in type(backend).__mro__], "
        "'home': backend.mapping_class(HomePage).get_mapping(), "
        "'standard': backend.mapping_class(StandardPage).get_mapping()}))"
    )
    result = run_python(code, ELASTICSEARCH_URL="http://search.internal:9200")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout.strip().splitlines()[-1])
    assert "Elasticsearch9SearchBackend" in data["class"]
    mapped = json.dumps(data["home"]) + json.dumps(data["standard"])
    for field in ("hero_heading", "introduction", "listing_summary", "body"):
        assert field in mapped


def test_redis_url_selects_the_fail_safe_redis_cache():
    # Django's RedisCache, wrapped so that a Redis outage means uncached (core/resilient_cache.py).
    resolved = resolved_settings(REDIS_URL="redis://cache.internal:6379/2")
    assert resolved["cache"]["BACKEND"] == "core.resilient_cache.FailSafeRedisCache"
    assert resolved["cache"]["LOCATION"] == "redis://cache.internal:6379/2"


def redis_is_running():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        return False
    return True


def test_redis_cache_round_trip_against_a_real_server():
    if not redis_is_running():
        if os.environ.get("CI"):
            pytest.fail("CI machines run Redis on 127.0.0.1:6379, but it is not reachable.")
        pytest.skip("No Redis server on 127.0.0.1:6379 on this machine.")
    token = secrets.token_hex(8)
    code = (
        "import django; django.setup(); from django.core.cache import cache; "
        f"cache.set('settings-test', '{token}', 30); print(cache.get('settings-test'))"
    )
    result = run_python(code, REDIS_URL="redis://127.0.0.1:6379/9")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == token


def test_storage_bucket_switches_media_to_s3():
    resolved = resolved_settings(AWS_STORAGE_BUCKET_NAME="backpack-media")
    assert resolved["storages"]["default"]["BACKEND"] == "storages.backends.s3.S3Storage"


def production_env(tmp_path, **overrides):
    env = {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "artsbackpack.example",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'production.sqlite3'}",
    }
    env.update(overrides)
    return {key: value for key, value in env.items() if value is not None}


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = run_python(
        "import django; django.setup()",
        "config.settings.production",
        **production_env(tmp_path, SECRET_KEY=None),
    )
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_passes_the_deployment_checks(tmp_path):
    code = (
        "import sys; from django.core.management import execute_from_command_line; "
        "execute_from_command_line(['manage.py', 'check', '--deploy', '--fail-level', 'WARNING'])"
    )
    result = run_python(code, "config.settings.production", **production_env(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_are_secure(tmp_path):
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps([s.DEBUG, s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, "
        "s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS, s.STORAGES['staticfiles']['BACKEND'], "
        "'whitenoise.middleware.WhiteNoiseMiddleware' in s.MIDDLEWARE]))"
    )
    result = run_python(code, "config.settings.production", **production_env(tmp_path))
    assert result.returncode == 0, result.stderr
    debug, ssl, session, csrf, hsts, static, whitenoise = json.loads(result.stdout.splitlines()[-1])
    assert (debug, ssl, session, csrf, whitenoise) == (False, True, True, True, True)
    assert hsts >= 31536000
    assert static == "whitenoise.storage.CompressedManifestStaticFilesStorage"
