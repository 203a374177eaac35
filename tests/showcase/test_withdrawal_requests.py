"""The family's path from a work to a withdrawal request: reachable from every showcase page,
stored for the safeguarding team, the team told, bad input explained, nothing about whether a
child or a work exists given away."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from showcase.factories import ArtworkFactory, child_with_consent
from showcase.models import WithdrawalRequest

pytestmark = pytest.mark.django_db

GOOD = {
    "work_reference": "Our street at sunset",
    "relationship": "parent",
    "name": "A. Parent",
    "email": "parent@example.org",
    "phone": "",
    "details": "",
}


@pytest.fixture
def artwork(site, gallery):
    return ArtworkFactory(title="Our street at sunset", children=[child_with_consent(site)])


def withdrawal_link(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return soup.select_one(".showcase__withdraw a")["href"]


def test_every_showcase_page_links_to_the_withdrawal_form(client, showcase, artwork):
    index, gallery = showcase
    form_url = index.url + "withdraw/"
    assert withdrawal_link(client.get(index.url)) == form_url
    assert withdrawal_link(client.get(gallery.url)) == form_url
    work_url = gallery.work_url(artwork)
    from_work = withdrawal_link(client.get(work_url))
    assert from_work.startswith(form_url + "?work=")
    # The work's own address is carried into the form, ready for the family to send.
    page = client.get(from_work)
    assert page.status_code == 200
    soup = BeautifulSoup(page.content, "html.parser")
    assert soup.find("input", attrs={"name": "work_reference"})["value"] == work_url
    text = soup.get_text(" ", strip=True)
    assert "by the end of the next working day" in text
    assert "within two working days" in text


@override_settings(SAFEGUARDING_EMAILS=["safeguarding@example.org"])
def test_a_request_is_stored_the_team_emailed_and_the_family_told_what_next(
    client, showcase, artwork
):
    index, _gallery = showcase
    response = client.post(index.url + "withdraw/", {**GOOD, "request_all": "on"}, follow=True)
    assert response.redirect_chain[-1][0] == index.url + "withdraw/sent/"
    assert response.status_code == 200
    text = BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)
    assert "We have your request" in text
    assert "By the end of the next working day" in text
    assert "Within two working days" in text

    request = WithdrawalRequest.objects.get()
    assert request.work_reference == "Our street at sunset"
    assert request.request_all is True
    assert request.email == "parent@example.org"
    assert request.status == WithdrawalRequest.Status.RECEIVED
    assert request.site == index.get_site()

    (email,) = mail.outbox
    assert email.to == ["safeguarding@example.org"]
    assert request.reference in email.subject
    assert reverse("showcase_withdrawalrequest:edit", args=(request.pk,)) in email.body
    # The family's details stay in the admin, not in mailboxes.
    assert "parent@example.org" not in email.body
    assert "Our street at sunset" not in email.body


def test_without_a_configured_address_the_reviewers_are_told(client, showcase, reviewer):
    index, _gallery = showcase
    client.post(index.url + "withdraw/", GOOD)
    assert mail.outbox[0].to == ["reviewer@example.org"]


def test_the_answer_never_says_whether_a_work_or_child_exists(client, showcase, artwork):
    index, gallery = showcase
    url = index.url + "withdraw/"
    real = client.post(url, {**GOOD, "work_reference": gallery.work_url(artwork)}, follow=True)
    invented = client.post(
        url, {**GOOD, "work_reference": "/showcase/everything/work/999999/"}, follow=True
    )
    reference = client.post(url, {**GOOD, "work_reference": "AB-NOSUCH"}, follow=True)
    assert real.redirect_chain == invented.redirect_chain == reference.redirect_chain
    assert real.content == invented.content == reference.content
    assert WithdrawalRequest.objects.count() == 3
    # A pre-filled reference is only echoed, never looked up.
    echoed = client.get(url + "?work=/showcase/everything/work/999999/")
    assert echoed.status_code == 200


@pytest.mark.parametrize(
    "change, message",
    [
        ({"work_reference": ""}, "Tell us which work you mean"),
        ({"email": "not-an-email"}, "Enter a valid email address."),
        ({"relationship": "wizard"}, "Select a valid choice."),
        ({"name": ""}, "Enter your name."),
        ({"work_reference": "x" * 600}, "at most 500 characters"),
    ],
)
def test_bad_input_is_explained_and_kept(client, showcase, change, message):
    index, _gallery = showcase
    response = client.post(index.url + "withdraw/", {**GOOD, **change})
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    errors = soup.select_one(".form-errors").get_text(" ", strip=True)
    assert "Please check your answers" in errors
    assert message in errors
    assert soup.find("input", attrs={"name": "email"}) is not None
    assert not WithdrawalRequest.objects.exists()
    assert not mail.outbox


def test_a_filled_honeypot_is_thanked_but_not_stored(client, showcase):
    index, _gallery = showcase
    response = client.post(index.url + "withdraw/", {**GOOD, "website_address": "http://x"})
    assert response.status_code == 302
    assert not WithdrawalRequest.objects.exists()


@override_settings(FORM_SUBMISSION_RATE="2/10m")
def test_requests_are_rate_limited_with_a_way_round(client, showcase):
    index, _gallery = showcase
    url = index.url + "withdraw/"
    for _ in range(2):
        assert client.post(url, GOOD).status_code == 302
    response = client.post(url, GOOD)
    assert response.status_code == 429
    assert "email us instead" in response.content.decode()
    assert WithdrawalRequest.objects.count() == 2


def test_only_the_safeguarding_team_sees_requests_in_the_admin(client, showcase, editor, reviewer):
    index, _gallery = showcase
    client.post(index.url + "withdraw/", GOOD)
    request = WithdrawalRequest.objects.get()
    listing = reverse("showcase_withdrawalrequest:list")
    edit = reverse("showcase_withdrawalrequest:edit", args=(request.pk,))

    client.force_login(editor)
    assert client.get(listing).status_code in (302, 403)
    assert client.get(edit).status_code in (302, 403)

    client.force_login(reviewer)
    assert request.reference in client.get(listing).content.decode()
    assert client.get(edit).status_code == 200
    # The team records what it did, but cannot rewrite what the family asked.
    response = client.post(
        edit, {"status": "done", "team_notes": "Matched and taken down.", "email": "x@x.org"}
    )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == "done"
    assert request.team_notes == "Matched and taken down."
    assert request.email == "parent@example.org"
    assert client.get(reverse("showcase_withdrawalrequest:add")).status_code in (302, 403)
    delete = reverse("showcase_withdrawalrequest:delete", args=(request.pk,))
    assert client.get(delete).status_code in (302, 403)
