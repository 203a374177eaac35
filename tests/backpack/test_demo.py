"""The demo's class backpack, as the README says to open it."""

import pytest

from backpack.demo_content import EDIT_TOKEN, VIEW_TOKEN
from backpack.models import Backpack

pytestmark = pytest.mark.django_db


def test_the_demo_class_has_five_experiences_in_every_state(client, demo_site):
    backpack = Backpack.objects.get(edit_token=EDIT_TOKEN)
    assert backpack.experiences.count() == 5
    assert set(backpack.experiences.values_list("status", flat=True)) == {
        "idea",
        "requested",
        "booked",
        "done",
    }
    html = client.get(f"/backpack/class/{EDIT_TOKEN}/").content.decode()
    assert "Year 4 Maple" in html and "1 of 5 done" in html and "1 booked" in html
    assert "Not in the plan yet" not in html  # one of each of the five art forms
    shared = client.get(f"/backpack/shared/{VIEW_TOKEN}/")
    assert (
        shared.status_code == 200
        and 'method="post"' not in shared.content.decode().split('id="main"')[1]
    )
