"""Who may change what in the directory.

- "Directory reviewers" approve every change through the "Directory review" workflow.
- Each provider gets a "Provider editors: <name>" group whose members may add and edit pages
  in that provider's subtree only (its page and its activities), never publish them, and
  never touch another provider.

Both hold in every language, by the site's one editorial rule (core/editorial.py): they are
granted on each translation of the page, and ``DIRECTORY_REVIEW`` (registered in
directory/wagtail_hooks.py) extends them to translations made later.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupCollectionPermission

from core.editorial import (
    REVIEWER_PERMISSIONS,
    EditorialPolicy,
    grant_in_every_language,
    put_under_review,
)

REVIEWERS_GROUP = "Directory reviewers"
REVIEW_WORKFLOW = "Directory review"
PROVIDER_GROUP_PREFIX = "Provider editors: "
REVIEWER_PAGE_PERMISSIONS = REVIEWER_PERMISSIONS
PROVIDER_PAGE_PERMISSIONS = ("add_page", "change_page")

DIRECTORY_REVIEW = EditorialPolicy(
    page_types=("directory.DirectoryIndexPage", "directory.ProviderPage"),
    workflow=REVIEW_WORKFLOW,
    reviewers=REVIEWERS_GROUP,
    reviewer_permissions=REVIEWER_PAGE_PERMISSIONS,
    owner_prefix=PROVIDER_GROUP_PREFIX,
    owner_permissions=PROVIDER_PAGE_PERMISSIONS,
)


def _admin_access():
    return Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")


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
    """Send every change under this directory page, in every language, through review, and
    let reviewers act."""
    put_under_review(directory_page, DIRECTORY_REVIEW)
    _grant_images(Group.objects.get(name=REVIEWERS_GROUP))


def provider_editors_group(provider):
    """The group for this provider's own staff, created on first use."""
    group, _ = Group.objects.get_or_create(name=f"{PROVIDER_GROUP_PREFIX}{provider.title}"[:150])
    group.permissions.add(_admin_access())
    grant_in_every_language(group, provider, PROVIDER_PAGE_PERMISSIONS)
    _grant_images(group)
    return group
