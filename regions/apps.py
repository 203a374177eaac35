from django.apps import AppConfig


class RegionsConfig(AppConfig):
    # Not "sites": that label belongs to django.contrib.sites.
    name = "regions"
    verbose_name = "Regional sites"
    default_auto_field = "django.db.models.BigAutoField"
