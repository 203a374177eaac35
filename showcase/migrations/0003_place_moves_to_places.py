"""A child's work and a gallery now point at places.Place: the same table and rows, so the
migration state changes and the database does not (see places.0001)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("showcase", "0002_safeguarding_reviewers"),
        ("places", "0001_initial"),
    ]
    # Before the directory lets go of its Place (state only), which nothing may still name.
    run_before = [
        ("directory", "0007_place_moves_to_places"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="artwork",
                    name="place",
                    field=models.ForeignKey(blank=True, help_text="A local authority at most: never a school, street or town.", limit_choices_to={"kind": "local_authority"}, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="places.place", verbose_name="local authority"),
                ),
                migrations.AlterField(
                    model_name="showcasepage",
                    name="place",
                    field=models.ForeignKey(blank=True, help_text="Show works from this place and every place within it.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="places.place", verbose_name="place"),
                ),
            ],
        ),
    ]
