"""What editors and reviewers see: validation messages, the safeguarding review, and that an
edit never keeps an approval."""

import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import ModelLogEntry

from showcase.factories import ArtworkFactory, child_with_consent, drawing
from showcase.models import Artwork

pytestmark = pytest.mark.django_db


def post_artwork(client, site, **overrides):
    data = {
        "title": "Sunflowers",
        "display_name": "Amira",
        "children": [child_with_consent(site).pk],
        "medium": "painting",
        "image": SimpleUploadedFile("sunflowers.png", drawing(2), "image/png"),
        "alt_text": "A painting of three tall yellow sunflowers in a blue pot.",
    }
    data.update(overrides)
    response = client.post("/admin/showcase/artworks/add/", data)
    return response, html.unescape(response.content.decode())


@pytest.mark.parametrize(
    "name, message",
    [
        (
            "Amira Khan",
            "Use a first name only, such as “Amira”, or leave this empty. “Amira Khan” looks "
            "like a full name, and a child's surname is never published.",
        ),
        (
            "J. Smith",
            "Use a first name only, such as “J”, or leave this empty. “J. Smith” looks like a "
            "full name, and a child's surname is never published.",
        ),
        ("Amira K.", "looks like a full name, and a child's surname is never published."),
        (
            "Amira2",
            "Use a first name only, in letters (a hyphen or apostrophe is fine), or leave this "
            "empty.",
        ),
        ("amira@example.org", "Use a first name only"),
        ("Amira_K", "in letters (a hyphen or apostrophe is fine)"),
    ],
)
def test_display_name_that_looks_like_a_full_name_is_refused(
    client, admin_user, site, name, message
):
    client.force_login(admin_user)
    response, body = post_artwork(client, site, display_name=name)
    assert response.status_code == 200
    assert message in body
    assert not Artwork.objects.exists()


@pytest.mark.parametrize("name", ["Amira", "Anne-Marie", "D'Arcy", "Siân", "Ōta", ""])
def test_first_names_and_no_name_are_accepted(client, admin_user, site, name):
    client.force_login(admin_user)
    response, body = post_artwork(client, site, display_name=name)
    assert response.status_code == 302, body[-2000:]
    assert Artwork.objects.get().display_name == name


@pytest.mark.parametrize(
    "alt, message",
    [
        ("", "Describe the picture for people who cannot see it"),
        ("   ", "Describe the picture for people who cannot see it"),
        ("IMG_2041.jpg", "This looks like a file name."),
        ("DSC01234", "This looks like a file name."),
        ("sunflowers_final_v2", "This looks like a file name."),
        ("Sunflowers", "The alt text repeats the title."),
        ("sunflowers ", "The alt text repeats the title."),
        ("Flowers", "Describe the picture in a short sentence (at least 10 characters)."),
    ],
)
def test_alt_text_must_describe_the_picture(client, admin_user, site, alt, message):
    client.force_login(admin_user)
    response, body = post_artwork(client, site, alt_text=alt)
    assert response.status_code == 200
    assert message in body
    assert not Artwork.objects.exists()


def test_a_work_needs_a_picture_or_text(client, admin_user, site):
    client.force_login(admin_user)
    response, body = post_artwork(client, site, image="", alt_text="")
    assert "Add a picture of the work, or its text if it is writing." in body
    response, body = post_artwork(
        client, site, image="", alt_text="", text="The moon is a biscuit.", medium="writing"
    )
    assert response.status_code == 302


def review(client, artwork, **data):
    payload = {"decision": "approve", "note": ""}
    payload.update(data)
    return client.post(f"/admin/showcase/review/{artwork.pk}/", payload)


ALL_TICKED = {"children_consent": "on", "no_surnames": "on", "no_location": "on", "faces": "on"}


def test_only_safeguarding_reviewers_may_approve(client, editor, reviewer, site):
    artwork = ArtworkFactory(
        children=[child_with_consent(site)], status=Artwork.Status.AWAITING_REVIEW
    )
    client.force_login(editor)
    assert client.get(f"/admin/showcase/review/{artwork.pk}/").status_code in (302, 403)
    review(client, artwork, **ALL_TICKED)
    artwork.refresh_from_db()
    assert artwork.status == Artwork.Status.AWAITING_REVIEW

    client.force_login(reviewer)
    page = client.get(f"/admin/showcase/review/{artwork.pk}/")
    assert page.status_code == 200
    assert b"There are no surnames or school names anywhere in the work." in page.content
    # The reviewer sees the picture through the admin-only preview, which stores nothing.
    preview = client.get(f"/admin/showcase/preview/{artwork.pk}/")
    assert preview.status_code == 200 and preview["Content-Type"] == "image/jpeg"
    assert not Artwork.objects.publicly_visible(site).exists()

    response = review(client, artwork, children_consent="on", no_surnames="on", faces="on")
    assert response.status_code == 200
    assert b"Tick this to approve, or send the work back." in response.content
    artwork.refresh_from_db()
    assert artwork.status == Artwork.Status.AWAITING_REVIEW

    assert review(client, artwork, **ALL_TICKED).status_code == 302
    artwork.refresh_from_db()
    assert artwork.status == Artwork.Status.APPROVED and artwork.reviewed_by == reviewer
    entry = ModelLogEntry.objects.get(action="showcase.approved", object_id=str(artwork.pk))
    assert entry.data["checklist"] == dict.fromkeys(ALL_TICKED, True)
    assert Artwork.objects.publicly_visible(site).filter(pk=artwork.pk).exists()


def test_review_refuses_a_work_whose_children_lack_consent(client, reviewer, site):
    flagged = child_with_consent(site, flagged=True)
    artwork = ArtworkFactory(
        children=[child_with_consent(site, "none", reference="AB-NOCON1"), flagged],
        status=Artwork.Status.AWAITING_REVIEW,
    )
    client.force_login(reviewer)
    response = review(client, artwork, **ALL_TICKED)
    body = html.unescape(response.content.decode())
    assert "AB-NOCON1 has no consent in force for the website." in body
    assert f"{flagged.reference} is marked “do not publish”." in body
    artwork.refresh_from_db()
    assert artwork.status == Artwork.Status.AWAITING_REVIEW


def test_editing_an_approved_work_takes_it_down_until_approved_again(client, editor, site, gallery):
    artwork = ArtworkFactory(children=[child_with_consent(site)], title="Lighthouse")
    assert client.get(f"{gallery.url}work/{artwork.pk}/").status_code == 200
    client.force_login(editor)
    edit = client.get(f"/admin/showcase/artworks/edit/{artwork.pk}/")
    assert edit.status_code == 200
    assert b'name="status"' not in edit.content  # editors cannot approve through the form
    response = client.post(
        f"/admin/showcase/artworks/edit/{artwork.pk}/",
        {
            "title": "Lighthouse",
            "display_name": "Ada",
            "children": [child.pk for child in artwork.children.all()],
            "medium": "painting",
            "alt_text": artwork.alt_text,
            "childs_words": "Now with my name.",
            "status": "approved",
        },
    )
    assert response.status_code == 302
    artwork.refresh_from_db()
    assert artwork.status == Artwork.Status.DRAFT and artwork.reviewed_by is None
    assert artwork.image  # saving without a new upload keeps the stored picture
    client.logout()
    assert client.get(f"{gallery.url}work/{artwork.pk}/").status_code == 404


def test_editors_cannot_erase_or_review_but_can_record_and_withdraw(client, editor, site):
    child = child_with_consent(site)
    client.force_login(editor)
    assert client.get(f"/admin/showcase/erase/{child.pk}/").status_code in (302, 403)
    assert client.get(f"/admin/showcase/withdraw/{child.pk}/").status_code == 200
    assert client.get("/admin/showcase/consent/add/").status_code == 200
    assert client.get("/admin/reports/consent-expiring/").status_code == 200


def test_admin_listings_render(client, admin_user, site):
    ArtworkFactory(children=[child_with_consent(site)])
    client.force_login(admin_user)
    for path in [
        "/admin/showcase/artworks/",
        "/admin/showcase/artworks/?q=Artwork",
        "/admin/showcase/children/",
        "/admin/showcase/consent/",
        "/admin/showcase/artworks/add/",
        "/admin/showcase/children/add/",
    ]:
        assert client.get(path).status_code == 200, path
