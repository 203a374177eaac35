"""The place table takes the places app's name: ``directory_place`` becomes ``places_place``.

A rename only: no row is copied. Foreign keys to it (the parent of a place, activities,
providers, stories, children's work and galleries) follow the table on both databases: by
reference on PostgreSQL, and on SQLite because ALTER TABLE ... RENAME rewrites the references
(SQLite 3.26+, which Django requires). Its indexes and constraints keep their old names, which
nothing depends on. It runs after every other app has pointed its foreign keys at places.Place
(directory.0007 runs before it), so the state never names a table that is not there.
"""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("places", "0001_initial"),
    ]

    operations = [
        migrations.AlterModelTable(name="place", table=None),
    ]
