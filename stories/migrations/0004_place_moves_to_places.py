"""A story's places now point at places.Place: the same table and rows, so the migration
state changes and the database does not (see places.0001)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("stories", "0003_stories_review_workflow"),
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
                    model_name="storyplace",
                    name="place",
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+", to="places.place", verbose_name="place"),
                ),
            ],
        ),
    ]
