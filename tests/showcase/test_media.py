"""Uploaded pictures lose every scrap of metadata, originals included, on every path in."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from PIL.ExifTags import GPS, IFD, Base

from showcase.factories import child_with_consent, drawing
from showcase.models import Artwork
from tests.showcase.conftest import private_files

pytestmark = pytest.mark.django_db


def jpeg_with_gps():
    """A JPEG carrying GPS coordinates, camera make/model and a maker note, like a phone's."""
    exif = Image.Exif()
    exif[Base.Make] = "PhoneCo"
    exif[Base.Model] = "Pocket 12"
    exif[Base.Artist] = "Jane Doe"
    exif.get_ifd(IFD.Exif)[Base.MakerNote] = b"secret-maker-note"
    gps = exif.get_ifd(IFD.GPSInfo)
    gps[GPS.GPSLatitudeRef] = "N"
    gps[GPS.GPSLatitude] = (52.0, 38.0, 7.44)
    gps[GPS.GPSLongitudeRef] = "W"
    gps[GPS.GPSLongitude] = (1.0, 7.0, 30.72)
    picture = Image.open(io.BytesIO(drawing(3, fmt="JPEG")))
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", exif=exif, comment=b"Year 4, St Example's School")
    data = buffer.getvalue()
    # The fixture really carries what we are about to strip.
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(IFD.GPSInfo)
    assert b"PhoneCo" in data and b"secret-maker-note" in data
    return data


def assert_no_metadata(data, label):
    picture = Image.open(io.BytesIO(data))
    assert len(picture.getexif()) == 0, label
    assert not picture.getexif().get_ifd(IFD.GPSInfo), label
    for key in ("exif", "xmp", "icc_profile", "comment", "photoshop", "XML:com.adobe.xmp"):
        assert key not in picture.info, (label, key)
    for marker in (b"Exif\x00\x00", b"PhoneCo", b"Pocket 12", b"Jane Doe", b"secret-maker-note"):
        assert marker not in data, (label, marker)
    assert b"St Example" not in data, label


def test_admin_upload_of_a_gps_jpeg_keeps_no_exif_anywhere(client, admin_user, site, gallery):
    child = child_with_consent(site)
    client.force_login(admin_user)
    response = client.post(
        "/admin/showcase/artworks/add/",
        {
            "title": "Harbour lights",
            "display_name": "Ada",
            "children": [child.pk],
            "medium": "painting",
            "image": SimpleUploadedFile("IMG_2041 Ada Smith.jpg", jpeg_with_gps(), "image/jpeg"),
            "alt_text": "A painting of yellow lights reflected in dark blue water.",
            "childs_words": "The lights wobble.",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    artwork = Artwork.objects.get(title="Harbour lights")
    # The uploaded name (which named the child) is gone too.
    assert "Smith" not in artwork.image.name and "IMG_2041" not in artwork.image.name
    artwork.status = Artwork.Status.APPROVED
    artwork.save()
    client.logout()
    for size in ("card", "full"):
        assert client.get(f"/showcase-media/{artwork.pk}/{size}.jpg").status_code == 200
    stored = private_files()
    assert len(stored) == 3  # the cleaned original and two renditions
    for path in stored:
        assert_no_metadata(path.read_bytes(), path.name)


def test_png_text_chunks_and_exif_are_removed_too(site):
    from django.core.files.base import ContentFile
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Jane Doe")
    info.add_text("Comment", "St Example's School")
    exif = Image.Exif()
    exif[Base.Make] = "PhoneCo"
    png = drawing(4, fmt="PNG", pnginfo=info, exif=exif)
    assert b"Jane Doe" in png and b"PhoneCo" in png
    artwork = Artwork(title="Kite", medium="drawing", alt_text="A red kite over green hills.")
    artwork.image = ContentFile(png, name="kite.png")
    artwork.save()
    with artwork.image.open("rb") as file:
        data = file.read()
    assert_no_metadata(data, "png original")
    assert getattr(Image.open(io.BytesIO(data)), "text", {}) == {}


def test_orientation_is_applied_before_exif_is_dropped(site):
    from django.core.files.base import ContentFile

    exif = Image.Exif()
    exif[Base.Orientation] = 6  # rotate 90° clockwise to display
    wide = Image.new("RGB", (300, 100), "red")
    buffer = io.BytesIO()
    wide.save(buffer, format="JPEG", exif=exif)
    artwork = Artwork(title="Tall", medium="drawing", alt_text="A tall red rectangle on its own.")
    artwork.image = ContentFile(buffer.getvalue(), name="x.jpg")
    artwork.save()
    with artwork.image.open("rb") as file:
        stored = Image.open(file)
        assert stored.size == (100, 300)


@pytest.mark.parametrize(
    "data, message",
    [
        (b"not a picture at all", "This file is not a picture we can read."),
        (b"GIF89a" + b"\x00" * 20, "This file is not a picture we can read."),
    ],
)
def test_bad_uploads_are_form_errors_not_crashes(client, admin_user, site, data, message):
    client.force_login(admin_user)
    response = client.post(
        "/admin/showcase/artworks/add/",
        {
            "title": "Broken",
            "medium": "painting",
            "image": SimpleUploadedFile("x.jpg", data, "image/jpeg"),
            "alt_text": "A painting of a broken thing in grey.",
        },
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Artwork.objects.exists()
    assert private_files() == []


def test_replacing_or_deleting_a_picture_leaves_no_file_behind(client, admin_user, site):
    from showcase.factories import ArtworkFactory

    artwork = ArtworkFactory(children=[child_with_consent(site)])
    assert client.get(f"/showcase-media/{artwork.pk}/card.jpg").status_code == 200
    first = private_files()
    assert len(first) == 2
    client.force_login(admin_user)
    response = client.post(
        f"/admin/showcase/artworks/edit/{artwork.pk}/",
        {
            "title": artwork.title,
            "children": [child.pk for child in artwork.children.all()],
            "medium": "painting",
            "image": SimpleUploadedFile("new.png", drawing(9), "image/png"),
            "alt_text": artwork.alt_text,
        },
    )
    assert response.status_code == 302
    after = private_files()
    assert len(after) == 1 and not set(after) & set(first)
    response = client.post(f"/admin/showcase/artworks/delete/{artwork.pk}/")
    assert response.status_code == 302
    assert not Artwork.objects.exists()
    assert private_files() == []


def test_children_are_only_removed_through_erasure(client, admin_user, site):
    child = child_with_consent(site)
    client.force_login(admin_user)
    assert client.get(f"/admin/showcase/children/delete/{child.pk}/").status_code in (302, 403)
    client.post(f"/admin/showcase/children/delete/{child.pk}/")
    assert child.__class__.objects.filter(pk=child.pk).exists()
    listing = client.get("/admin/showcase/children/").content
    assert f"/admin/showcase/erase/{child.pk}/".encode() in listing
    assert f"/admin/showcase/children/delete/{child.pk}/".encode() not in listing
