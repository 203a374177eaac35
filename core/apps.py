from django.apps import AppConfig
from django.db.models.signals import post_save


class CoreConfig(AppConfig):
    name = "core"
    label = "core"
    verbose_name = "Shared building blocks"  # has no models of its own to show in the admin

    def ready(self):
        from core import (
            page_cache_events,
            site_cache,
            wagtail_12389_srcset,
            wagtail_per_request,
            wagtail_site_lookups,
        )
        from core.editorial import follow_new_translation

        page_cache_events.connect()
        wagtail_per_request.install()
        site_cache.connect()
        wagtail_site_lookups.install()
        # No width twice in a picture's srcset when the upload is small (wagtail/wagtail#12389).
        wagtail_12389_srcset.apply()

        # Every model: a page type's own post_save is sent with its class as the sender, and
        # which page types follow their translations is declared by hooks (core/editorial.py).
        post_save.connect(follow_new_translation, dispatch_uid="core-editorial-translations")
