"""Place moves here from the directory app, keeping its table, its rows and every reference to
them.

Nothing is copied. The model is created in the migration state only, on the directory's table
as it stands (``directory_place``); places.0002 renames the table once the other apps have
pointed their foreign keys here (directory.0007, stories.0004, showcase.0003, all state only).

The content type row is renamed (directory.place -> places.place), keeping its id, so whatever
points at places through a content type keeps pointing at the same rows: group permissions
(``add_place``, ``change_place``...), wagtail-localize's translatable objects and translation
sources, revisions, log entries, the reference index and the search index. On a new database
there is no row yet (content types are made after migrations), and this does nothing.
"""

import uuid

import django.db.models.deletion
import modelsearch.index
from django.db import migrations, models


def _rename_content_type(apps, schema_editor, old_app, new_app):
    ContentType = apps.get_model("contenttypes", "ContentType")
    types = ContentType.objects.using(schema_editor.connection.alias)
    old = types.filter(app_label=old_app, model="place").first()
    if old is None:
        return
    if types.filter(app_label=new_app, model="place").exists():
        # Both rows exist only if someone made the second by hand; choosing between them would
        # orphan whatever points at the other, so stop and let a person decide.
        raise RuntimeError(
            f"Content types {old_app}.place and {new_app}.place both exist. Move what points at "
            f"{new_app}.place to {old_app}.place (id {old.pk}), delete {new_app}.place, and "
            "migrate again."
        )
    old.app_label = new_app
    old.save(update_fields=["app_label"])
    ContentType.objects.clear_cache()
    # The running process's own cache may still hold the old label.
    from django.contrib.contenttypes.models import ContentType as CurrentContentType

    CurrentContentType.objects.clear_cache()


def content_type_to_places(apps, schema_editor):
    _rename_content_type(apps, schema_editor, "directory", "places")


def content_type_to_directory(apps, schema_editor):
    _rename_content_type(apps, schema_editor, "places", "directory")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("directory", "0006_permissions_follow_translations"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Place",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                        ("name", models.CharField(max_length=120, verbose_name="name")),
                        ("code", models.CharField(help_text="Official code: ISO 3166-2 (GB-LCE) or ONS (E12000004). Same in every language.", max_length=20, verbose_name="code")),
                        ("kind", models.CharField(choices=[("nation", "Nation"), ("region", "Region"), ("local_authority", "Local authority"), ("town", "Town or area")], max_length=20, verbose_name="kind")),
                        ("lineage", models.CharField(db_index=True, editable=False, max_length=255)),
                        ("latitude", models.FloatField(blank=True, null=True, verbose_name="latitude")),
                        ("longitude", models.FloatField(blank=True, null=True, verbose_name="longitude")),
                        ("gss_code", models.CharField(blank=True, max_length=12, verbose_name="ONS (GSS) code")),
                        ("locale", models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="wagtailcore.locale", verbose_name="locale")),
                        ("parent", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name="children", to="places.place", verbose_name="part of")),
                    ],
                    options={
                        "verbose_name": "place",
                        "verbose_name_plural": "places",
                        "ordering": ["name"],
                        "abstract": False,
                        "unique_together": {("code", "locale"), ("translation_key", "locale")},
                        # The directory's table, taken over as it is; renamed in 0002.
                        "db_table": "directory_place",
                    },
                    bases=(modelsearch.index.Indexed, models.Model),
                ),
            ],
        ),
        migrations.RunPython(content_type_to_places, content_type_to_directory),
    ]
