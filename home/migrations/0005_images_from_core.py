"""The site's image model moves from home to core (step 3 of 3):
the home pages' image fields point at core.SiteImage.

Django's state only: the foreign keys already reference the table, renamed in
home/migrations/0004_image_tables_for_core.py, that core.SiteImage uses. Then the old
models leave home: the directory, stories and showcase have re-pointed theirs first (each of
their step 3 migrations runs before this one).
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_image_tables_for_core"),
        ("core", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='standardpage',
                    name='social_image',
                    field=models.ForeignKey(blank=True, help_text='Shown when shared. Defaults to the listing image.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.siteimage', verbose_name='social image'),
                ),
                migrations.AlterField(
                    model_name='homepage',
                    name='social_image',
                    field=models.ForeignKey(blank=True, help_text='Shown when shared. Defaults to the listing image.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.siteimage', verbose_name='social image'),
                ),
                migrations.AlterField(
                    model_name='standardpage',
                    name='listing_image',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.siteimage', verbose_name='listing image'),
                ),
                migrations.AlterField(
                    model_name='homepage',
                    name='hero_image',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.siteimage', verbose_name='hero image'),
                ),
                migrations.AlterField(
                    model_name='formpage',
                    name='social_image',
                    field=models.ForeignKey(blank=True, help_text='Shown when shared. Defaults to the listing image.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.siteimage', verbose_name='social image'),
                ),
                migrations.AlterField(
                    model_name='formpage',
                    name='listing_image',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.siteimage', verbose_name='listing image'),
                ),
                migrations.AlterField(
                    model_name='homepage',
                    name='listing_image',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.siteimage', verbose_name='listing image'),
                ),
                migrations.DeleteModel(
                    name='SiteRendition',
                ),
                migrations.DeleteModel(
                    name='SiteImage',
                ),
            ],
            database_operations=[],
        ),
    ]
