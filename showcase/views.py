"""The only way an artwork's picture leaves the server.

Each request asks the consent rule for the requesting site. A work that may not be shown gets
the same 404 as a work that never existed (nothing to learn from the difference), and any
renditions it still has on disk are deleted there and then, so an expiry tidies itself up even
if ``enforce_consent`` has not run. Originals have no route at all.
"""

from django.http import FileResponse, Http404
from django.views.decorators.http import require_GET

from showcase.enforcement import hide_invisible
from showcase.images import RENDITION_SIZES, get_or_create_rendition
from showcase.models import Artwork
from showcase.models.pages import MAX_ID, never_kept, request_site
from showcase.storage import private_storage


@require_GET
def artwork_media(request, pk, size):
    if size not in RENDITION_SIZES or pk > MAX_ID:
        raise Http404("Unknown picture")
    artwork = Artwork.objects.publicly_visible(request_site(request)).filter(pk=pk).first()
    if artwork is None or not artwork.image:
        hidden = Artwork.objects.filter(pk=pk).first()
        if hidden is not None:
            hide_invisible([hidden], reason="asked for after consent ended", log_approved=False)
        raise Http404("No such picture")
    name = get_or_create_rendition(artwork, size)
    response = FileResponse(private_storage().open(name, "rb"), content_type="image/jpeg")
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Disposition"] = "inline"
    return never_kept(response)
