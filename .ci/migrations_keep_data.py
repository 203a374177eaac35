"""Migrations keep data: a database built by `make run` on an earlier main migrates forward
with today's code, losing no row, and the site still serves it.

    .venv/bin/python .ci/migrations_keep_data.py [--base COMMIT] [--database-url URL]

It unpacks the earlier main (default: the last commit before the shared apps moved into core/,
places/ and regions/) into a temporary folder, runs its `migrate` and `load_demo` on a fresh
database, counts what a reader and an editor depend on, then runs this checkout's `migrate`
on the same database and counts again. It fails if any count changed, if Django's checks
fail, or if the home page, the directory or a showcase work page does not answer 200.
Both runs use this checkout's virtualenv: the pinned runtime requirements did not change.
"""

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
# The main that `make run` users had before the house moved (core/, places/, regions/).
DEFAULT_BASE = "a57aef7"

# What must survive, by model; a model may have moved app, so each is named by its candidates
# (the first that exists in that version of the code is counted).
COUNTED = {
    "pages": ["wagtailcore.Page"],
    "page revisions": ["wagtailcore.Revision"],
    "sites": ["wagtailcore.Site"],
    "places": ["places.Place", "directory.Place"],
    "art forms": ["directory.ArtForm"],
    "activities": ["directory.ActivityPage"],
    "providers": ["directory.ProviderPage"],
    "stories": ["stories.StoryPage"],
    "artworks": ["showcase.Artwork"],
    "children": ["showcase.Child"],
    "consent entries": ["showcase.ConsentRecord"],
    "images": ["core.SiteImage", "home.SiteImage"],
    "translatable objects": ["wagtail_localize.TranslatableObject"],
    "group page permissions": ["wagtailcore.GroupPagePermission"],
    "group permissions": ["auth.Group_permissions"],
    "workflow pages": ["wagtailcore.WorkflowPage"],
}
# Counts a migration may raise but never lower: a moved model's content type is renamed, not
# added, so the number of types grows only by the new models' own; and a data migration may
# grant an existing group rights on a new model (the safeguarding reviewers on withdrawal
# requests, editors on the mailing list).
MAY_GROW = {"content types", "group permissions"}
# Which region each site serves, wherever the setting lives in that version.
REGION_SETTINGS = ["regions.RegionSettings", "home.SiteSettings"]

COUNT = """
import json
from django.apps import apps
from django.contrib.contenttypes.models import ContentType

def model(candidates):
    for label in candidates:
        app_label, name = label.split(".")
        try:
            return apps.get_model(app_label, name)
        except LookupError:
            pass
        try:
            through = apps.get_model(app_label, name.split("_")[0])
            return getattr(through, name.split("_", 1)[1]).through
        except (LookupError, AttributeError, IndexError):
            pass
    raise LookupError(candidates)

counted = {key: model(labels).objects.count() for key, labels in COUNTED.items()}
regions = model(REGION_SETTINGS)
counted["site regions"] = sorted(
    (row.site.hostname, row.region) for row in regions.objects.select_related("site")
)
counted["content types"] = ContentType.objects.count()
print("COUNTS " + json.dumps(counted))
"""

SERVES = """
from urllib.parse import urlsplit
from django.test import Client
from wagtail.models import Site
from showcase.models import ShowcasePage

site = Site.objects.get(is_default_site=True)
paths = ["/", "/activities/"]
for gallery in ShowcasePage.objects.live().descendant_of(site.root_page).specific():
    work = gallery.works(site).first()
    if work is not None:
        paths.append(urlsplit(gallery.work_url(work)).path)
        break
else:
    raise AssertionError("no gallery shows a work")
client = Client()
for path in paths:
    status = client.get(path, HTTP_HOST=site.hostname).status_code
    print(path, status)
    assert status == 200, (path, status)
print("SERVES ok")
"""


def run(args, cwd, env, capture=False):
    print("$", " ".join(args), f"(in {cwd})", flush=True)
    result = subprocess.run(  # noqa: S603 (fixed argument lists)
        args, cwd=cwd, env=env, check=True, text=True, capture_output=capture
    )
    return result.stdout if capture else None


def manage(cwd, env, *args, capture=False):
    return run([PYTHON, "manage.py", *args], cwd, env, capture=capture)


def counts(cwd, env):
    code = f"COUNTED = {COUNTED!r}\nREGION_SETTINGS = {REGION_SETTINGS!r}\n{COUNT}"
    output = manage(cwd, env, "shell", "-c", code, capture=True)
    line = next(line for line in output.splitlines() if line.startswith("COUNTS "))
    return json.loads(line.removeprefix("COUNTS "))


def unpack(commit, into):
    archive = subprocess.run(  # noqa: S603
        ["git", "archive", "--format=tar", commit],  # noqa: S607
        cwd=ROOT,
        check=True,
        capture_output=True,
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default=DEFAULT_BASE)
    parser.add_argument("--database-url", default="")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="artsbackpack-migrate-") as scratch:
        scratch = Path(scratch)
        old = scratch / "old"
        unpack(options.base, old)
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.dev",
            "DATABASE_URL": options.database_url or f"sqlite:///{scratch / 'db.sqlite3'}",
            "MEDIA_ROOT": str(scratch / "media"),
            "SHOWCASE_PRIVATE_ROOT": str(scratch / "private"),
            "SITE_PORT": "8000",
        }
        env.pop("PYTEST_ADDOPTS", None)
        manage(old, env, "migrate", "--noinput", "-v0")
        manage(old, env, "load_demo")
        before = counts(old, env)
        print("before:", json.dumps(before, indent=1))

        manage(ROOT, env, "migrate", "--noinput")
        manage(ROOT, env, "check")
        after = counts(ROOT, env)
        print("after:", json.dumps(after, indent=1))
        manage(ROOT, env, "shell", "-c", SERVES)

    lost = {
        key: (before[key], after.get(key))
        for key in before
        if before[key] != after.get(key)
        and not (key in MAY_GROW and (after.get(key) or 0) > before[key])
    }
    for key in sorted(MAY_GROW & before.keys()):
        if before[key] != after.get(key):
            print(f"{key}: {before[key]} -> {after.get(key)} (new models' own)")
    if lost:
        print("Migrations changed these (before, after):", lost)
        return 1
    kept = len(before) - len(MAY_GROW & before.keys())
    print(f"migrations keep data: {kept} counts unchanged since {options.base}, none lowered")
    return 0


if __name__ == "__main__":
    sys.exit(main())
