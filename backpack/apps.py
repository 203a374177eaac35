from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackpackConfig(AppConfig):
    name = "backpack"
    verbose_name = _("Class backpack")
    default_auto_field = "django.db.models.BigAutoField"
