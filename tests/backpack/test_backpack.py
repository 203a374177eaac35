"""The class backpack as a teacher uses it, without JavaScript: save, plan, share, print,
subscribe; and what stays private."""

from datetime import date
from decimal import Decimal

import icalendar
import pytest
from django.urls import reverse

from backpack.factories import BackpackFactory, PlannedExperienceFactory, SchoolFactory
from backpack.forms import current_school_year
from backpack.models import Backpack, PlannedExperience, Status

pytestmark = pytest.mark.django_db


def save(client, activity, next_url="/"):
    return client.post(reverse("backpack:toggle"), {"activity": activity.pk, "next": next_url})


def test_saving_returns_to_the_page_and_the_header_counts(client, world):
    activity = world.activities["dance"]
    page_url = activity.url
    response = save(client, activity, page_url)
    assert response.status_code == 302
    assert response["Location"] == page_url
    page = client.get(page_url).content.decode()
    assert "data-saved-count>1<" in page
    assert "Saved" in page and 'value="remove"' in page
    # Saved from anywhere: the saved list shows it.
    assert "Dance workshop" in client.get(reverse("backpack:saved")).content.decode()


def test_unsaving_and_hostile_next_urls(client, world):
    activity = world.activities["dance"]
    save(client, activity)
    response = client.post(
        reverse("backpack:toggle"),
        {"activity": activity.pk, "action": "remove", "next": "https://evil.example/"},
    )
    assert response["Location"] == reverse("backpack:saved")
    assert "0 saved activities" in client.get(reverse("backpack:saved")).content.decode()


def test_javascript_gets_the_new_state_as_json(client, world):
    response = client.post(
        reverse("backpack:toggle"),
        {"activity": world.activities["museum"].pk},
        HTTP_ACCEPT="application/json",
    )
    assert response.json()["saved"] is True and response.json()["count"] == 1


def test_a_visitor_who_saved_nothing_gets_no_session(client, world):
    response = client.get(world.activities["dance"].url)
    assert "sessionid" not in response.cookies
    assert "data-saved-count>0<" in response.content.decode()


def create(client, world, keys, **fields):
    data = {
        "class_name": "Year 3 Oak",
        "school_year": str(current_school_year()),
        "year_group": "year-3",
        "pupils": "28",
        "school_postcode": "LE1 6AD",
        "activities": [str(world.activities[k].translation_key) for k in keys],
        **fields,
    }
    return client.post(reverse("backpack:create"), data)


def test_a_teacher_makes_a_backpack_and_sees_progress_cost_and_balance(client, world):
    keys = ["dance", "ballet", "museum", "clay", "songs"]
    for key in keys:
        save(client, world.activities[key])
    response = create(client, world, keys)
    assert response.status_code == 302
    backpack = Backpack.objects.get()
    assert response["Location"] == reverse("backpack:edit", args=(backpack.edit_token,))
    assert len(backpack.edit_token) >= 43 and backpack.view_token != backpack.edit_token
    assert backpack.experiences.count() == 5

    page = client.get(response["Location"])
    assert page["X-Robots-Tag"].startswith("noindex")
    assert "no-store" in page["Cache-Control"]
    html = page.content.decode()
    assert "0 of 5 done" in html
    # 4.50 x 28 + 120 (per class) + free + 90 (per school) + 2 x 28 = 392.00
    assert "£392.00" in html
    assert "1 free experience" in html
    assert "1 offers bursaries" in html
    # Music, dance, visual art and museums are there: theatre and drama is missing.
    assert "Not in the plan yet this year:" in html and "Theatre" in html
    assert "Wheelchair" in html  # an access feature on offer
    assert "Under a mile away" in html  # the museum's venue from the school's postcode


def test_planning_moves_an_experience_along_and_asks_after_the_visit(client, world):
    backpack = BackpackFactory()
    experience = PlannedExperienceFactory(backpack=backpack, activity=world.activities["songs"])
    url = reverse("backpack:update", args=(backpack.edit_token, experience.pk))
    prefix = f"e{experience.pk}"
    response = client.post(
        url,
        {f"{prefix}-term": "spring", f"{prefix}-date": "2027-03-04", f"{prefix}-status": "booked"},
    )
    assert response.status_code == 302
    experience.refresh_from_db()
    assert (experience.term, experience.date, experience.status) == (
        "spring",
        date(2027, 3, 4),
        "booked",
    )
    response = client.post(url, {f"{prefix}-status": "done", f"{prefix}-date": "2027-03-04"})
    assert response["Location"].endswith(f"/plan/{experience.pk}/done/")
    response = client.post(
        response["Location"],
        {"took_part_fully": "yes", "would_recommend": "yes", "pupils_said": "Loud and fun."},
    )
    experience.refresh_from_db()
    assert experience.status == Status.DONE and experience.would_recommend is True
    assert experience.answered_at is not None


def test_bad_plan_input_gets_a_message_not_an_error(client, world):
    backpack = BackpackFactory()
    experience = PlannedExperienceFactory(backpack=backpack, activity=world.activities["songs"])
    prefix = f"e{experience.pk}"
    response = client.post(
        reverse("backpack:update", args=(backpack.edit_token, experience.pk)),
        {f"{prefix}-date": "31/02/2027", f"{prefix}-status": "teleported"},
    )
    assert response.status_code == 400
    assert "Please check your answers" in response.content.decode()
    experience.refresh_from_db()
    assert experience.status == Status.IDEA


def test_the_read_only_link_shows_the_plan_and_no_way_to_change_it(client, world):
    backpack = BackpackFactory()
    PlannedExperienceFactory(backpack=backpack, activity=world.activities["museum"])
    html = client.get(reverse("backpack:view", args=(backpack.view_token,))).content.decode()
    assert "Museum trail" in html
    assert 'method="post"' not in html.split('id="main"')[1]
    assert backpack.edit_token not in html
    # The read-only token does not open the private page, and the private one's edit forms
    # refuse it.
    assert client.get(reverse("backpack:edit", args=(backpack.view_token,))).status_code == 404


@pytest.mark.parametrize("name", ["edit", "view", "print", "calendar"])
def test_wrong_and_deleted_tokens_get_the_same_404(client, world, name):
    backpack = BackpackFactory()
    token = backpack.edit_token if name == "edit" else backpack.view_token
    never_issued = client.get(reverse(f"backpack:{name}", args=("x" * 43,)))
    backpack.delete()
    deleted = client.get(reverse(f"backpack:{name}", args=(token,)))
    assert never_issued.status_code == deleted.status_code == 404
    assert never_issued.content == deleted.content


def test_the_calendar_feed_is_valid_icalendar_with_the_planned_dates(client, world):
    backpack = BackpackFactory(class_name="Year 3 Oak")
    PlannedExperienceFactory(
        backpack=backpack, activity=world.activities["dance"], date=date(2027, 2, 9)
    )
    PlannedExperienceFactory(
        backpack=backpack,
        activity=world.activities["museum"],
        date=date(2027, 5, 20),
        status="booked",
    )
    PlannedExperienceFactory(backpack=backpack, activity=world.activities["clay"], term="summer")
    response = client.get(reverse("backpack:calendar", args=(backpack.view_token,)))
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = {str(e["SUMMARY"]): e.decoded("DTSTART") for e in calendar.walk("VEVENT")}
    assert events == {"Dance workshop": date(2027, 2, 9), "Museum trail": date(2027, 5, 20)}


def test_the_print_view_holds_the_whole_plan_on_one_page(client, world):
    backpack = BackpackFactory(pupils=30)
    for key in ("dance", "museum", "clay"):
        PlannedExperienceFactory(backpack=backpack, activity=world.activities[key])
    html = client.get(reverse("backpack:print", args=(backpack.view_token,))).content.decode()
    assert html.count("<tr>") == 4  # header and three experiences
    assert "£135.00" in html  # 4.50 x 30
    assert 'name="robots" content="noindex' in html


def test_a_school_link_gathers_classes(client, world):
    oak, ash = BackpackFactory(class_name="Year 3 Oak"), BackpackFactory(class_name="Year 5 Ash")
    PlannedExperienceFactory(backpack=ash, activity=world.activities["songs"], status="done")
    response = client.post(
        reverse("backpack:create_school", args=(oak.edit_token,)), {"name": "Hillside Primary"}
    )
    school_url = response["Location"]
    ash_link = "http://testserver" + reverse("backpack:edit", args=(ash.edit_token,))
    assert client.post(school_url, {"link": ash_link}).status_code == 302
    assert client.post(school_url, {"link": "https://nope.example/abc"}).status_code == 400
    html = client.get(school_url).content.decode()
    assert "Year 3 Oak" in html and "Year 5 Ash" in html and "1 of 5" in html


def test_a_backpack_page_costs_the_same_queries_for_one_and_ten(
    client, world, django_assert_num_queries
):
    from directory.factories import ActivityPageFactory

    more = [
        ActivityPageFactory(parent=world.museum, art_forms=["music", "dance"], price=Decimal("3"))
        for _ in range(5)
    ]
    small, large = BackpackFactory(), BackpackFactory()
    PlannedExperienceFactory(backpack=small, activity=world.activities["museum"])
    for activity in [*world.activities.values(), *more]:
        PlannedExperienceFactory(backpack=large, activity=activity)
    assert large.experiences.count() == 10
    counts = []
    for backpack in (small, large):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        client.get(reverse("backpack:edit", args=(backpack.edit_token,)))  # warm caches
        with CaptureQueriesContext(connection) as captured:
            assert (
                client.get(reverse("backpack:edit", args=(backpack.edit_token,))).status_code == 200
            )
        counts.append(len(captured))
    assert counts[0] == counts[1]
    assert counts[1] <= 30


def test_no_child_data_is_asked_for():
    fields = {field.name for model in (Backpack, PlannedExperience) for field in model._meta.fields}
    assert not {name for name in fields if "child" in name or "pupil_name" in name}


def test_every_backpack_page_is_private_and_unindexed(client, world):
    backpack = BackpackFactory(school=SchoolFactory())
    experience = PlannedExperienceFactory(backpack=backpack, activity=world.activities["dance"])
    urls = [
        reverse("backpack:saved"),
        reverse("backpack:edit", args=(backpack.edit_token,)),
        reverse("backpack:view", args=(backpack.view_token,)),
        reverse("backpack:print", args=(backpack.view_token,)),
        reverse("backpack:calendar", args=(backpack.view_token,)),
        reverse("backpack:school", args=(backpack.school.token,)),
        reverse("backpack:after_visit", args=(backpack.edit_token, experience.pk)),
        reverse("backpack:request", args=(world.activities["dance"].pk,)),
        reverse("backpack:request_sent"),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
        assert response["X-Robots-Tag"] == "noindex, nofollow", url
    assert "/backpack/" not in client.get("/sitemap.xml").content.decode()


def test_the_links_are_emailed_and_the_address_not_kept(client, world, mailoutbox):
    backpack = BackpackFactory(class_name="Year 6 Rowan")
    response = client.post(
        reverse("backpack:email", args=(backpack.edit_token,)), {"email": "me@school.example"}
    )
    assert response.status_code == 302
    assert [message.to for message in mailoutbox] == [["me@school.example"]]
    body = mailoutbox[0].body
    assert backpack.edit_token in body and backpack.view_token in body
    stored = " ".join(
        str(value) for value in Backpack.objects.filter(pk=backpack.pk).values().first().values()
    )
    assert "me@school.example" not in stored
