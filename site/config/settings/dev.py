"""Local development: debug on, an insecure key that is only ever used on a developer's machine."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env("SECRET_KEY") or "django-insecure-local-development-only"
ALLOWED_HOSTS = env("ALLOWED_HOSTS") or ["localhost", "127.0.0.1", ".localhost", "[::1]"]
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=True)
# `make run` serves every regional site on port 8000 (wales.localhost:8000 and so on).
SITE_PORT = env.int("SITE_PORT", default=8000)
# runserver is one process: its memory may hold the page and site caches (settings/base.py).
CACHE_SHARED_BY_ALL_PROCESSES = True
