"""The safeguarding reviewers read families' withdrawal requests and record what was done.

Model permissions are normally created after migrations run, so they are made here if missing
(as in 0002).
"""

from django.db import migrations

REVIEWERS = "Safeguarding reviewers"
ACTIONS = ["view", "change"]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="showcase", model="withdrawalrequest"
    )
    permissions = [
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_withdrawalrequest",
            defaults={"name": f"Can {action} withdrawal request"},
        )[0]
        for action in ACTIONS
    ]
    reviewers, _ = Group.objects.get_or_create(name=REVIEWERS)
    reviewers.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("showcase", "0005_withdrawal_requests"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
