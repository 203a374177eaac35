"""Place now lives in the places app (places.0001 took over its table and content type).

Activities and providers point their places at places.Place, and the directory's own Place
leaves the migration state. Both in the state only: the tables, their rows and the foreign keys
in the database stay exactly as they are. Stories and the showcase re-point their own foreign
keys first (their migrations run before this one), and the table is renamed after it
(places.0002).
"""

import modelcluster.fields
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("directory", "0006_permissions_follow_translations"),
        ("places", "0001_initial"),
    ]
    run_before = [
        ("places", "0002_place_table"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="activitypage",
                    name="places",
                    field=modelcluster.fields.ParentalManyToManyField(help_text="Where schools can have this: choose nations, regions or local authorities.", related_name="activities", to="places.place", verbose_name="places where offered"),
                ),
                migrations.AlterField(
                    model_name="providerpage",
                    name="places_served",
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name="+", to="places.place", verbose_name="places served"),
                ),
                migrations.DeleteModel(
                    name="Place",
                ),
            ],
        ),
    ]
