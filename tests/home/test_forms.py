"""The mailing-list form: stores real sign-ups, ignores bots, explains mistakes, resists floods."""

import pytest
from bs4 import BeautifulSoup
from django.test import override_settings
from wagtail.contrib.forms.models import FormSubmission

from home.demo_content import sign_up_roles
from home.factories import FormFieldFactory, FormPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sign_up(home_page):
    page = FormPageFactory(parent=home_page)
    FormFieldFactory(page=page, label="Name", field_type="singleline")
    FormFieldFactory(page=page, label="Email", field_type="email")
    FormFieldFactory(
        page=page,
        label="I am signing up as",
        field_type="radio",
        choices="\n".join(sign_up_roles()),
    )
    return page


VALID = {"name": "Amira", "email": "amira@example.org", "i_am_signing_up_as": "Teacher"}


def test_a_valid_sign_up_is_stored_and_thanked(client, sign_up):
    response = client.post(sign_up.url, VALID)
    assert response.status_code == 200
    assert b"Thank you for signing up." in response.content
    submission = FormSubmission.objects.get(page=sign_up)
    assert submission.get_data()["email"] == "amira@example.org"
    assert submission.get_data()["i_am_signing_up_as"] == "Teacher"


def test_every_role_is_offered(client, sign_up):
    soup = BeautifulSoup(client.get(sign_up.url).content, "html.parser")
    offered = [radio["value"] for radio in soup.select("input[type=radio]")]
    assert offered == sign_up_roles()


def test_invalid_input_is_explained_and_kept(client, sign_up):
    response = client.post(
        sign_up.url, {**VALID, "email": "not-an-email", "i_am_signing_up_as": "Wizard"}
    )
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    summary = soup.select_one(".form-errors")
    assert "Please check your answers" in summary.get_text()
    assert "Enter a valid email address." in summary.get_text()
    assert soup.find("input", attrs={"name": "name"})["value"] == "Amira"
    assert not FormSubmission.objects.exists()


def test_a_filled_honeypot_is_thanked_but_not_stored(client, sign_up):
    response = client.post(sign_up.url, {**VALID, "website_address": "http://spam.example"})
    assert response.status_code == 200
    assert b"Thank you for signing up." in response.content
    assert not FormSubmission.objects.exists()


@override_settings(FORM_SUBMISSION_RATE="2/m")
def test_a_flood_from_one_address_is_paused_with_answers_kept(client, sign_up):
    for _ in range(2):
        assert client.post(sign_up.url, VALID).status_code == 200
    response = client.post(sign_up.url, {**VALID, "name": "Third try"})
    assert response.status_code == 429
    soup = BeautifulSoup(response.content, "html.parser")
    assert "please try again in ten minutes" in soup.select_one(".form-errors").get_text()
    assert soup.find("input", attrs={"name": "name"})["value"] == "Third try"
    assert FormSubmission.objects.count() == 2
    # Another address is not affected.
    other = client.post(sign_up.url, VALID, REMOTE_ADDR="203.0.113.9")
    assert other.status_code == 200


def test_garbage_posts_never_error(client, sign_up):
    for payload in (
        {},
        {"name": "\x00"},
        {"email": "a" * 10000},
        {"i_am_signing_up_as": ["a", "b"]},
    ):
        assert client.post(sign_up.url, payload).status_code == 400
