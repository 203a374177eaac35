"""Content-Security-Policy and Permissions-Policy on every response.

Public pages, previews and the admin sign-in page get the strict policy in
``CONTENT_SECURITY_POLICY`` (no inline scripts, no style attributes, and no inline styles but
the site's own stylesheets, allowed by their SHA-256: core/inline_styles.py). The rest of
the Wagtail admin still renders inline scripts and style attributes in places
(wagtail/wagtail#1288, open), so it gets ``ADMIN_CONTENT_SECURITY_POLICY_RELAXED`` on top: see the
settings for exactly what is relaxed and why. Violations are reported to ``csp_report``, which
logs them.
"""

import json
import logging

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django_ratelimit.core import is_ratelimited

from core.inline_styles import site_stylesheet_sources

logger = logging.getLogger("core.csp")

ADMIN_PREFIX = "/admin/"
# Admin pages that render no inline code, so keep the strict policy: sign-in and password reset.
STRICT_ADMIN_PREFIXES = ("/admin/login/", "/admin/password_reset/", "/admin/logout/")
MAX_REPORT_BYTES = 16 * 1024


def is_preview(request):
    """A page or snippet preview: the public page as it will be, shown in the editor's frame.

    Wagtail renders a preview by sending a dummy request for the page's own address through the
    whole middleware chain (``is_dummy``/``is_preview``); the admin view that returns it has a
    ``/preview/`` address."""
    if getattr(request, "is_preview", False) or getattr(request, "is_dummy", False):
        return True
    path = request.path_info
    return path.startswith(ADMIN_PREFIX) and path.rstrip("/").endswith("/preview")


def policy_for(request):
    """Which policy ``request`` gets: 'strict', 'preview' or 'admin'."""
    if is_preview(request):
        return "preview"
    path = request.path_info
    if not path.startswith(ADMIN_PREFIX) or path.startswith(STRICT_ADMIN_PREFIXES):
        return "strict"
    return "admin"


class SiteCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        kind = policy_for(request)
        replace = dict(parts.replace or {})
        update = dict(parts.update or {})
        if kind == "admin":
            replace.update(settings.ADMIN_CONTENT_SECURITY_POLICY_RELAXED)
        else:
            # The site's stylesheets, inlined in every page's <head>, allowed by the hash of
            # their exact text and nothing else (core/inline_styles.py). Not in the admin's
            # policy: a hash there would make browsers ignore its 'unsafe-inline'.
            update["style-src"] = [*update.get("style-src", []), *site_stylesheet_sources()]
        if kind == "preview":
            # Shown inside the editor's preview panel, a frame on our own admin.
            replace["frame-ancestors"] = ["'self'"]
        return PolicyParts(parts.config, update, replace, parts.nonce)


class PermissionsPolicyMiddleware:
    """Turns off the browser features the site does not use (``PERMISSIONS_POLICY``)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}=({' '.join(allow)})"
            for feature, allow in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        return response


def _violations(body):
    """The violations in a report, in either format browsers send (report-uri or report-to)."""
    data = json.loads(body)
    if isinstance(data, dict) and "csp-report" in data:
        return [data["csp-report"]]
    if isinstance(data, list):
        return [item.get("body", {}) for item in data if isinstance(item, dict)]
    return []


@csrf_exempt
@require_POST
def csp_report(request):
    """Logs Content-Security-Policy violation reports (a few a minute per client at most)."""
    if is_ratelimited(request, group="csp-report", key="ip", rate="30/m", increment=True):
        return HttpResponse(status=204)
    try:
        violations = _violations(request.read(MAX_REPORT_BYTES))
    except (ValueError, AttributeError, UnicodeDecodeError):
        return HttpResponse(status=400)
    for violation in violations[:10]:
        if not isinstance(violation, dict):
            continue
        logger.warning(
            "CSP violation: %s blocked %s on %s",
            violation.get("violated-directive") or violation.get("effectiveDirective"),
            violation.get("blocked-uri") or violation.get("blockedURL"),
            violation.get("document-uri") or violation.get("documentURL"),
        )
    return HttpResponse(status=204)
