"""WSGI entry point (gunicorn config.wsgi, run with site/ on the path or via `--chdir site`)."""

import os
import sys
from pathlib import Path

# Make the project root (apps) and site/ (this package) importable whatever the working directory.
_SITE_DIR = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(_SITE_DIR), str(_SITE_DIR.parent)]

from django.core.wsgi import get_wsgi_application  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

application = get_wsgi_application()
