#!/usr/bin/env python
"""Django's command-line entry point for the Arts Backpack site."""

import os
import sys
from pathlib import Path

# The configuration package lives in site/config; "site" itself cannot be a package because it
# would shadow the standard library's site module, so the folder is put on the import path.
sys.path.insert(0, str(Path(__file__).resolve().parent / "site"))


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
