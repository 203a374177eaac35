"""A site's region moves from the home app's site settings to the regions app's own setting
(``regions.RegionSettings``), keeping every site's value; then the old field goes.

Whoever could set the region before can set it still: a group or user holding a permission on
``home.SiteSettings`` gets the same permission on ``regions.RegionSettings``. Model permissions
are normally created after migrations run, so they are made here if missing.
"""

from django.conf import settings
from django.db import migrations

ACTIONS = ("add", "change", "delete", "view")


def copy_regions(apps, schema_editor):
    alias = schema_editor.connection.alias
    SiteSettings = apps.get_model("home", "SiteSettings")
    RegionSettings = apps.get_model("regions", "RegionSettings")
    for site_id, region in SiteSettings.objects.using(alias).values_list("site_id", "region"):
        RegionSettings.objects.using(alias).update_or_create(
            site_id=site_id, defaults={"region": region}
        )
    _carry_over_permissions(apps, alias)


def _carry_over_permissions(apps, alias):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for action in ACTIONS:
        old = Permission.objects.using(alias).filter(
            content_type__app_label="home",
            content_type__model="sitesettings",
            codename=f"{action}_sitesettings",
        ).first()
        if old is None:
            continue
        groups = list(old.group_set.all())
        users = list(old.user_set.all())
        if not groups and not users:
            continue
        content_type, _ = ContentType.objects.using(alias).get_or_create(
            app_label="regions", model="regionsettings"
        )
        new, _ = Permission.objects.using(alias).get_or_create(
            content_type=content_type,
            codename=f"{action}_regionsettings",
            defaults={"name": f"Can {action} region"},
        )
        new.group_set.add(*groups)
        new.user_set.add(*users)


def copy_regions_back(apps, schema_editor):
    alias = schema_editor.connection.alias
    SiteSettings = apps.get_model("home", "SiteSettings")
    RegionSettings = apps.get_model("regions", "RegionSettings")
    for site_id, region in RegionSettings.objects.using(alias).values_list("site_id", "region"):
        SiteSettings.objects.using(alias).update_or_create(
            site_id=site_id, defaults={"region": region}
        )


class Migration(migrations.Migration):

    dependencies = [
        ("home", "0003_regional_sites"),
        ("regions", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(copy_regions, copy_regions_back),
        migrations.RemoveField(
            model_name="sitesettings",
            name="region",
        ),
    ]
