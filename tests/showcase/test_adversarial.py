"""Every public route, for a work in every state that must not be shown.

Each hidden work carries a title and a display name that appear nowhere else, and a picture
whose bytes are known (the stored original and every size the public view could make of it).
The walk requests every route a visitor, a crawler or a curious guesser could use, and
proves none of them gives away the work, its name, its address or its bytes. The same walk
over a visible work finds all of them, so the checks can fail.
"""

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings

from showcase.factories import ArtworkFactory, child_with_consent
from showcase.images import RENDITION_SIZES, get_or_create_rendition, render
from showcase.models import Artwork, ShowcasePage
from showcase.storage import private_storage

pytestmark = pytest.mark.django_db

TITLE = "Quillfeather Lagoon"
NAME = "Zuleika"

# state name -> how to build the children and status of a hidden work
HIDDEN_STATES = {
    "consent pending": {"children": [("none", False)]},
    "consent expired": {"children": [("expired", False)]},
    "consent withdrawn": {"children": [("withdrawn", False)]},
    "consent for print only": {"children": [("print_only", False)]},
    "consent for another site only": {"children": [("other_site", False)]},
    "consent dated in the future": {"children": [("not_yet_given", False)]},
    "child marked do not publish": {"children": [("valid", True)]},
    "group work, one child without consent": {"children": [("valid", False), ("none", False)]},
    "group work, one child withdrawn": {"children": [("valid", False), ("withdrawn", False)]},
    "group work, one child marked do not publish": {
        "children": [("valid", False), ("valid", True)]
    },
    "awaiting safeguarding review": {
        "children": [("valid", False)],
        "status": Artwork.Status.AWAITING_REVIEW,
    },
    "draft": {"children": [("valid", False)], "status": Artwork.Status.DRAFT},
    "sent back by the reviewer": {
        "children": [("valid", False)],
        "status": Artwork.Status.REJECTED,
    },
    "no children recorded": {"children": []},
}


def build(site, state):
    spec = HIDDEN_STATES[state]
    children = [
        child_with_consent(site, consent, flagged=flag) for consent, flag in spec["children"]
    ]
    return ArtworkFactory(
        children=children,
        status=spec.get("status", Artwork.Status.APPROVED),
        seed=7,
        title=TITLE,
        display_name=NAME,
        childs_words="The lagoon is where the feathers go to sleep.",
    )


def secret_bytes(artwork):
    """Byte strings that must never be served: the original, and every rendition."""
    with artwork.image.open("rb") as file:
        original = file.read()
    renditions = [render(artwork, size) for size in RENDITION_SIZES]
    # A distinctive run from the middle of each file is enough to spot it in any response.
    return [data[len(data) // 2 : len(data) // 2 + 64] for data in [original, *renditions]]


def path_of(page):
    """The page's path on its site (``page.url`` turns absolute once a second site exists)."""
    return page.get_url_parts()[2]


def public_routes(artwork, gallery):
    name = artwork.image.name
    gallery_path = path_of(gallery)
    rendition_paths = [f"renditions/{artwork.pk}/{size}.jpg" for size in RENDITION_SIZES]
    work = f"{gallery_path}work/{artwork.pk}/"
    return [
        "/",
        "/showcase/",
        gallery_path,
        f"{gallery_path}?page=2",
        f"{gallery_path}?page=nonsense",
        work,
        f"/cy{work}",
        f"/search/?q={TITLE.split()[0]}",
        f"/search/?q={NAME}",
        f"/search/?q={TITLE.replace(' ', '+')}",
        "/search/?q=feathers+sleep",
        "/sitemap.xml",
        *(f"/showcase-media/{artwork.pk}/{size}.jpg" for size in RENDITION_SIZES),
        f"/showcase-media/{artwork.pk}/original.jpg",
        f"/media/{name}",
        *(f"/media/{path}" for path in rendition_paths),
        f"/media/../private/{name}",
        f"/media/%2e%2e/{Path(settings.SHOWCASE_PRIVATE_ROOT).name}/{name}",
        f"/documents/{artwork.pk}/",
        f"/admin/showcase/preview/{artwork.pk}/",
        f"/showcase/everything/work/{artwork.pk}/?preview=1",
    ]


def body_of(response, path=""):
    if hasattr(response, "streaming_content"):
        return b"".join(response.streaming_content)
    if path.startswith("/search/") and (NAME in path or TITLE.split()[0] in path):
        # The search page repeats the query the reader typed; only its results can leak.
        soup = BeautifulSoup(response.content, "html.parser")
        return "".join(str(results) for results in soup.select(".results")).encode()
    return response.content


def walk(client, artwork, gallery):
    return {path: client.get(path) for path in public_routes(artwork, gallery)}


def assert_hidden(responses, artwork, secrets):
    work_path = f"work/{artwork.pk}/"
    for path, response in responses.items():
        assert response.status_code < 500, path
        body = body_of(response, path)
        assert TITLE.encode() not in body, path
        assert NAME.encode() not in body, path
        assert b"feathers go to sleep" not in body, path
        assert work_path.encode() not in body, path
        assert f"/showcase-media/{artwork.pk}/".encode() not in body, path
        for secret in secrets:
            assert secret not in body, path
        if "showcase-media" in path or path.startswith("/media/"):
            # Not found, or refused outright (400) for a path that tries to climb out.
            assert response.status_code in (400, 404), path
    assert responses[f"/showcase/everything/{work_path}"].status_code == 404


@pytest.mark.parametrize("state", sorted(HIDDEN_STATES))
def test_hidden_work_cannot_be_reached_by_any_route(client, site, gallery, state):
    artwork = build(site, state)
    assert not Artwork.objects.publicly_visible(site).filter(pk=artwork.pk).exists()
    # A rendition already on disk (say, from before consent ended) must not be served either.
    get_or_create_rendition(artwork, "card")
    secrets = secret_bytes(artwork)
    responses = walk(client, artwork, gallery)
    assert_hidden(responses, artwork, secrets)
    # Asking for it tidied the stale rendition away, unless the work is legitimately shown on
    # another regional site (its rendition stays for that site; this one still refuses it).
    kept = private_storage().exists(f"renditions/{artwork.pk}/card.jpg")
    assert kept == (state == "consent for another site only")


def test_visible_work_is_shown_on_every_route_that_should_show_it(client, site, gallery):
    artwork = ArtworkFactory(
        children=[child_with_consent(site), child_with_consent(site, "all_sites")],
        seed=7,
        title=TITLE,
        display_name=NAME,
        childs_words="The lagoon is where the feathers go to sleep.",
    )
    responses = walk(client, artwork, gallery)
    work = f"{path_of(gallery)}work/{artwork.pk}/"
    for path in ["/showcase/", path_of(gallery), work]:
        assert responses[path].status_code == 200, path
        assert f"/showcase-media/{artwork.pk}/".encode() in responses[path].content, path
    for path in [path_of(gallery), work]:
        assert TITLE.encode() in responses[path].content, path
        assert NAME.encode() in responses[path].content, path
    assert b"feathers go to sleep" in responses[work].content
    assert work.encode() in responses["/sitemap.xml"].content
    for size in RENDITION_SIZES:
        response = responses[f"/showcase-media/{artwork.pk}/{size}.jpg"]
        assert response.status_code == 200
        assert body_of(response) == render(artwork, size)
        assert "no-store" in response["Cache-Control"]
    # Still never by a file path, and never the original.
    for path, response in responses.items():
        if path.startswith("/media/") or path.endswith("original.jpg"):
            assert response.status_code in (400, 404), path
    # The home page's slot names the gallery, not the work.
    assert gallery.title.encode() in responses["/"].content
    assert NAME.encode() not in responses["/"].content


def test_search_never_holds_artworks(client, site, gallery):
    """Artworks are not pages and not indexed, so even a visible work's name and title are not
    in site search; the gallery's own words are."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.search import index
    from wagtail.search.models import IndexEntry

    artwork = ArtworkFactory(
        children=[child_with_consent(site)],
        title=TITLE,
        display_name=NAME,
        childs_words="The lagoon is where the feathers go to sleep.",
    )
    assert not issubclass(Artwork, index.Indexed)
    assert not IndexEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Artwork)
    ).exists()
    for query in [TITLE, NAME, "lagoon"]:
        soup = BeautifulSoup(client.get("/search/", {"q": query}).content, "html.parser")
        results = "".join(str(found) for found in soup.select(".results"))
        assert NAME not in results and TITLE not in results and "work/" not in results
    body = client.get("/search/", {"q": "feathers"}).content
    assert NAME.encode() not in body and TITLE.encode() not in body
    assert f"work/{artwork.pk}".encode() not in client.get("/search/", {"q": "everything"}).content


def test_files_live_outside_public_media(site, gallery):
    artwork = ArtworkFactory(children=[child_with_consent(site)])
    get_or_create_rendition(artwork, "full")
    private_root = Path(settings.SHOWCASE_PRIVATE_ROOT).resolve()
    media_root = Path(settings.MEDIA_ROOT).resolve()
    original = Path(private_storage().path(artwork.image.name)).resolve()
    assert private_root in original.parents and media_root not in original.parents
    assert not list(media_root.rglob(Path(artwork.image.name).name))
    with pytest.raises(RuntimeError):
        artwork.image.url  # noqa: B018  (the storage refuses to make a public address)


def test_gallery_pages_are_never_cached(client, site, gallery):
    ArtworkFactory(children=[child_with_consent(site)])
    for path in ["/showcase/", gallery.url]:
        response = client.get(path)
        assert "no-store" in response["Cache-Control"], path
        assert "private" in response["Cache-Control"], path
        assert "noarchive" in response["X-Robots-Tag"], path


def test_filtered_galleries_use_the_same_rule(client, site, showcase):
    index, _everything = showcase
    project = ShowcasePage(title="Pilot", slug="pilot", project="Pilot 2025")
    index.add_child(instance=project)
    project.save_revision().publish()
    shown = ArtworkFactory(
        children=[child_with_consent(site)], seed=2, title="Shown in pilot", project="Pilot 2025"
    )
    hidden = ArtworkFactory(
        children=[child_with_consent(site, "expired")],
        seed=3,
        title="Expired in pilot",
        project="Pilot 2025",
    )
    elsewhere = ArtworkFactory(
        children=[child_with_consent(site)], seed=4, title="Other project", project="Other"
    )
    body = client.get(project.url).content
    assert shown.title.encode() in body
    assert hidden.title.encode() not in body
    assert elsewhere.title.encode() not in body
    assert client.get(f"{project.url}work/{elsewhere.pk}/").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/showcase/everything/work/99999999999999999999999/",
        "/showcase/everything/work/0/",
        "/showcase/everything/work/-1/",
        "/showcase/everything/work/abc/",
        "/showcase-media/99999999999999999999999/card.jpg",
        "/showcase-media/1/..%2f..%2fsecret.jpg",
        "/showcase-media/1/CARD.jpg",
        "/showcase/everything/?page=99999999999999999999",
        "/showcase/everything/?page=%00",
    ],
)
def test_odd_addresses_are_not_found_never_errors(client, site, gallery, path):
    ArtworkFactory(children=[child_with_consent(site)])
    response = client.get(path)
    assert response.status_code in (200, 404), path
