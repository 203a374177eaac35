"""Export everything held about a child, and erase it, files included."""

import base64
import hashlib
import json
import os

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from wagtail.models import ModelLogEntry

from showcase.factories import ArtworkFactory, child_with_consent
from showcase.models import Artwork, Child, ConsentRecord
from showcase.storage import private_storage
from tests.showcase.conftest import private_files

pytestmark = pytest.mark.django_db


@pytest.fixture
def family(site, client, gallery):
    child = child_with_consent(site, "withdrawn", reference="AB-EXPRT1")
    ConsentRecord.objects.create(
        child=child, given_by="parent_carer", notice_version="2026-01", site=site
    )
    friend = child_with_consent(site, reference="AB-FRIEND")
    solo = ArtworkFactory(children=[child], seed=2, title="Solo piece", display_name="Ada")
    group = ArtworkFactory(children=[child, friend], seed=3, title="Group piece")
    other = ArtworkFactory(children=[friend], seed=4, title="Friend alone")
    for artwork in (solo, group, other):
        assert client.get(f"/showcase-media/{artwork.pk}/card.jpg").status_code == 200
    return child, friend, solo, group, other


def test_export_holds_everything_about_the_child_and_nothing_about_others(
    client, admin_user, family
):
    child, friend, solo, group, _other = family
    client.force_login(admin_user)
    response = client.get(f"/admin/showcase/export/{child.pk}/")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="AB-EXPRT1.json"'
    data = json.loads(response.content)
    assert data["reference"] == "AB-EXPRT1"
    assert [entry["kind"] for entry in data["consent_ledger"]] == ["given", "withdrawn", "given"]
    titles = {work["title"]: work for work in data["artworks"]}
    assert set(titles) == {"Solo piece", "Group piece"}
    assert titles["Solo piece"]["display_name"] == "Ada"
    assert titles["Group piece"]["other_children"] == 1
    with solo.image.open("rb") as file:
        original = file.read()
    picture = titles["Solo piece"]["picture"]
    assert base64.b64decode(picture["base64"]) == original
    assert picture["sha256"] == hashlib.sha256(original).hexdigest()
    assert "AB-FRIEND" not in response.content.decode()
    actions = [entry["action"] for entry in data["audit_log"]]
    assert "showcase.consent_withdrawn" in actions and "showcase.exported" in actions


def test_erase_removes_the_child_their_works_files_and_logs(client, admin_user, family):
    child, friend, solo, group, other = family
    doomed = [solo, group]
    doomed_files = [p for p in private_files() if any(f"/{a.pk}/" in str(p) for a in doomed)]
    doomed_files += [private_storage().path(a.image.name) for a in doomed]
    client.force_login(admin_user)
    wrong = client.post(f"/admin/showcase/erase/{child.pk}/", {"reference": "AB-WRONG1"})
    assert b"That is not this child&#x27;s reference." in wrong.content
    assert Child.objects.filter(pk=child.pk).exists()

    response = client.post(f"/admin/showcase/erase/{child.pk}/", {"reference": "ab-exprt1"})
    assert response.status_code == 302
    assert not Child.objects.filter(reference="AB-EXPRT1").exists()
    assert not ConsentRecord.objects.filter(child_id=child.pk).exists()
    assert not Artwork.objects.filter(pk__in=[solo.pk, group.pk]).exists()
    for path in doomed_files:
        assert not os.path.exists(path), path
    # The friend and their own work remain, files and all.
    assert Child.objects.filter(pk=friend.pk).exists()
    assert private_storage().exists(Artwork.objects.get(pk=other.pk).image.name)
    # Nothing left in the audit log names the child or the erased works, except one
    # anonymous note that an erasure happened.
    child_type = ContentType.objects.get_for_model(Child)
    remaining = ModelLogEntry.objects.filter(content_type=child_type, object_id=str(child.pk))
    assert [(entry.action, entry.label) for entry in remaining] == [
        ("showcase.erased", "Erased child record")
    ]
    assert not ModelLogEntry.objects.filter(label__in=["Solo piece", "Group piece"]).exists()
    assert not ModelLogEntry.objects.filter(label__contains="AB-EXPRT1").exists()


def test_commands_export_and_erase(tmp_path, family):
    child = family[0]
    output = tmp_path / "export.json"
    call_command("export_child", "ab-exprt1", output=str(output), stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert json.loads(output.read_text())["reference"] == "AB-EXPRT1"
    with pytest.raises(CommandError, match="--yes"):
        call_command("erase_child", "AB-EXPRT1")
    with pytest.raises(CommandError, match="No child"):
        call_command("erase_child", "AB-NOBODY", yes=True)
    call_command("erase_child", "AB-EXPRT1", yes=True, stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert not Child.objects.filter(pk=child.pk).exists()


def test_private_root_inside_media_is_refused(settings):
    from showcase.checks import private_root_is_private

    assert private_root_is_private(None) == []
    settings.SHOWCASE_PRIVATE_ROOT = f"{settings.MEDIA_ROOT}/private"
    errors = private_root_is_private(None)
    assert [error.id for error in errors] == ["showcase.E002"]
