"""Editors and moderators may see and export the confirmed mailing-list addresses (Reports ›
Mailing list). Model permissions are normally created after migrations run, so the one needed
is made here if missing."""

from django.db import migrations

GROUPS = ["Editors", "Moderators"]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="home", model="subscriber")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="view_subscriber",
        defaults={"name": "Can view mailing-list subscriber"},
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0007_mailing_list_double_opt_in"),
        ("wagtailcore", "0002_initial_data"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
