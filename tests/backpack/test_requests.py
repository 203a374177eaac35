"""Booking requests: from a school to the provider's inbox, and the provider's answer back to
the school's backpack."""

import io
from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from backpack.factories import BackpackFactory, BookingRequestFactory, PlannedExperienceFactory
from backpack.models import Backpack, BookingRequest, PlannedExperience, Status

pytestmark = pytest.mark.django_db


def request_data(**overrides):
    return {
        "school_name": "Hillside Primary School",
        "contact_name": "Sam Teacher",
        "email": "sam@hillside.example",
        "phone": "",
        "preferred_dates": "Any Tuesday in March",
        "pupils": "28",
        "adults": "3",
        "year_group": "Year 3",
        "access_needs": "One wheelchair user.",
        "message": "We would love to come.",
        **overrides,
    }


def send(client, activity, backpack=None, **overrides):
    url = reverse("backpack:request", args=(activity.pk,))
    data = request_data(**overrides)
    if backpack is not None:
        data["backpack"] = backpack.edit_token
    return client.post(url, data)


def test_a_request_is_stored_and_one_email_reaches_the_booking_address(client, world):
    backpack = BackpackFactory()
    experience = PlannedExperienceFactory(backpack=backpack, activity=world.activities["dance"])
    response = send(client, world.activities["dance"], backpack)
    assert response["Location"] == reverse("backpack:edit", args=(backpack.edit_token,))
    booking = BookingRequest.objects.get()
    assert booking.provider.pk == world.dance_co.pk and booking.experience == experience
    assert [message.to for message in mail.outbox] == [["bookings@step.example"]]
    assert "Hillside Primary School" in mail.outbox[0].body
    experience.refresh_from_db()
    assert experience.status == Status.REQUESTED


def test_without_a_booking_email_the_providers_contact_gets_it(client, world):
    response = send(client, world.activities["ballet"])
    assert response["Location"].startswith(reverse("backpack:request_sent"))
    assert [message.to for message in mail.outbox] == [["book@step.example"]]


def test_bad_input_keeps_what_was_typed_and_spam_is_dropped(client, world):
    response = send(client, world.activities["dance"], email="not-an-email", pupils="lots")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Please check your answers" in html and "Any Tuesday in March" in html
    response = send(client, world.activities["dance"], website_address="http://spam.example")
    assert response.status_code == 302
    assert not BookingRequest.objects.exists() and not mail.outbox


def test_requests_are_rate_limited(client, world, settings):
    settings.FORM_SUBMISSION_RATE = "2/m"
    for _ in range(2):
        assert send(client, world.activities["dance"]).status_code == 302
    response = send(client, world.activities["dance"])
    assert response.status_code == 429
    assert BookingRequest.objects.count() == 2


def test_a_provider_sees_only_its_own_requests_in_the_admin(
    client, world, provider_editor, museum_editor
):
    ours = BookingRequestFactory(activity=world.activities["dance"])
    theirs = BookingRequestFactory(activity=world.activities["museum"], school_name="Elm School")
    client.force_login(provider_editor)
    listing = client.get(reverse("backpack_bookingrequest:list"))
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Hillside Primary School" in html and "Elm School" not in html
    assert client.get(reverse("backpack_bookingrequest:edit", args=(ours.pk,))).status_code == 200
    assert client.get(reverse("backpack_bookingrequest:edit", args=(theirs.pk,))).status_code in (
        302,
        403,
        404,
    )
    client.force_login(museum_editor)
    html = client.get(reverse("backpack_bookingrequest:list")).content.decode()
    assert "Elm School" in html and "Hillside Primary School" not in html


def test_someone_with_no_provider_cannot_open_the_inbox(client, world, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("visitor", "v@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(reverse("backpack_bookingrequest:list"))
    assert response.status_code in (302, 403)


def test_accepting_turns_the_plan_to_booked_and_tells_the_teacher(client, world, provider_editor):
    backpack = BackpackFactory()
    experience = PlannedExperienceFactory(
        backpack=backpack, activity=world.activities["dance"], status="requested"
    )
    booking = BookingRequestFactory(
        activity=world.activities["dance"], experience=experience, email="sam@hillside.example"
    )
    client.force_login(provider_editor)
    url = reverse("backpack_bookingrequest:edit", args=(booking.pk,))
    response = client.post(url, {"status": "accepted", "provider_reply": "See you on 9 March."})
    assert response.status_code == 302, response.content.decode()[:2000]
    experience.refresh_from_db()
    assert experience.status == Status.BOOKED
    assert [message.to for message in mail.outbox] == [["sam@hillside.example"]]
    assert "See you on 9 March." in mail.outbox[0].body
    html = client.get(reverse("backpack:edit", args=(backpack.edit_token,))).content.decode()
    assert "See you on 9 March." in html and "Accepted" in html


def test_the_visit_figures_on_a_provider_page_wait_for_three_schools(client, world):
    activity = world.activities["dance"]
    for answer in (True, True):
        PlannedExperienceFactory(activity=activity, status="done", would_recommend=answer)
    html = client.get(world.dance_co.url).content.decode()
    assert "2 classes have completed visits" in html and "would recommend" not in html
    PlannedExperienceFactory(activity=activity, status="done", would_recommend=False)
    PlannedExperienceFactory(activity=activity, status="done", pupils_said="The drums!")
    html = client.get(world.dance_co.url).content.decode()
    assert "4 classes have completed visits" in html
    assert "67% of teachers who answered would recommend it" in html
    assert "The drums!" not in html


def test_retention_erases_exactly_what_the_readme_says(world, settings):
    settings.BACKPACK_REQUEST_CONTACT_DAYS = 180
    settings.BACKPACK_IDLE_DAYS = 730
    now = timezone.now()
    long_ago = now - timedelta(days=800)
    idle = BackpackFactory(touched_at=long_ago)
    PlannedExperienceFactory(backpack=idle, activity=world.activities["dance"])
    active = BackpackFactory(touched_at=now - timedelta(days=10))
    past_visit = PlannedExperienceFactory(
        backpack=active, activity=world.activities["dance"], date=date.today() - timedelta(days=200)
    )
    future_visit = PlannedExperienceFactory(
        backpack=active, activity=world.activities["museum"], date=date.today() + timedelta(days=30)
    )
    old_dateless = BookingRequestFactory(activity=world.activities["ballet"])
    BookingRequest.objects.filter(pk=old_dateless.pk).update(received_at=now - timedelta(days=181))
    erased = BookingRequestFactory(activity=world.activities["dance"], experience=past_visit)
    kept = BookingRequestFactory(activity=world.activities["museum"], experience=future_visit)
    recent_dateless = BookingRequestFactory(activity=world.activities["ballet"])

    output = io.StringIO()
    call_command("backpack_retention", stdout=output)
    assert "Erased the contact details of 2 booking request(s)" in output.getvalue()

    assert not Backpack.objects.filter(pk=idle.pk).exists()
    assert not PlannedExperience.objects.filter(backpack_id=idle.pk).exists()
    assert Backpack.objects.filter(pk=active.pk).exists()
    for booking in (old_dateless, erased):
        booking.refresh_from_db()
        assert (booking.contact_name, booking.email, booking.phone) == ("", "", "")
        assert booking.contact_erased_at is not None
        assert booking.school_name == "Hillside Primary School"  # the rest stays
    for booking in (kept, recent_dateless):
        booking.refresh_from_db()
        assert booking.email == "teacher@school.example" and booking.contact_erased_at is None
