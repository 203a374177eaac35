from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = _("Stories")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from home import featured, related
        from stories.listing import featured_stories, stories_about_panel

        featured.register("featured_stories", featured_stories)
        # Provider and activity pages list the stories about them; the directory app knows
        # nothing of stories (home/related.py).
        related.register(stories_about_panel)
