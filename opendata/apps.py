from django.apps import AppConfig


class OpenDataConfig(AppConfig):
    name = "opendata"
    verbose_name = "Open data API"

    def ready(self):
        from opendata.openactive import signals

        signals.connect()
