"""Test settings: fast, isolated and independent of whatever services the machine runs.

DATABASE_URL is still honoured so the same suite runs on SQLite and on PostgreSQL.
"""

import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "tests-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1", ".localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Tests change content without the events that purge the page cache (a factory's save, an
# update()); tests/cache/ turns it on. Its headers are sent either way.
PAGE_CACHE_ENABLED = False
WAGTAILFRONTENDCACHE = {}
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
STATIC_ROOT = tempfile.mkdtemp(prefix="artsbackpack-test-static-")
MEDIA_ROOT = tempfile.mkdtemp(prefix="artsbackpack-test-media-")
SHOWCASE_PRIVATE_ROOT = tempfile.mkdtemp(prefix="artsbackpack-test-private-")
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Serve static files straight from the source folders, so link checks and browser tests see the
# same CSS, JS and images as a reader, without a collectstatic step.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
SERVE_MEDIA = True
# Templates that only tests use (a section registered by a test-only hook, for one).
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BASE_DIR / "tests" / "templates"]  # noqa: F405
# Anonymous searches are counted one in SEARCH_HIT_SAMPLE at random in production; tests count
# every one, so a page's query count does not depend on chance (tests of the sampling set it).
SEARCH_HIT_SAMPLE = 1
# Each test process has its own database and its own memory.
CACHE_SHARED_BY_ALL_PROCESSES = True
