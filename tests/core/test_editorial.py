"""One editorial rule for every app (core/editorial.py): a page's review workflow and the
rights groups hold on it follow the page into every language, however it is translated."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale

from core.translation_import import translate
from directory.factories import ProviderPageFactory
from directory.models import DirectoryIndexPage
from directory.permissions import provider_editors_group, set_up_directory_review
from home.models import StandardPage
from stories.models import StoryIndexPage
from stories.workflow import set_up_story_review

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_pages(home_page):
    """A home page with a directory (one provider) and a stories page, each put under its
    app's review in English, before any translation exists, as the demo and editors do."""
    directory = DirectoryIndexPage(title="Find activities", slug="activities")
    home_page.add_child(instance=directory)
    set_up_directory_review(directory)
    provider = ProviderPageFactory(parent=directory, slug="spark")
    provider_staff = provider_editors_group(provider)
    stories = StoryIndexPage(title="Stories", slug="stories", introduction="What we learn.")
    home_page.add_child(instance=stories)
    set_up_story_review(stories)
    about = StandardPage(title="About", slug="about")
    home_page.add_child(instance=about)
    return {
        "directory": directory,
        "provider": provider,
        "provider_staff": provider_staff,
        "stories": stories,
        "about": about,
    }


def welsh_version(page):
    """Translate the page into Welsh through wagtail-localize, as the directory's own tests do,
    and return the Welsh page."""
    translate(page, "cy", lambda text: None)
    return page.get_translation(Locale.objects.get(language_code="cy")).specific


def member_of(group_name, username):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_a_welsh_stories_page_made_through_wagtail_localize_is_under_stories_review(site_pages):
    welsh_stories = welsh_version(site_pages["stories"])

    assert welsh_stories.locale.language_code == "cy"
    assert welsh_stories.get_workflow().name == "Stories review"
    reviewer = member_of("Story reviewers", "story-reviewer")
    assert welsh_stories.permissions_for_user(reviewer).can_publish()


def test_the_directorys_welsh_pages_are_still_under_directory_review(site_pages):
    welsh_directory = welsh_version(site_pages["directory"])
    welsh_provider = welsh_version(site_pages["provider"])

    assert welsh_directory.get_workflow().name == "Directory review"
    assert welsh_provider.get_workflow().name == "Directory review"
    reviewer = member_of("Directory reviewers", "directory-reviewer")
    assert welsh_directory.permissions_for_user(reviewer).can_publish()
    # The provider's own staff edit their Welsh page too, and still cannot publish it.
    staff = member_of(site_pages["provider_staff"].name, "spark-staff")
    assert welsh_provider.permissions_for_user(staff).can_edit()
    assert not welsh_provider.permissions_for_user(staff).can_publish()


def test_a_review_stays_with_the_pages_its_app_covers(site_pages):
    """Neither review spills onto another app's translations, nor onto pages no app's policy
    covers."""
    welsh_stories = welsh_version(site_pages["stories"])
    welsh_about = welsh_version(site_pages["about"])

    assert welsh_stories.get_workflow().name == "Stories review"
    assert (
        not Group.objects.get(name="Directory reviewers")
        .page_permissions.filter(page=welsh_stories)
        .exists()
    )
    assert welsh_about.get_workflow() is None or welsh_about.get_workflow().name not in (
        "Stories review",
        "Directory review",
    )
