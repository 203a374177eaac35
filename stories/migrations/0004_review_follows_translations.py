"""Extend the "Stories review" workflow and the "Story reviewers" group's rights to the
translations of the stories pages that already have them.

Until now the review was attached only when an editor created a stories page in the admin, so
a stories page translated with wagtail-localize fell back to the default workflow. From now on
the site's one editorial rule (core/editorial.py) extends it to every translation when it is
made; databases made before that hold it on the source page only.
"""

from django.db import migrations

REVIEWERS_GROUP = "Story reviewers"
REVIEW_WORKFLOW = "Stories review"
REVIEWER_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")


def extend_to_translations(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    def translations(page):
        return Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)

    for assigned in WorkflowPage.objects.filter(workflow__name=REVIEW_WORKFLOW).select_related(
        "page", "workflow"
    ):
        for page in translations(assigned.page):
            WorkflowPage.objects.update_or_create(
                page=page, defaults={"workflow": assigned.workflow}
            )

    grants = GroupPagePermission.objects.filter(
        group__name=REVIEWERS_GROUP, permission__codename__in=REVIEWER_PAGE_PERMISSIONS
    )
    for grant in grants.select_related("page"):
        for page in translations(grant.page):
            GroupPagePermission.objects.get_or_create(
                group_id=grant.group_id, page=page, permission_id=grant.permission_id
            )


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0003_stories_review_workflow"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(extend_to_translations, migrations.RunPython.noop)]
