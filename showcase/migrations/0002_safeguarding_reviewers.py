"""The "Safeguarding reviewers" group: the only people (with superusers) who may approve a
child's work for publication. Editors may prepare works and record consent, never approve.

Model permissions are normally created after migrations run, so they are made here if missing.
"""

from django.db import migrations

REVIEWERS = "Safeguarding reviewers"
EDITORS = "Editors"

EDITOR_PERMISSIONS = {
    "artwork": ["add", "change", "view"],
    "child": ["add", "change", "view"],
    "consentrecord": ["add", "view"],
}


def _permission(apps, model, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="showcase", model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def create(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")

    admin_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_type, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )
    granted = []
    for model, actions in EDITOR_PERMISSIONS.items():
        for action in actions:
            granted.append(_permission(apps, model, f"{action}_{model}", f"Can {action} {model}"))

    reviewers, _ = Group.objects.get_or_create(name=REVIEWERS)
    reviewers.permissions.add(
        access_admin,
        *granted,
        _permission(apps, "artwork", "review_artwork", "Can approve artwork in safeguarding review"),
    )
    editors = Group.objects.filter(name=EDITORS).first()
    if editors is not None:
        editors.permissions.add(*granted)


class Migration(migrations.Migration):
    dependencies = [
        ("showcase", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
