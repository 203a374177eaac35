"""Who may change what in the directory.

- "Directory reviewers" approve every change through the "Directory review" workflow.
- Each provider gets a "Provider editors: <name>" group whose members may add and edit pages
  in that provider's subtree only (its page and its activities), never publish them, and
  never touch another provider.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
)

REVIEWERS_GROUP = "Directory reviewers"
REVIEW_WORKFLOW = "Directory review"
PROVIDER_GROUP_PREFIX = "Provider editors: "


def _admin_access():
    return Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")


def _grant_pages(group, page, codenames):
    for codename in codenames:
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename=codename
        )
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def _grant_images(group):
    root = Collection.get_first_root_node()
    for codename in ("add_image", "choose_image"):
        permission = Permission.objects.get(
            content_type__app_label="wagtailimages", codename=codename
        )
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=permission
        )


def set_up_directory_review(directory_page):
    """Send every change under this directory page through review, and let reviewers act."""
    workflow = Workflow.objects.get(name=REVIEW_WORKFLOW)
    WorkflowPage.objects.update_or_create(page=directory_page, defaults={"workflow": workflow})
    reviewers = Group.objects.get(name=REVIEWERS_GROUP)
    _grant_pages(reviewers, directory_page, ["add_page", "change_page", "publish_page"])
    _grant_images(reviewers)


def provider_editors_group(provider):
    """The group for this provider's own staff, created on first use."""
    group, _ = Group.objects.get_or_create(name=f"{PROVIDER_GROUP_PREFIX}{provider.title}"[:150])
    group.permissions.add(_admin_access())
    _grant_pages(group, provider, ["add_page", "change_page"])
    _grant_images(group)
    return group
