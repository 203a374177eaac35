"""Reports › Experiences per pupil: figures from built backpacks, "No data yet", the providers'
digest (no school or class beside the pupils' words) and the permission."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from backpack.factories import BackpackFactory, PlannedExperienceFactory
from directory.factories import ActivityPageFactory, DirectoryIndexPageFactory, ProviderPageFactory
from home.factories import site_with_home_page
from insights import experiences
from places.loader import load_places
from tests.worlds import module_world


def build_world():
    home = site_with_home_page("insights-experiences-home")
    load_places()
    directory = DirectoryIndexPageFactory(parent=home)
    makers = ProviderPageFactory(parent=directory, slug="makers", title="Makers Theatre")
    band = ProviderPageFactory(parent=directory, slug="band", title="Brass Band")
    return {
        "play": ActivityPageFactory(parent=makers, slug="play"),
        "mask": ActivityPageFactory(parent=makers, slug="mask"),
        "brass": ActivityPageFactory(parent=band, slug="brass"),
    }


@pytest.fixture(scope="module")
def shared_world(request):
    yield from module_world(request, "insights-experiences", build_world)


@pytest.fixture
def world(shared_world, db):
    return shared_world


@pytest.fixture
def analyst(django_user_model):
    user = django_user_model.objects.create_user("analyst", "a@example.org", "pw")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_insights"),
    )
    return user


def plan(backpack, activity, status, **answers):
    return PlannedExperienceFactory(backpack=backpack, activity=activity, status=status, **answers)


@pytest.fixture
def backpacks(world):
    # Leicester: one class on track (3 done + 2 booked), one not (1 booked, 2 ideas).
    oak = BackpackFactory(class_name="Oak Class", pupils=30, school_postcode="LE1 5AA")
    for status in ["done", "done", "done", "booked", "booked"]:
        plan(oak, world["brass"], status)
    ash = BackpackFactory(class_name="Ash Class", pupils=25, school_postcode="LE2 1AB")
    for status in ["booked", "idea", "idea"]:
        plan(ash, world["play"], status)
    # Derby, in Wales's count: five done.
    elm = BackpackFactory(
        class_name="Elm Class", pupils=20, school_postcode="DE1 1AA", nation="GB-WLS"
    )
    plan(
        elm,
        world["play"],
        "done",
        took_part_fully="yes",
        would_recommend=True,
        pupils_said="We wore masks and shouted.",
    )
    plan(elm, world["mask"], "done", took_part_fully="partly", would_recommend=False)
    plan(elm, world["mask"], "done", took_part_fully="yes")
    plan(elm, world["brass"], "done", pupils_said="Loud trumpets!")
    plan(elm, world["brass"], "done")
    # No postcode: unknown authority.
    BackpackFactory(class_name="Yew Class", pupils=10, school_postcode="")
    return oak, ash, elm


def test_figures_per_authority_and_nation(backpacks):
    rows = {row["name"]: row for row in experiences.by_authority()}
    assert set(rows) == {"Leicester", "Derby", "Unknown"}
    assert rows["Leicester"] == {
        "name": "Leicester",
        "classes": 2,
        "pupils": 55,
        "booked": 3,
        "done": 3,
        "on_track": 1,
        "on_track_share": 50,
    }
    assert (rows["Derby"]["done"], rows["Derby"]["on_track"]) == (5, 1)
    assert (rows["Unknown"]["classes"], rows["Unknown"]["on_track_share"]) == (1, 0)
    nations = {row["name"]: row for row in experiences.by_nation()}
    assert nations["England"]["classes"] == 3 and nations["England"]["pupils"] == 65
    assert nations["Wales"]["on_track"] == 1 and nations["Wales"]["on_track_share"] == 100


def test_provider_digest(backpacks):
    digest = {row["provider"]: row for row in experiences.provider_digest()}
    makers = digest["Makers Theatre"]
    # Three visits done; of those who answered, 2 of 3 took part fully, 1 of 2 recommend.
    assert makers["completed"] == 3
    assert makers["took_part_fully_share"] == 67
    assert makers["would_recommend_share"] == 50
    assert makers["pupils_said"] == ["We wore masks and shouted."]
    band = digest["Brass Band"]
    assert band["completed"] == 5 and band["would_recommend_share"] is None
    assert band["pupils_said"] == ["Loud trumpets!"]


def test_report_page_and_export(client, analyst, backpacks):
    client.force_login(analyst)
    html = client.get(reverse("insights_experiences")).content.decode()
    assert "No data yet" not in html
    assert "We wore masks and shouted." in html and "Makers Theatre" in html
    # The pupils' words never sit beside a school or class name.
    for name in ("Oak Class", "Ash Class", "Elm Class", "Yew Class"):
        assert name not in html
    response = client.get(reverse("insights_experiences"), {"export": "csv"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "Leicester,2,55,3,3,1,50" in text


def test_no_data_yet(client, analyst, world):
    client.force_login(analyst)
    html = client.get(reverse("insights_experiences")).content.decode()
    assert "No data yet" in html


@pytest.mark.parametrize("export", ["", "csv", "xlsx"])
def test_forbidden_without_the_permission(client, world, django_user_model, export):
    user = django_user_model.objects.create_user("editor", "e@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(reverse("insights_experiences"), {"export": export} if export else {})
    assert response.status_code == 403
