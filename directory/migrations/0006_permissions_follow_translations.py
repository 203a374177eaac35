"""Extend the directory's review workflow and each provider's editing rights to the
translations of their pages that already exist (the demo's Welsh directory, for one).

From now on directory.permissions grants them on every translation and extends them to new
ones; databases made before that hold them on the source page only, so a translated directory
fell back to the default workflow and a provider's staff could not edit their Welsh pages.
"""

from django.db import migrations

REVIEWERS_GROUP = "Directory reviewers"
REVIEW_WORKFLOW = "Directory review"
PROVIDER_GROUP_PREFIX = "Provider editors: "
REVIEWER_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")
PROVIDER_PAGE_PERMISSIONS = ("add_page", "change_page")


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
    ) | GroupPagePermission.objects.filter(
        group__name__startswith=PROVIDER_GROUP_PREFIX,
        permission__codename__in=PROVIDER_PAGE_PERMISSIONS,
    )
    for grant in grants.select_related("page"):
        for page in translations(grant.page):
            GroupPagePermission.objects.get_or_create(
                group_id=grant.group_id, page=page, permission_id=grant.permission_id
            )


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0005_nation_from_site"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(extend_to_translations, migrations.RunPython.noop)]
