"""ASGI entry point, for servers that speak ASGI."""

import os
import sys
from pathlib import Path

_SITE_DIR = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(_SITE_DIR), str(_SITE_DIR.parent)]

from django.core.asgi import get_asgi_application  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

application = get_asgi_application()
