"""`manage.py bootstrap`: what a production site needs, nothing from the demo, safe to run
again. Each app adds its steps through the ``bootstrap`` hook (core/bootstrap.py)."""

import os

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import GroupPagePermission, Page, Site, Workflow, WorkflowPage

from directory.models import ActivityPage, ArtForm, DirectoryIndexPage, ProviderPage
from home.models import HomePage, NavigationLink
from places.models import Place
from regions.models import RegionSettings
from showcase.models import Artwork, Child, ShowcaseIndexPage
from stories.models import StoryIndexPage, StoryPage
from tests.counts import row_counts

pytestmark = pytest.mark.django_db


def bootstrap():
    with open(os.devnull, "w") as devnull:
        call_command("bootstrap", stdout=devnull)


def counts():
    return row_counts(
        Page,
        Site,
        Place,
        Group,
        GroupPagePermission,
        Workflow,
        WorkflowPage,
        NavigationLink,
        ArtForm,
    )


@pytest.fixture(scope="module")
def bootstrapped(django_db_setup, django_db_blocker):
    """Bootstrap run twice on the fresh test database, undone after the module's tests."""
    with django_db_blocker.unblock():
        from django.db import transaction

        with transaction.atomic():
            bootstrap()
            first = counts()
            bootstrap()
            yield first
            transaction.set_rollback(True)


def test_running_it_again_changes_nothing(bootstrapped):
    assert counts() == bootstrapped


def test_it_makes_the_four_regional_sites_with_their_home_pages(bootstrapped, settings):
    regions = dict(RegionSettings.objects.values_list("region", "site__root_page__slug"))
    assert regions == {
        "england": "home",
        "wales": "home-wales",
        "scotland": "home-scotland",
        "northern-ireland": "home-northern-ireland",
    }
    assert Site.objects.count() == 4
    assert HomePage.objects.live().count() == 4
    # The placeholder "Welcome" page of a new Wagtail database is gone.
    assert not Page.objects.filter(depth=2, content_type__model="page").exists()
    england = Site.objects.get(is_default_site=True)
    assert england.root_page.slug == "home"
    assert {site.port for site in Site.objects.all()} == {settings.SITE_PORT}
    assert england.hostname == settings.REGIONAL_SITE_HOSTNAMES["england"]


def test_it_loads_places_and_term_translations(bootstrapped):
    assert Place.objects.filter(code="GB-LCE", locale__language_code="en").exists()
    assert Place.objects.filter(kind="local_authority", locale__language_code="en").count() > 200
    assert ArtForm.objects.filter(locale__language_code="cy").exists()


def test_it_makes_the_index_pages_under_review_and_in_the_navigation(bootstrapped):
    assert DirectoryIndexPage.objects.live().count() == 4
    england = Site.objects.get(is_default_site=True).root_page
    assert StoryIndexPage.objects.child_of(england).live().exists()
    assert ShowcaseIndexPage.objects.child_of(england).live().exists()
    reviewed = set(WorkflowPage.objects.values_list("workflow__name", "page__content_type__model"))
    assert {
        ("Directory review", "directoryindexpage"),
        ("Stories review", "storyindexpage"),
    } <= reviewed
    assert set(NavigationLink.objects.values_list("page__slug", "sort_order")) == {
        ("activities", -1),
        ("stories", 5),
        ("showcase", 50),
    }


def test_it_makes_the_workflows_and_groups(bootstrapped):
    assert {"Directory review", "Stories review"} <= set(
        Workflow.objects.values_list("name", flat=True)
    )
    assert {
        "Directory reviewers",
        "Story reviewers",
        "Safeguarding reviewers",
        "Editors",
    } <= set(Group.objects.values_list("name", flat=True))
    reviewers = Group.objects.get(name="Safeguarding reviewers")
    assert reviewers.permissions.filter(codename="review_artwork").exists()


def test_it_adds_no_demo_content(bootstrapped):
    assert not ProviderPage.objects.exists()
    assert not ActivityPage.objects.exists()
    assert not StoryPage.objects.exists()
    assert not Artwork.objects.exists()
    assert not Child.objects.exists()
    assert Page.objects.filter(depth=3).count() == 6  # four directories, stories, showcase
