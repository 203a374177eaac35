"""Admin sign-in lockout (django-axes) by username and client address (issue 13), and the one
rule for the client address behind a proxy (core/client_ip.py)."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.test import RequestFactory
from django.utils import timezone

from core.client_ip import client_ip

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"  # noqa: S105 - a test account


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("editor", "editor@example.org", PASSWORD)


def sign_in(client, password, username="editor", address="203.0.113.9", **extra):
    return client.post(
        "/admin/login/",
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
        **extra,
    )


def signed_in(client):
    return "_auth_user_id" in client.session


def test_ten_wrong_passwords_lock_that_username_out_from_that_client(client, editor, settings):
    assert settings.AXES_FAILURE_LIMIT == 10
    for attempt in range(9):
        response = sign_in(client, f"wrong-{attempt}")
        assert response.status_code == 200, attempt
    response = sign_in(client, "wrong-9")
    assert response.status_code == 429
    text = response.content.decode()
    assert "Too many failed sign-in attempts" in text
    assert "wait 30 min" in text
    assert 'name="username"' in text  # still Wagtail's sign-in page

    # The right password is refused now, from that client.
    response = sign_in(client, PASSWORD)
    assert response.status_code == 429
    assert not signed_in(client)

    # The same person from elsewhere, and someone else from here, are not locked out.
    assert sign_in(client, PASSWORD, address="198.51.100.4").status_code == 302
    client.logout()
    get_user_model().objects.create_superuser("other", "other@example.org", PASSWORD)
    assert sign_in(client, PASSWORD, username="other").status_code == 302


def test_the_lockout_ends_after_the_cool_off(client, editor, settings):
    for attempt in range(10):
        sign_in(client, f"wrong-{attempt}")
    assert sign_in(client, PASSWORD).status_code == 429
    from axes.models import AccessAttempt

    later = timezone.now() - settings.AXES_COOLOFF_TIME - timedelta(seconds=1)
    AccessAttempt.objects.update(attempt_time=later)
    response = sign_in(client, PASSWORD)
    assert response.status_code == 302
    assert signed_in(client)


def test_a_forged_forwarded_header_does_not_escape_the_lockout(client, editor, settings):
    """With no trusted proxy, X-Forwarded-For is ignored: changing it changes nothing."""
    assert settings.TRUSTED_PROXY_COUNT == 0
    for attempt in range(10):
        sign_in(client, f"wrong-{attempt}", HTTP_X_FORWARDED_FOR=f"192.0.2.{attempt}")
    response = sign_in(client, PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.200")
    assert response.status_code == 429


def test_behind_one_proxy_the_lockout_follows_the_client_not_the_proxy(client, editor, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.2"
    for attempt in range(10):
        sign_in(client, f"wrong-{attempt}", address=proxy, HTTP_X_FORWARDED_FOR="203.0.113.9")
    locked = sign_in(client, PASSWORD, address=proxy, HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert locked.status_code == 429
    # Another visitor through the same proxy signs in.
    other = sign_in(client, PASSWORD, address=proxy, HTTP_X_FORWARDED_FOR="198.51.100.4")
    assert other.status_code == 302


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "", "10.0.0.2"),
        (0, "203.0.113.9", "10.0.0.2"),  # never trusted unless configured
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "6.6.6.6, 203.0.113.9", "203.0.113.9"),  # the client's own prefix is ignored
        (2, "6.6.6.6, 203.0.113.9, 10.0.0.1", "203.0.113.9"),
        (2, "203.0.113.9", "10.0.0.2"),  # fewer hops than proxies: trust nothing
        (1, "not-an-address", "10.0.0.2"),
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_client_ip_reads_only_what_trusted_proxies_wrote(settings, proxies, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


def test_the_rate_limit_and_the_lockout_use_the_same_rule(settings):
    from axes.helpers import get_client_ip_address
    from django_ratelimit.core import _get_ip

    settings.TRUSTED_PROXY_COUNT = 1
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert _get_ip(request) == get_client_ip_address(request) == "203.0.113.9"
