"""A provider's own staff edit only their subtree, and every change waits for a reviewer."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Locale
from wagtail.test.utils.form_data import rich_text

from core.translation_import import translate
from directory.factories import ActivityPageFactory, ProviderPageFactory
from directory.models import ArtForm, DeliveryLanguage, Format
from directory.permissions import (
    REVIEW_WORKFLOW,
    REVIEWERS_GROUP,
    provider_editors_group,
    set_up_directory_review,
)
from places.models import Place

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(directory_page):
    set_up_directory_review(directory_page)
    spark = ProviderPageFactory(parent=directory_page, slug="spark")
    arena = ProviderPageFactory(parent=directory_page, slug="arena")
    spark_activity = ActivityPageFactory(parent=spark, title="Samba", slug="samba")
    arena_activity = ActivityPageFactory(parent=arena, title="Circus", slug="circus")
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


# --- Translations: a translated page lives in its own tree, under the translated home page ---


def form_as_sent(html, form_id="page-edit-form"):
    """What a browser would post for the admin page form as rendered: every named field with
    its current value (checked boxes and selected options only)."""
    form = BeautifulSoup(html, "html.parser").find("form", id=form_id)
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.get("type") in ("submit", "button", "file"):
            continue
        if field.name == "select":
            values = [
                option.get("value", option.text)
                for option in field.find_all("option")
                if option.has_attr("selected")
            ]
        elif field.get("type") in ("checkbox", "radio"):
            values = [field.get("value", "on")] if field.has_attr("checked") else []
        elif field.name == "textarea":
            values = [field.text.lstrip("\n")]
        else:
            values = [field.get("value", "")]
        data.setdefault(name, []).extend(values)
    return data


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def add_activity_url(parent):
    return reverse("wagtailadmin_pages:add", args=["directory", "activitypage", parent.pk])


@pytest.fixture
def welsh(setup):
    """The two providers and their activities translated into Welsh through wagtail-localize,
    after the groups and the review were set up (as the demo does, and as editors do)."""
    for page in ("spark", "spark_activity", "arena", "arena_activity"):
        translate(setup[page], "cy", lambda text: None)
    cy = Locale.objects.get(language_code="cy")
    return {
        name: setup[name].get_translation(cy)
        for name in ("spark", "spark_activity", "arena", "arena_activity")
    }


def test_provider_editor_edits_their_welsh_pages(client, setup, welsh):
    client.force_login(setup["editor"])
    for page in (welsh["spark"], welsh["spark_activity"]):
        response = client.get(edit_url(page))
        assert response.status_code == 200, page
        assert page.title.encode() in response.content
    # wagtail-localize's editor offers them no publish button, and refuses a publish sent anyway
    # (Wagtail answers a refusal by sending the user back to the dashboard).
    activity = welsh["spark_activity"]
    assert not activity.permissions_for_user(setup["editor"]).can_publish()
    live_revision = activity.live_revision_id
    assert client.post(edit_url(activity), {"action": "publish"}).status_code in (302, 403)
    activity.refresh_from_db()
    assert activity.live_revision_id == live_revision


def test_provider_editor_adds_an_activity_in_their_welsh_tree(client, setup, welsh):
    client.force_login(setup["editor"])
    url = add_activity_url(welsh["spark"])
    response = client.get(url)
    assert response.status_code == 200
    data = form_as_sent(response.content.decode())
    data.update(
        {
            "title": "Gweithdy drymio",
            "slug": "gweithdy-drymio",
            "summary": "Drymio i blant.",
            **{
                name: [
                    str(term.pk)
                    for term in model.objects.filter(locale__language_code="en", slug=slug)
                ]
                for name, model, slug in (
                    ("art_forms", ArtForm, "music"),
                    ("formats", Format, "comes-to-school"),
                    ("delivery_languages", DeliveryLanguage, "welsh"),
                )
            },
            # A Welsh page is offered Cardiff under its Welsh name (core/admin_forms.py).
            "places": [str(Place.objects.get(locale__language_code="cy", code="GB-CRF").pk)],
            "description": rich_text("<p>Drymio.</p>"),
            "age_min": "5",
            "age_max": "11",
            "is_free": "on",
            "action-submit": "Submit",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302
    added = welsh["spark"].get_children().get(slug="gweithdy-drymio").specific
    assert added.locale.language_code == "cy"
    assert not added.live  # waiting for a reviewer, not published
    assert added.current_workflow_state.workflow.name == REVIEW_WORKFLOW


def test_provider_editor_is_refused_another_providers_welsh_pages(client, setup, welsh):
    client.force_login(setup["editor"])
    for page in (welsh["arena"], welsh["arena_activity"]):
        assert client.get(edit_url(page)).status_code in (302, 403), page
    assert client.get(add_activity_url(welsh["arena"])).status_code in (302, 403)
    assert client.post(edit_url(welsh["arena_activity"]), {"action": "publish"}).status_code in (
        302,
        403,
    )
    welsh["arena_activity"].refresh_from_db()
    assert welsh["arena_activity"].title == "Circus"


def test_a_group_made_after_the_translation_still_covers_it(client, directory_page):
    set_up_directory_review(directory_page)
    dance = ProviderPageFactory(parent=directory_page, slug="dance")
    translate(dance, "cy", lambda text: None)
    editor = get_user_model().objects.create_user("dance-staff", "staff@dance.example", "pw")
    editor.groups.add(provider_editors_group(dance))
    client.force_login(editor)
    welsh_dance = dance.get_translation(Locale.objects.get(language_code="cy"))
    assert client.get(edit_url(welsh_dance)).status_code == 200
    assert client.get(add_activity_url(welsh_dance)).status_code == 200


def test_a_change_to_a_welsh_activity_waits_for_directory_review(client, setup):
    # Translated with Wagtail's own copy (no wagtail-localize record), after the set-up, so the
    # page is edited in Wagtail's page editor, where changes are submitted to the workflow.
    cy = Locale.objects.get(language_code="cy")
    activity = setup["spark_activity"].copy_for_translation(cy, copy_parents=True)
    activity.save_revision().publish()
    assert activity.get_workflow().name == REVIEW_WORKFLOW

    client.force_login(setup["editor"])
    response = client.get(edit_url(activity))
    assert response.status_code == 200
    data = form_as_sent(response.content.decode())
    data["title"] = "Samba, gyda gorymdaith"
    data["action-submit"] = "Submit"
    assert client.post(edit_url(activity), data).status_code == 302
    activity.refresh_from_db()
    assert activity.title == "Samba"  # the live page is unchanged while in review
    state = activity.current_workflow_state
    assert state.workflow.name == REVIEW_WORKFLOW

    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, setup["reviewer"], "approve")
    activity.refresh_from_db()
    assert activity.title == "Samba, gyda gorymdaith"


def test_a_directory_translated_before_set_up_is_reviewed_too(directory_page):
    welsh_directory = directory_page.copy_for_translation(
        Locale.objects.get(language_code="cy"), copy_parents=True
    )
    set_up_directory_review(directory_page)
    assert welsh_directory.get_workflow().name == REVIEW_WORKFLOW
    reviewer = get_user_model().objects.create_user("reviewer", "reviewer@example.org", "pw")
    reviewer.groups.add(Group.objects.get(name=REVIEWERS_GROUP))
    assert welsh_directory.permissions_for_user(reviewer).can_publish()
