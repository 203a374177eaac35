"""The site's image model moves from home to core (step 1 of 3): its tables take the names
the core app's models use. Every row, and every file, stays where it is; foreign keys from
other tables follow the renamed table.

Step 2 (core/migrations/0001_initial.py) gives core the models, without touching the
database, and hands the content types over; step 3 (the *_images_from_core migrations of
home, directory, stories and showcase) points every foreign key at core.SiteImage and removes
the old models from home, again in Django's state only.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_regional_sites"),
    ]

    operations = [
        migrations.AlterModelTable(name="siteimage", table="core_siteimage"),
        migrations.AlterModelTable(name="siterendition", table="core_siterendition"),
    ]
