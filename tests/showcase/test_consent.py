"""Consent operations: withdrawal and expiry take effect on the very next request, the ledger
is append-only, and every change is in the audit log."""

from datetime import timedelta
from pathlib import Path
from unittest import mock

import pytest
from django.core.management import call_command
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.models import ModelLogEntry

from showcase.admin_views import expiring_consents
from showcase.factories import ArtworkFactory, child_with_consent
from showcase.models import DEFAULT_CONSENT_DAYS, Artwork, ConsentRecord
from showcase.storage import private_storage
from tests.showcase.conftest import private_files

pytestmark = pytest.mark.django_db


def routes(gallery, artwork):
    base = gallery.get_url_parts()[2]
    return {
        "gallery": base,
        "work": f"{base}work/{artwork.pk}/",
        "sitemap": "/sitemap.xml",
        "card": f"/showcase-media/{artwork.pk}/card.jpg",
        "full": f"/showcase-media/{artwork.pk}/full.jpg",
    }


def shown_everywhere(client, gallery, artwork):
    paths = routes(gallery, artwork)
    found = {}
    for key, path in paths.items():
        response = client.get(path)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        if key in ("card", "full"):
            found[key] = response.status_code == 200
        elif key == "sitemap":
            found[key] = f"work/{artwork.pk}/".encode() in body
        else:
            found[key] = response.status_code == 200 and artwork.title.encode() in body
    return found


def rendition_paths(artwork):
    return [p for p in private_files() if f"renditions/{artwork.pk}/" in str(p)]


def test_withdrawal_in_the_admin_hides_the_work_on_the_next_request(client, editor, site, gallery):
    child = child_with_consent(site)
    friend = child_with_consent(site)
    artwork = ArtworkFactory(children=[child, friend], title="Windmill at dawn")
    solo = ArtworkFactory(children=[friend], seed=2, title="Kestrel on a wire")

    assert all(shown_everywhere(client, gallery, artwork).values())
    on_disk = rendition_paths(artwork)
    assert len(on_disk) == 2 and all(path.exists() for path in on_disk)

    client.force_login(editor)
    page = client.get(f"/admin/showcase/withdraw/{child.pk}/")
    assert page.status_code == 200 and b"Windmill at dawn" in page.content
    response = client.post(f"/admin/showcase/withdraw/{child.pk}/", {"confirm": "on"})
    assert response.status_code == 302
    client.logout()

    assert not any(shown_everywhere(client, gallery, artwork).values())
    assert not any(path.exists() for path in on_disk)
    assert rendition_paths(artwork) == []
    # The friend's own work is untouched.
    assert all(shown_everywhere(client, gallery, solo).values())

    entry = child.current_consent()
    assert entry.kind == ConsentRecord.Kind.WITHDRAWN and entry.recorded_by == editor
    assert ModelLogEntry.objects.filter(
        action="showcase.consent_withdrawn", object_id=str(child.pk), user=editor
    ).exists()
    hidden = ModelLogEntry.objects.get(action="showcase.artwork_hidden", object_id=str(artwork.pk))
    assert hidden.data["renditions_deleted"] is True


def test_expiry_takes_effect_without_any_job_and_enforce_consent_tidies_files(
    client, site, gallery
):
    child = child_with_consent(site)
    entry = child.current_consent()
    artwork = ArtworkFactory(children=[child], title="Frost ferns")
    assert all(shown_everywhere(client, gallery, artwork).values())
    assert len(rendition_paths(artwork)) == 2

    later = entry.expires_at + timedelta(seconds=1)
    paths = routes(gallery, artwork)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert not Artwork.objects.publicly_visible(site).exists()
        for key in ("gallery", "work"):
            response = client.get(paths[key])
            assert artwork.title.encode() not in response.content, key
        assert f"work/{artwork.pk}/".encode() not in client.get(paths["sitemap"]).content
        # Pages do not touch the files, so the renditions are still on disk until...
        assert len(rendition_paths(artwork)) == 2
        # ...enforce_consent runs, which deletes them and logs it.
        call_command("enforce_consent", stdout=open("/dev/null", "w"))  # noqa: SIM115
        assert rendition_paths(artwork) == []
        for key in ("card", "full"):
            assert client.get(paths[key]).status_code == 404
    assert rendition_paths(artwork) == []
    assert ModelLogEntry.objects.filter(
        action="showcase.artwork_hidden", object_id=str(artwork.pk)
    ).exists()
    assert private_storage().exists(artwork.image.name)  # the original is kept for renewal


def test_flagging_a_child_hides_group_works_at_once(client, site, gallery):
    child, friend = child_with_consent(site), child_with_consent(site)
    artwork = ArtworkFactory(children=[child, friend], title="Group mural")
    assert all(shown_everywhere(client, gallery, artwork).values())
    child.do_not_publish = True
    child.save()
    assert not any(shown_everywhere(client, gallery, artwork).values())
    assert rendition_paths(artwork) == []
    assert ModelLogEntry.objects.filter(action="showcase.child_flagged").exists()
    # A later, fresh consent does not override the flag.
    ConsentRecord.objects.create(
        child=child, given_by="parent_carer", notice_version="2026-01", site=site
    )
    assert not Artwork.objects.publicly_visible(site).exists()


def test_renewed_consent_brings_the_work_back(client, site, gallery):
    child = child_with_consent(site, "withdrawn")
    artwork = ArtworkFactory(children=[child], title="Second chance")
    assert not any(shown_everywhere(client, gallery, artwork).values())
    ConsentRecord.objects.create(
        child=child, given_by="parent_carer", notice_version="2026-01", site=site
    )
    assert all(shown_everywhere(client, gallery, artwork).values())


def test_ledger_is_append_only(site):
    child = child_with_consent(site)
    entry = child.current_consent()
    entry.notice_version = "edited"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        ConsentRecord.objects.filter(pk=entry.pk).update(notice_version="edited")
    with pytest.raises(PermissionError):
        ConsentRecord.objects.filter(pk=entry.pk).delete()
    entry.refresh_from_db()
    assert entry.notice_version == "2025-09"


def test_admin_records_consent_with_default_expiry_but_cannot_edit_it(client, admin_user, site):
    child = child_with_consent(site, "none")
    client.force_login(admin_user)
    add = client.get(f"/admin/showcase/consent/add/?child={child.pk}")
    assert add.status_code == 200
    assert b"one year after consent was given" in add.content
    now = timezone.localtime()
    response = client.post(
        "/admin/showcase/consent/add/",
        {
            "child": child.pk,
            "kind": "given",
            "given_by": "responsible_authority",
            "authority_name": "Leicester City Council",
            "given_at": now.strftime("%Y-%m-%d %H:%M"),
            "notice_version": "2025-09",
            "site": site.pk,
        },
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    entry = child.current_consent()
    assert entry.recorded_by == admin_user
    assert abs((entry.expires_at - entry.given_at) - timedelta(days=DEFAULT_CONSENT_DAYS)) < (
        timedelta(minutes=1)
    )
    assert ModelLogEntry.objects.filter(action="showcase.consent_recorded").exists()
    # Even a superuser gets no edit or delete view for a ledger entry.
    for path in (
        f"/admin/showcase/consent/edit/{entry.pk}/",
        f"/admin/showcase/consent/delete/{entry.pk}/",
    ):
        assert client.get(path).status_code in (302, 403), path
        client.post(path, {"notice_version": "edited"})
    entry.refresh_from_db()
    assert entry.notice_version == "2025-09"
    listing = client.get("/admin/showcase/consent/")
    assert f"/admin/showcase/consent/edit/{entry.pk}/".encode() not in listing.content


def test_consent_form_explains_what_is_missing(client, admin_user, site):
    child = child_with_consent(site, "none")
    client.force_login(admin_user)
    response = client.post(
        "/admin/showcase/consent/add/",
        {"child": child.pk, "kind": "given", "given_by": "responsible_authority"},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Name the authority responsible for the child." in body
    assert "Record which privacy notice the family saw." in body
    assert "Choose at least one scope." in body
    assert child.current_consent() is None


def test_expiring_report_lists_the_next_thirty_days_only(client, admin_user, site):
    now = timezone.now()
    soon = child_with_consent(site, "none", reference="AB-SOON01")
    ConsentRecord.objects.create(
        child=soon,
        given_by="parent_carer",
        notice_version="v1",
        site=site,
        given_at=now - timedelta(days=300),
        expires_at=now + timedelta(days=10),
    )
    later = child_with_consent(site, "none", reference="AB-LATE01")
    ConsentRecord.objects.create(
        child=later,
        given_by="parent_carer",
        notice_version="v1",
        site=site,
        expires_at=now + timedelta(days=90),
    )
    renewed = child_with_consent(site, "none", reference="AB-RENEW1")
    ConsentRecord.objects.create(
        child=renewed,
        given_by="parent_carer",
        notice_version="v1",
        site=site,
        given_at=now - timedelta(days=300),
        expires_at=now + timedelta(days=5),
    )
    ConsentRecord.objects.create(
        child=renewed, given_by="parent_carer", notice_version="v2", site=site
    )
    assert [entry.child.reference for entry in expiring_consents()] == ["AB-SOON01"]
    client.force_login(admin_user)
    body = client.get("/admin/reports/consent-expiring/").content
    assert b"AB-SOON01" in body and b"AB-LATE01" not in body and b"AB-RENEW1" not in body
    # The expiry is shown as the day it falls on (not "Just now" for a date ahead).
    expires = date_format(timezone.localtime(now + timedelta(days=10)), "j F Y")
    assert expires.encode() in body
    assert b"Just now" not in body


def test_storage_files_gone_means_gone_on_disk(site):
    artwork = ArtworkFactory(children=[child_with_consent(site)])
    original = Path(private_storage().path(artwork.image.name))
    assert original.exists()
    artwork.delete()
    assert not original.exists()


def test_every_language_rechecks_consent(client, site, showcase):
    """A translated gallery is a separate page; it must ask the same rule, not keep a copy."""
    from wagtail.models import Locale

    index, gallery = showcase
    welsh = Locale.objects.get(language_code="cy")
    home = index.get_parent()
    for page in (home, index, gallery):
        translation = page.copy_for_translation(welsh, copy_parents=False)
        translation.save_revision().publish()
    welsh_gallery = gallery.get_translation(welsh)
    child = child_with_consent(site)
    artwork = ArtworkFactory(children=[child], title="Seren fach")
    work = f"{welsh_gallery.get_url_parts()[2]}work/{artwork.pk}/"
    assert work.startswith("/cy/")
    response = client.get(work)
    assert response.status_code == 200 and b"Seren fach" in response.content
    assert b"Seren fach" in client.get(welsh_gallery.get_url_parts()[2]).content
    ConsentRecord.objects.create(child=child, kind=ConsentRecord.Kind.WITHDRAWN)
    assert client.get(work).status_code == 404
    assert b"Seren fach" not in client.get(welsh_gallery.get_url_parts()[2]).content
