"""The mailing list done properly: double opt-in through a signed link, nothing stored until
it is followed, one-click unsubscribe from the link alone, and an export of confirmed
addresses only."""

import csv
import io
import re
from datetime import timedelta
from unittest import mock
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, User
from django.core import mail, signing
from django.urls import reverse
from wagtail.contrib.forms.models import FormSubmission

from home import mailing_list
from home.factories import FormFieldFactory, FormPageFactory
from home.models import Subscriber

pytestmark = pytest.mark.django_db

VALID = {"name": "Amira", "email": "amira@example.org", "role": "Teacher"}


@pytest.fixture
def sign_up(home_page):
    page = FormPageFactory(parent=home_page, confirm_by_email=True)
    FormFieldFactory(page=page, label="Name", field_type="singleline", clean_name="name")
    FormFieldFactory(page=page, label="Email", field_type="email", clean_name="email")
    FormFieldFactory(page=page, label="Role", field_type="singleline", clean_name="role")
    return page


def local(url):
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def link(email, pattern):
    return re.search(pattern, email.body).group(0)


def confirmation_link(email):
    return link(email, r"https?://\S+\?confirm=\S+")


def unsubscribe_link(email):
    return link(email, r"https?://\S+/mailing-list/unsubscribe/\S+/")


def test_sign_up_sends_one_email_and_adds_nothing_until_confirmed(client, sign_up):
    response = client.post(sign_up.url, VALID)
    assert response.status_code == 200
    text = BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)
    assert "Check your email" in text
    assert "amira@example.org" in text
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["amira@example.org"]
    assert not Subscriber.objects.exists()
    assert not FormSubmission.objects.exists()


def test_the_confirmation_link_confirms_once(client, sign_up):
    client.post(sign_up.url, VALID)
    confirm = local(confirmation_link(mail.outbox[0]))
    response = client.get(confirm)
    assert response.status_code == 200
    assert "You have joined the mailing list" in response.content.decode()
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "amira@example.org"
    assert subscriber.answers == {"name": "Amira", "role": "Teacher"}
    assert len(mail.outbox) == 2  # the welcome email
    # Following it again changes nothing and sends nothing more.
    assert client.get(confirm).status_code == 200
    assert Subscriber.objects.count() == 1
    assert len(mail.outbox) == 2


def test_every_email_carries_a_one_click_unsubscribe(client, sign_up):
    client.post(sign_up.url, VALID)
    client.get(local(confirmation_link(mail.outbox[0])))
    assert len(mail.outbox) == 2
    for email in mail.outbox:
        url = unsubscribe_link(email)
        assert email.extra_headers["List-Unsubscribe"] == f"<{url}>"
        assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_unsubscribe_works_from_the_link_alone(client, sign_up):
    client.post(sign_up.url, VALID)
    client.get(local(confirmation_link(mail.outbox[0])))
    url = local(unsubscribe_link(mail.outbox[1]))
    client.logout()
    client.cookies.clear()
    response = client.get(url)
    assert response.status_code == 200
    assert "removed from the mailing list" in response.content.decode()
    assert not Subscriber.objects.exists()
    # Again: nothing to do, said plainly.
    again = client.get(url)
    assert again.status_code == 200
    assert "not on the mailing list" in again.content.decode()


def test_a_mail_programs_one_click_post_needs_no_csrf_token(sign_up, client):
    from django.test import Client

    client.post(sign_up.url, VALID)
    client.get(local(confirmation_link(mail.outbox[0])))
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        local(unsubscribe_link(mail.outbox[1])), {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    assert not Subscriber.objects.exists()


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-3] + "abc",
        lambda token: token[:10],
        lambda token: "",
        lambda token: "not-a-token",
        lambda token: signing.dumps({"p": 1, "a": "x"}, salt="other"),
    ],
)
def test_a_tampered_confirmation_link_gives_a_clear_page(client, sign_up, tamper):
    client.post(sign_up.url, VALID)
    token = confirmation_link(mail.outbox[0]).split("?confirm=")[1]
    response = client.get(sign_up.url + "?confirm=" + tamper(token))
    assert response.status_code == 400
    text = response.content.decode()
    assert "This link does not work" in text
    assert "You have not been added to the mailing list." in text
    assert not Subscriber.objects.exists()


def test_an_expired_confirmation_link_says_so(client, sign_up):
    client.post(sign_up.url, VALID)
    confirm = local(confirmation_link(mail.outbox[0]))
    later = (
        signing.time.time()
        + timedelta(days=mailing_list.CONFIRMATION_DAYS, hours=1).total_seconds()
    )
    with mock.patch("django.core.signing.time.time", return_value=later):
        response = client.get(confirm)
    assert response.status_code == 400
    assert "this one has run out" in response.content.decode()
    assert not Subscriber.objects.exists()


def test_a_link_made_for_another_form_does_not_confirm_here(client, sign_up, home_page):
    other = FormPageFactory(parent=home_page, slug="other", confirm_by_email=True)
    token = mailing_list.confirmation_token(other, {"email": "x@example.org"}, "en")
    assert client.get(sign_up.url + "?confirm=" + token).status_code == 400
    assert not Subscriber.objects.exists()


def test_a_tampered_unsubscribe_link_gives_a_clear_page(client):
    response = client.get(reverse("mailing_list_unsubscribe", args=("nonsense",)))
    assert response.status_code == 400
    assert "This link does not work" in response.content.decode()


def test_a_filled_honeypot_sends_nothing(client, sign_up):
    response = client.post(sign_up.url, {**VALID, "website_address": "http://spam.example"})
    assert response.status_code == 200
    assert not mail.outbox


def test_export_contains_only_confirmed_addresses(client, sign_up):
    client.post(sign_up.url, VALID)
    client.get(local(confirmation_link(mail.outbox[0])))
    client.post(sign_up.url, {**VALID, "email": "never-confirmed@example.org"})
    editor = User.objects.create_user("ed", "ed@example.org", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    response = client.get(reverse("mailing_list_report") + "?export=csv")
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(content)))
    assert [row["Email address"] for row in rows] == ["amira@example.org"]
    assert "never-confirmed" not in content


def test_only_staff_with_the_permission_see_the_list(client, sign_up):
    nobody = User.objects.create_user("x", "x@example.org", "pw")
    nobody.groups.add(Group.objects.get(name="Safeguarding reviewers"))
    client.force_login(nobody)
    assert client.get(reverse("mailing_list_report")).status_code in (302, 403)
