from django.apps import AppConfig


class ShowcaseConfig(AppConfig):
    name = "showcase"
    verbose_name = "Showcase of children's work"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from showcase import checks, signals  # noqa: F401  (checks register on import)

        signals.connect()
