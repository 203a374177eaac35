"""The insights reports in the admin's Reports menu, and the permission that opens them."""

from django.contrib.auth.models import Permission
from wagtail import hooks


@hooks.register("register_permissions")
def insights_permission():
    return Permission.objects.filter(content_type__app_label="insights", codename="view_insights")
