"""What happens the moment consent, a child's flag or a work's moderation changes.

Visibility itself needs nothing from here: the rule is evaluated on every request. This module
does the tidying that goes with it: delete the renditions of works no longer visible on any
site, write the audit log, and purge the page cache (core/cache.py) of the pages that showed
them.
"""

from wagtail.log_actions import log

from core.cache import purge
from showcase.images import delete_renditions, rendition_names


def galleries_showing(artworks):
    """Pages whose content may have included these works (for cache purging). Every live
    gallery and index: a work can match several galleries, and purging a few extra pages is
    cheaper than missing one."""
    from showcase.models import ShowcaseIndexPage, ShowcasePage

    return [*ShowcasePage.objects.live(), *ShowcaseIndexPage.objects.live()]


def purge_pages_showing_works(artworks=(), reason=""):
    """Consent, a flag or a work changed: the page cache is purged, and so is any front-end
    cache for the galleries (and through them their index, the home page and the sitemap),
    which core/cache.py only looks up when a front-end cache is configured."""
    purge(pages=lambda: galleries_showing(artworks), reason=reason or "showcase change")


def hide_invisible(artworks, user=None, reason="", log_approved=True):
    """Delete renditions of the given works that are now visible nowhere, and log each work
    this took off the site (approved works when a change caused it; when tidying up, only those
    that still had files). Returns the works hidden."""
    from showcase.models import Artwork

    artworks = list(artworks)
    if not artworks:
        return []
    still_visible = set(
        Artwork.objects.visible_somewhere()
        .filter(pk__in=[artwork.pk for artwork in artworks])
        .values_list("pk", flat=True)
    )
    hidden = []
    for artwork in artworks:
        if artwork.pk in still_visible:
            continue
        had_files = bool(rendition_names(artwork.pk))
        delete_renditions(artwork.pk)
        if had_files or (log_approved and artwork.status == Artwork.Status.APPROVED):
            hidden.append(artwork)
            log(
                artwork,
                "showcase.artwork_hidden",
                user=user,
                data={"reason": reason, "renditions_deleted": had_files},
            )
    if hidden:
        purge_pages_showing_works(hidden, reason=reason)
    return hidden
