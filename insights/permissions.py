"""Who may see the insights reports: holders of the "Programme insights" permission
(``insights.view_insights``), superusers included. Everyone else gets 403 on every report
and export, and does not see them in the Reports menu."""

from django.http import HttpResponseForbidden

PERMISSION = "insights.view_insights"


def can_view_insights(user):
    return bool(user and user.is_active and user.has_perm(PERMISSION))


class InsightsPermissionMixin:
    """For report views: 403 unless the user may see insights.

    A response, not ``PermissionDenied``: Wagtail's admin turns that exception into a
    redirect to the dashboard (wagtail.admin.auth.require_admin_access), so an export link
    would answer 302 and a script could not tell refusal from success."""

    def dispatch(self, request, *args, **kwargs):
        if not can_view_insights(request.user):
            return HttpResponseForbidden("You may not see the programme insights.")
        return super().dispatch(request, *args, **kwargs)
