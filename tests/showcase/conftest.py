"""A small showcase world: a site, an index and a gallery (children, consent and works in any
state come from showcase/factories.py)."""

import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User

from showcase.factories import ShowcaseIndexPageFactory, ShowcasePageFactory


@pytest.fixture(autouse=True)
def _fresh_private_root():
    """Each test starts with an empty private folder, so "no file remains" means this test."""
    root = Path(settings.SHOWCASE_PRIVATE_ROOT)
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True, exist_ok=True)
    yield
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True, exist_ok=True)


@pytest.fixture
def site(home_page):
    return home_page.get_site()


@pytest.fixture
def showcase(home_page):
    index = ShowcaseIndexPageFactory(parent=home_page)
    return index, ShowcasePageFactory(parent=index)


@pytest.fixture
def gallery(showcase):
    return showcase[1]


@pytest.fixture
def admin_user(db):
    return User.objects.create_superuser("root", "root@example.org", "pw")


@pytest.fixture
def editor(db):
    user = User.objects.create_user("editor", "editor@example.org", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def reviewer(db):
    user = User.objects.create_user("reviewer", "reviewer@example.org", "pw")
    user.groups.add(Group.objects.get(name="Safeguarding reviewers"))
    return user


def private_files():
    root = Path(settings.SHOWCASE_PRIVATE_ROOT)
    return sorted(path for path in root.rglob("*") if path.is_file())


def media_files():
    root = Path(settings.MEDIA_ROOT)
    return sorted(path for path in root.rglob("*") if path.is_file())
