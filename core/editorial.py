"""One editorial rule for every app: a page's review workflow, and the editing rights groups
hold on it, follow the page into every language.

A translation is a new page in another tree (under the translated home page), where a
workflow or a group permission set on the source page does not reach. So an app declares an
``EditorialPolicy`` (which page types, which workflow and reviewers, which owning groups)
through the ``register_editorial_policy`` hook, in its ``wagtail_hooks.py``::

    @hooks.register(REGISTER_EDITORIAL_POLICY)
    def stories_review():
        return STORIES_REVIEW

``put_under_review`` sets the review on a page in every language it exists in, and
``follow_translations`` gives each translation made later what its other translations have,
whichever way it is made: wagtail-localize's views, its ``TranslationCreator``,
``copy_for_translation``, the demo's import (``core/translation_import.py``). It runs when a
page is created (connected in ``CoreConfig.ready``).
"""

from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from wagtail import hooks
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

REGISTER_EDITORIAL_POLICY = "register_editorial_policy"
REVIEWER_PERMISSIONS = ("add_page", "change_page", "publish_page")


@dataclass(frozen=True)
class EditorialPolicy:
    """Every change under these pages goes through ``workflow``, approved by ``reviewers``;
    groups named ``owner_prefix``... own a subtree each (a provider's staff) and hold
    ``owner_permissions`` there. All of it holds in every language."""

    page_types: tuple[str, ...]  # "app_label.ModelName" of the pages the policy is set on
    workflow: str
    reviewers: str
    reviewer_permissions: tuple[str, ...] = REVIEWER_PERMISSIONS
    owner_prefix: str = ""
    owner_permissions: tuple[str, ...] = ()

    def applies_to(self, page):
        return isinstance(page, tuple(apps.get_model(label) for label in self.page_types))


def policies():
    """Every app's policy, from the ``register_editorial_policy`` hooks."""
    return [hook() for hook in hooks.get_hooks(REGISTER_EDITORIAL_POLICY)]


def translations(page):
    """The page in every language it exists in, itself included."""
    return Page.objects.filter(translation_key=page.translation_key).order_by("path")


def ensure_review_workflow(policy):
    """The policy's one-task workflow, approved by its reviewers group (both made if missing;
    the apps' migrations make them on a new database)."""
    reviewers, _ = Group.objects.get_or_create(name=policy.reviewers)
    reviewers.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    task = GroupApprovalTask.objects.filter(name=policy.workflow).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=policy.workflow, active=True)
    task.groups.add(reviewers)
    workflow, _ = Workflow.objects.get_or_create(name=policy.workflow, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


def grant_pages(group, page, codenames):
    for codename in codenames:
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename=codename
        )
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def grant_in_every_language(group, page, codenames):
    for each in translations(page):
        grant_pages(group, each, codenames)


def _review(page, policy):
    workflow = Workflow.objects.get(name=policy.workflow)
    WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    grant_pages(Group.objects.get(name=policy.reviewers), page, policy.reviewer_permissions)


def put_under_review(page, policy):
    """Send every change under this page, in every language it exists in, through the
    policy's workflow, and let its reviewers act there."""
    for each in translations(page):
        _review(each, policy)


def follow_translations(page):
    """Give a new page what its other translations have under its policies: the review
    workflow, and the rights of the owning groups.

    Owning groups are found through their grants, not their names, since a group may be named
    after a page's title when it was made, in whichever language that was.
    """
    relevant = [policy for policy in policies() if policy.applies_to(page)]
    if not relevant:
        return
    others = translations(page).exclude(pk=page.pk)
    if not others.exists():
        return
    for policy in relevant:
        if WorkflowPage.objects.filter(page__in=others, workflow__name=policy.workflow).exists():
            _review(page, policy)
        if policy.owner_prefix:
            owners = Group.objects.filter(
                name__startswith=policy.owner_prefix, page_permissions__page__in=others
            ).distinct()
            for group in owners:
                grant_pages(group, page, policy.owner_permissions)


def follow_new_translation(sender, instance, created, raw=False, **kwargs):
    """post_save receiver, for every model: a page just created follows its translations.
    Fixtures (raw) carry their own workflow and permission rows."""
    if created and not raw and isinstance(instance, Page):
        follow_translations(instance)
