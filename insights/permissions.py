"""Who may see the insights reports: holders of the "Programme insights" permission
(``insights.view_insights``), superusers included. Everyone else gets 403 on every report
and export, and does not see them in the Reports menu."""

from django.core.exceptions import PermissionDenied

PERMISSION = "insights.view_insights"


def can_view_insights(user):
    return bool(user and user.is_active and user.has_perm(PERMISSION))


class InsightsPermissionMixin:
    """For report views: 403 unless the user may see insights."""

    def dispatch(self, request, *args, **kwargs):
        if not can_view_insights(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)
