"""Content-Security-Policy and Permissions-Policy on every public page type, previews and the
admin sign-in page; the admin beyond sign-in gets its documented relaxation (issue 13)."""

import json
import logging

import pytest
from django.contrib.auth import get_user_model

from tests.hardening.conftest import first_live, public_paths

pytestmark = pytest.mark.django_db


def directives(response):
    header = response["Content-Security-Policy"]
    parsed = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            parsed[words[0]] = words[1:]
    return parsed


def assert_strict(response, where, frame_ancestors="'none'"):
    policy = directives(response)
    for directive in ("script-src", "style-src"):
        assert "'unsafe-inline'" not in policy[directive], where
        assert "'unsafe-eval'" not in policy[directive], where
    assert policy["default-src"] == ["'self'"], where
    assert policy["frame-ancestors"] == [frame_ancestors], where
    assert policy["form-action"] == ["'self'"], where
    assert policy["base-uri"] == ["'none'"], where
    assert policy["object-src"] == ["'none'"], where
    assert policy["report-uri"] == ["/csp-report/"], where
    permissions = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"):
        assert feature in permissions, where


def test_every_public_page_type_has_the_strict_policy(client, demo_site):
    for name, path in public_paths(demo_site).items():
        response = client.get(path)
        assert response.status_code == 200, (name, path)
        assert_strict(response, name)
        # Nothing inline for the policy to block: no style attributes, no inline scripts
        # other than JSON-LD data blocks.
        text = response.content.decode()
        assert " style=" not in text, name
        for chunk in text.split("<script")[1:]:
            tag = chunk.split(">", 1)[0]
            assert "src=" in tag or 'type="application/ld+json"' in tag, (name, tag)
    for path in ("/no-such-page/", "/search/", "/cy/"):
        response = client.get(path)
        assert_strict(response, path)


def test_the_admin_sign_in_page_is_strict(client, db):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert_strict(response, "login")


def test_the_admin_gets_only_the_documented_relaxation(client, demo_site):
    editor = get_user_model().objects.create_superuser("editor", "e@example.org", "x")
    client.force_login(editor)
    page = first_live(demo_site, type(demo_site.root_page.specific))
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    policy = directives(response)
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert "Permissions-Policy" in response

    preview = client.get(f"/admin/pages/{page.pk}/edit/preview/?mode=")
    assert preview.status_code == 200
    assert_strict(preview, "preview", frame_ancestors="'self'")


def test_violation_reports_are_logged(client, caplog):
    report = {
        "csp-report": {
            "document-uri": "https://localhost/",
            "violated-directive": "script-src-elem",
            "blocked-uri": "https://evil.example/x.js",
        }
    }
    with caplog.at_level(logging.WARNING, logger="core.csp"):
        response = client.post(
            "/csp-report/", json.dumps(report), content_type="application/csp-report"
        )
    assert response.status_code == 204
    assert "script-src-elem blocked https://evil.example/x.js" in caplog.text
    # The Reporting API's format too; nonsense is refused without an error.
    reporting_api = [{"type": "csp-violation", "body": {"effectiveDirective": "style-src"}}]
    response = client.post(
        "/csp-report/", json.dumps(reporting_api), content_type="application/reports+json"
    )
    assert response.status_code == 204
    assert client.post("/csp-report/", "{nope", content_type="application/json").status_code == 400
    assert client.get("/csp-report/").status_code == 405
