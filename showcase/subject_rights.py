"""Rights of the data subject: everything held about a child reference, and its erasure.

The export is a JSON document a family (through the programme) can be given: the child's
record, every consent-ledger entry, every work they are part of with its files, and the audit
log about them. Other children in a group work appear only as a count, never by reference.

Erasure removes the child, the ledger, every work they are part of (group works included: the
child's contribution cannot be cut out of a picture, and the work could otherwise become
visible again through the other children's consent), all files and renditions, and the
audit entries that name them, leaving one entry that records the erasure without identifying
anyone.
"""

import base64
import hashlib

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from showcase.images import rendition_names
from showcase.models import Child, ConsentRecord

LEDGER_FIELDS = [
    "kind",
    "given_by",
    "authority_name",
    "given_at",
    "notice_version",
    "all_regional_sites",
    "print_use",
    "expires_at",
    "recorded_at",
]
ARTWORK_FIELDS = [
    "title",
    "display_name",
    "childs_words",
    "medium",
    "alt_text",
    "text",
    "age",
    "year_group",
    "project",
    "status",
    "reviewed_at",
    "created_at",
    "updated_at",
]


def _value(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


def _logs_for(instances):
    entries = ModelLogEntry.objects.none()
    for instance in instances:
        content_type = ContentType.objects.get_for_model(instance)
        entries = entries | ModelLogEntry.objects.filter(
            content_type=content_type, object_id=str(instance.pk)
        )
    return entries


def export_child(child):
    artworks = list(child.artworks.all().order_by("pk"))
    ledger = list(ConsentRecord.objects.filter(child=child).order_by("pk"))
    works = []
    for artwork in artworks:
        work = {field: _value(getattr(artwork, field)) for field in ARTWORK_FIELDS}
        work["id"] = artwork.pk
        work["local_authority"] = str(artwork.place) if artwork.place_id else None
        work["activity"] = artwork.activity.title if artwork.activity_id else None
        work["other_children"] = artwork.children.exclude(pk=child.pk).count()
        work["renditions_held"] = len(rendition_names(artwork.pk))
        if artwork.image:
            with artwork.image.open("rb") as file:
                data = file.read()
            work["picture"] = {
                "sha256": hashlib.sha256(data).hexdigest(),
                "bytes": len(data),
                "base64": base64.b64encode(data).decode("ascii"),
            }
        works.append(work)
    return {
        "reference": child.reference,
        "do_not_publish": child.do_not_publish,
        "created_at": _value(child.created_at),
        "consent_ledger": [
            {
                **{field: _value(getattr(entry, field)) for field in LEDGER_FIELDS},
                "site": str(entry.site) if entry.site_id else None,
            }
            for entry in ledger
        ],
        "artworks": works,
        "audit_log": [
            {"action": entry.action, "timestamp": _value(entry.timestamp), "data": entry.data}
            for entry in _logs_for([child, *artworks]).order_by("timestamp", "pk")
        ],
    }


@transaction.atomic
def erase_child(child, user=None):
    """Erase everything about this child; returns how many works were deleted."""
    artworks = list(child.artworks.all())
    _logs_for([child, *artworks]).delete()
    for artwork in artworks:
        artwork.delete()  # removes its original and renditions from private storage
    log(
        child,
        "showcase.erased",
        user=user,
        title="Erased child record",
        data={"artworks_deleted": len(artworks)},
    )
    Child.objects.filter(pk=child.pk).delete()
    return len(artworks)


def find_child(reference):
    return Child.objects.filter(reference=reference.strip().upper()).first()
