"""The site's image model moves from home to core (step 3 of 3):
the stories' image fields point at core.SiteImage.

Django's state only: the foreign keys already reference the table, renamed in
home/migrations/0004_image_tables_for_core.py, that core.SiteImage uses.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0004_review_follows_translations"),
        ("core", "0001_initial"),
    ]

    # Before home's own step 3 removes its image model from the state.
    run_before = [("home", "0005_images_from_core")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='storyindexpage',
                    name='listing_image',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.siteimage', verbose_name='listing image'),
                ),
                migrations.AlterField(
                    model_name='storyindexpage',
                    name='social_image',
                    field=models.ForeignKey(blank=True, help_text='Shown when shared. Defaults to the listing image.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.siteimage', verbose_name='social image'),
                ),
                migrations.AlterField(
                    model_name='storypage',
                    name='listing_image',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.siteimage', verbose_name='listing image'),
                ),
                migrations.AlterField(
                    model_name='storypage',
                    name='social_image',
                    field=models.ForeignKey(blank=True, help_text='Shown when shared. Defaults to the listing image.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.siteimage', verbose_name='social image'),
                ),
            ],
            database_operations=[],
        ),
    ]
