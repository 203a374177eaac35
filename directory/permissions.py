"""Who may change what in the directory.

- "Directory reviewers" approve every change through the "Directory review" workflow.
- Each provider gets a "Provider editors: <name>" group whose members may add and edit pages
  in that provider's subtree only (its page and its activities), never publish them, and
  never touch another provider.

Both hold in every language: a translation of a page lives in its own tree (under the
translated home page), where permissions and workflows on the source page do not reach. So
they are granted on each translation of the page, and ``follow_translations`` extends them to
translations made later.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
)

REVIEWERS_GROUP = "Directory reviewers"
REVIEW_WORKFLOW = "Directory review"
PROVIDER_GROUP_PREFIX = "Provider editors: "
REVIEWER_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")
PROVIDER_PAGE_PERMISSIONS = ("add_page", "change_page")


def _admin_access():
    return Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")


def _translations(page):
    """The page in every language it exists in, itself included."""
    return Page.objects.filter(translation_key=page.translation_key).order_by("path")


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


def _put_under_review(page):
    workflow = Workflow.objects.get(name=REVIEW_WORKFLOW)
    WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    _grant_pages(Group.objects.get(name=REVIEWERS_GROUP), page, REVIEWER_PAGE_PERMISSIONS)


def set_up_directory_review(directory_page):
    """Send every change under this directory page, in every language, through review, and
    let reviewers act."""
    for page in _translations(directory_page):
        _put_under_review(page)
    _grant_images(Group.objects.get(name=REVIEWERS_GROUP))


def provider_editors_group(provider):
    """The group for this provider's own staff, created on first use."""
    group, _ = Group.objects.get_or_create(name=f"{PROVIDER_GROUP_PREFIX}{provider.title}"[:150])
    group.permissions.add(_admin_access())
    for page in _translations(provider):
        _grant_pages(group, page, PROVIDER_PAGE_PERMISSIONS)
    _grant_images(group)
    return group


def follow_translations(page):
    """Give a new page what its other translations have here: the review workflow, and the
    editing rights of the provider groups that own them.

    The groups are found through their grants, not their names, since a group is named after
    the provider's title when it was made, in whichever language that was.
    """
    others = _translations(page).exclude(pk=page.pk)
    if not others.exists():
        return
    if WorkflowPage.objects.filter(page__in=others, workflow__name=REVIEW_WORKFLOW).exists():
        _put_under_review(page)
    owners = Group.objects.filter(
        name__startswith=PROVIDER_GROUP_PREFIX, page_permissions__page__in=others
    ).distinct()
    for group in owners:
        _grant_pages(group, page, PROVIDER_PAGE_PERMISSIONS)
