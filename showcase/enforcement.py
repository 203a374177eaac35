"""What happens the moment consent, a child's flag or a work's moderation changes.

Visibility itself needs nothing from here: the rule is evaluated on every request. This module
does the tidying that goes with it: delete the renditions of works no longer visible on any
site, write the audit log, and purge any front-end cache of the galleries that showed them.
"""

from django.apps import apps
from wagtail.log_actions import log

from showcase.images import delete_renditions, rendition_names


def galleries_showing(artworks):
    """Pages whose content may have included these works (for cache purging). Every live
    gallery and index: a work can match several galleries, and purging a few extra pages is
    cheaper than missing one."""
    from showcase.models import ShowcaseIndexPage, ShowcasePage

    return [*ShowcasePage.objects.live(), *ShowcaseIndexPage.objects.live()]


def purge_front_end_cache(pages):
    """No front-end cache is configured in this project (pages are sent with never-cache
    headers). If wagtail.contrib.frontend_cache is ever installed, purge the galleries too."""
    if not pages or not apps.is_installed("wagtail.contrib.frontend_cache"):
        return
    from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache

    purge_pages_from_cache(pages)


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
        purge_front_end_cache(galleries_showing(hidden))
    return hidden
