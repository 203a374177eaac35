"""Every change to a story goes through the "Stories review" workflow (created by migration
0003), approved by the "Story reviewers" group."""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Workflow, WorkflowPage

REVIEWERS_GROUP = "Story reviewers"
REVIEW_WORKFLOW = "Stories review"


def set_up_story_review(index):
    workflow = Workflow.objects.get(name=REVIEW_WORKFLOW)
    WorkflowPage.objects.update_or_create(page=index, defaults={"workflow": workflow})
    reviewers = Group.objects.get(name=REVIEWERS_GROUP)
    for codename in ("add_page", "change_page", "publish_page"):
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename=codename
        )
        GroupPagePermission.objects.get_or_create(
            group=reviewers, page=index, permission=permission
        )
