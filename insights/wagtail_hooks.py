"""The insights reports in the admin's Reports menu, and the permission that opens them."""

from django.contrib.auth.models import Permission
from wagtail import hooks

from core.events import DIRECTORY_SEARCHED


@hooks.register("register_permissions")
def insights_permission():
    return Permission.objects.filter(content_type__app_label="insights", codename="view_insights")


# Every directory search, once, into the search log (insights.search_log says what is kept).
@hooks.register(DIRECTORY_SEARCHED)
def log_directory_search(request, filters, results):
    from insights.search_log import record_search

    record_search(request, filters, results)
