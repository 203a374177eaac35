"""Connect consent, child and artwork changes to enforcement and the audit log.

Signals rather than calls in each view, so that every path (admin, management command, shell,
demo loader) that changes consent tidies up the same way.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from wagtail.log_actions import log

from showcase.enforcement import hide_invisible, purge_pages_showing_works
from showcase.images import delete_renditions


def consent_saved(sender, instance, created, **kwargs):
    if not created:
        return
    withdrawn = instance.kind == instance.Kind.WITHDRAWN
    log(
        instance.child,
        "showcase.consent_withdrawn" if withdrawn else "showcase.consent_recorded",
        user=instance.recorded_by,
        data={
            "entry": instance.pk,
            "scopes": instance.scope_labels(),
            "expires": instance.expires_at.isoformat() if instance.expires_at else None,
        },
    )
    hide_invisible(
        instance.child.artworks.all(),
        user=instance.recorded_by,
        reason="consent withdrawn" if withdrawn else "consent changed",
    )
    # A consent given can show works as surely as a withdrawal hides them.
    purge_pages_showing_works(reason="consent recorded")


def remember_flag(sender, instance, **kwargs):
    previous = sender.objects.filter(pk=instance.pk).values_list("do_not_publish", flat=True)
    instance._was_flagged = bool(previous and previous[0])


def child_saved(sender, instance, created, **kwargs):
    was_flagged = getattr(instance, "_was_flagged", False)
    if instance.do_not_publish and not was_flagged:
        log(instance, "showcase.child_flagged")
        hide_invisible(instance.artworks.all(), reason="child flagged do not publish")
    if instance.do_not_publish != was_flagged:
        purge_pages_showing_works(reason="child's do-not-publish flag changed")


def artwork_saved(sender, instance, created, **kwargs):
    if not created:
        hide_invisible([instance], reason="artwork changed")
    # Moderation, or any change to what a visible work shows (title, words, picture).
    purge_pages_showing_works(reason="artwork saved")


def artwork_children_changed(sender, instance, action, **kwargs):
    from showcase.models import Artwork

    if action in ("post_add", "post_remove", "post_clear"):
        if isinstance(instance, Artwork):
            hide_invisible([instance], reason="children changed")
        else:
            hide_invisible(instance.artworks.all(), reason="children changed")
        purge_pages_showing_works(reason="a work's children changed")


def artwork_deleted(sender, instance, **kwargs):
    """However a work is deleted (admin, bulk action, erasure, cascade), its files go too."""
    delete_renditions(instance.pk)
    if instance.image:
        instance.image.storage.delete(instance.image.name)
    purge_pages_showing_works(reason="artwork deleted")


def connect():
    from showcase.models import Artwork, Child, ConsentRecord

    post_save.connect(consent_saved, sender=ConsentRecord, dispatch_uid="showcase-consent")
    pre_save.connect(remember_flag, sender=Child, dispatch_uid="showcase-child-flag")
    post_save.connect(child_saved, sender=Child, dispatch_uid="showcase-child")
    post_save.connect(artwork_saved, sender=Artwork, dispatch_uid="showcase-artwork")
    post_delete.connect(artwork_deleted, sender=Artwork, dispatch_uid="showcase-artwork-files")
    m2m_changed.connect(
        artwork_children_changed,
        sender=Artwork.children.through,
        dispatch_uid="showcase-artwork-children",
    )
