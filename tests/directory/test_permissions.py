"""A provider's own staff edit only their subtree, and every change waits for a reviewer."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from directory.permissions import REVIEWERS_GROUP, provider_editors_group, set_up_directory_review
from tests.directory.conftest import make_activity, make_provider

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(directory_page):
    set_up_directory_review(directory_page)
    spark = make_provider(directory_page, "spark")
    arena = make_provider(directory_page, "arena")
    spark_activity = make_activity(spark, title="Samba", slug="samba")
    arena_activity = make_activity(arena, title="Circus", slug="circus")
    User = get_user_model()
    editor = User.objects.create_user("spark-staff", "staff@spark.example", "pw")
    editor.groups.add(provider_editors_group(spark))
    reviewer = User.objects.create_user("reviewer", "reviewer@example.org", "pw")
    reviewer.groups.add(Group.objects.get(name=REVIEWERS_GROUP))
    return {
        "spark": spark,
        "arena": arena,
        "spark_activity": spark_activity,
        "arena_activity": arena_activity,
        "editor": editor,
        "reviewer": reviewer,
    }


def test_provider_editor_edits_only_their_own_subtree(setup):
    editor = setup["editor"]
    own = setup["spark_activity"].permissions_for_user(editor)
    other = setup["arena_activity"].permissions_for_user(editor)
    assert own.can_edit()
    assert not own.can_publish()
    assert setup["spark"].permissions_for_user(editor).can_add_subpage()
    assert not other.can_edit()
    assert not setup["arena"].permissions_for_user(editor).can_add_subpage()


def test_provider_editor_is_turned_away_from_another_provider_in_the_admin(client, setup):
    client.force_login(setup["editor"])
    own = client.get(reverse("wagtailadmin_pages:edit", args=[setup["spark_activity"].pk]))
    other = client.get(reverse("wagtailadmin_pages:edit", args=[setup["arena_activity"].pk]))
    assert own.status_code == 200
    assert other.status_code in (302, 403)
    setup["arena_activity"].refresh_from_db()
    before = setup["arena_activity"].title
    client.post(
        reverse("wagtailadmin_pages:edit", args=[setup["arena_activity"].pk]), {"title": "Hijacked"}
    )
    setup["arena_activity"].refresh_from_db()
    assert setup["arena_activity"].title == before


def test_changes_wait_for_directory_review(setup):
    activity = setup["spark_activity"]
    workflow = activity.get_workflow()
    assert workflow.name == "Directory review"

    activity.title = "Samba, now with a parade"
    revision = activity.save_revision(user=setup["editor"])
    state = workflow.start(activity, setup["editor"])
    activity.refresh_from_db()
    assert activity.title == "Samba"  # the live page is unchanged while in review
    task_state = state.current_task_state
    assert task_state.task.specific.user_can_access_editor(activity, setup["reviewer"])
    assert not task_state.task.specific.get_actions(activity, setup["editor"])
    assert task_state.task.specific.get_actions(activity, setup["reviewer"])

    task_state.task.specific.on_action(task_state, setup["reviewer"], "approve")
    activity.refresh_from_db()
    assert activity.title == "Samba, now with a parade"
    assert activity.live_revision_id == revision.pk
