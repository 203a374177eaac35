"""The site's image model moves from home to core (step 3 of 3):
the directory's image fields point at core.SiteImage.

Django's state only: the foreign keys already reference the table, renamed in
home/migrations/0004_image_tables_for_core.py, that core.SiteImage uses.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0006_permissions_follow_translations"),
        ("core", "0001_initial"),
    ]

    # Before home's own step 3 removes its image model from the state.
    run_before = [("home", "0005_images_from_core")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='activitypage',
                    name='image',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.siteimage', verbose_name='image'),
                ),
                migrations.AlterField(
                    model_name='activitypage',
                    name='listing_image',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.siteimage', verbose_name='listing image'),
                ),
                migrations.AlterField(
                    model_name='activitypage',
                    name='social_image',
                    field=models.ForeignKey(blank=True, help_text='Shown when shared. Defaults to the listing image.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.siteimage', verbose_name='social image'),
                ),
                migrations.AlterField(
                    model_name='directoryindexpage',
                    name='listing_image',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.siteimage', verbose_name='listing image'),
                ),
                migrations.AlterField(
                    model_name='directoryindexpage',
                    name='social_image',
                    field=models.ForeignKey(blank=True, help_text='Shown when shared. Defaults to the listing image.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.siteimage', verbose_name='social image'),
                ),
                migrations.AlterField(
                    model_name='providerpage',
                    name='listing_image',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.siteimage', verbose_name='listing image'),
                ),
                migrations.AlterField(
                    model_name='providerpage',
                    name='logo',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.siteimage', verbose_name='logo'),
                ),
                migrations.AlterField(
                    model_name='providerpage',
                    name='social_image',
                    field=models.ForeignKey(blank=True, help_text='Shown when shared. Defaults to the listing image.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.siteimage', verbose_name='social image'),
                ),
            ],
            database_operations=[],
        ),
    ]
