"""No post to the backpack's endpoints, however wrong, gets a 500: every endpoint gets random
and malformed form data (Hypothesis), over 1,000 posts in all."""

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backpack.factories import BackpackFactory, PlannedExperienceFactory, SchoolFactory

pytestmark = pytest.mark.django_db

FIELDS = [
    "activity",
    "action",
    "next",
    "class_name",
    "school_year",
    "year_group",
    "pupils",
    "school_postcode",
    "activities",
    "term",
    "date",
    "status",
    "took_part_fully",
    "would_recommend",
    "pupils_said",
    "email",
    "name",
    "link",
    "confirm",
    "school_name",
    "contact_name",
    "phone",
    "preferred_dates",
    "adults",
    "access_needs",
    "message",
    "website_address",
    "backpack",
    "e1-term",
    "e1-date",
    "e1-status",
]
NASTY = st.sampled_from(
    [
        "",
        "0",
        "-1",
        "99999999999999999999",
        "1e309",
        "NaN",
        "\x00",
        "<script>",
        "' OR 1=1 --",
        "2027-02-30",
        "31/12/1999",
        "https://evil.example/",
        "//evil.example",
        "LE1 6AD",
        "ZZ9 9ZZ",
        "yes",
        "no",
        "done",
        "booked",
        "year-3",
        "p4",
        "a" * 5000,
        "ü" * 300,
        "x" * 43,
    ]
)
VALUES = st.one_of(NASTY, st.text(max_size=80), st.integers().map(str))
DATA = st.dictionaries(st.sampled_from(FIELDS), st.one_of(VALUES, st.lists(VALUES, max_size=3)))

ENDPOINTS = [
    "toggle",
    "create",
    "details",
    "add",
    "update",
    "remove",
    "after_visit",
    "email",
    "create_school",
    "delete",
    "school",
    "request",
]
EXAMPLES_EACH = 90  # 12 endpoints x 90 = 1,080 posts


def url_for(name, backpack, experience, school, activity):
    token = backpack.edit_token
    return {
        "toggle": reverse("backpack:toggle"),
        "create": reverse("backpack:create"),
        "details": reverse("backpack:details", args=(token,)),
        "add": reverse("backpack:add", args=(token,)),
        "update": reverse("backpack:update", args=(token, experience.pk)),
        "remove": reverse("backpack:remove", args=(token, 999999)),
        "after_visit": reverse("backpack:after_visit", args=(token, experience.pk)),
        "email": reverse("backpack:email", args=(token,)),
        "create_school": reverse("backpack:create_school", args=(token,)),
        "delete": reverse("backpack:delete", args=(token,)),
        "school": reverse("backpack:school", args=(school.token,)),
        "request": reverse("backpack:request", args=(activity.pk,)),
    }[name]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_random_posts_never_cause_a_server_error(world, endpoint):
    backpack = BackpackFactory(school=SchoolFactory())
    experience = PlannedExperienceFactory(backpack=backpack, activity=world.activities["dance"])
    url = url_for(endpoint, backpack, experience, backpack.school, world.activities["dance"])
    client = Client(raise_request_exception=False)

    @settings(
        max_examples=EXAMPLES_EACH,
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(data=DATA)
    def post(data):
        response = client.post(url, data)
        assert response.status_code < 500, (endpoint, data)

    post()
