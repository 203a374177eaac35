"""One venue model: provider venues get a key shared with their translations' copies, and
activities that name one of their provider's venues choose it by that key.

Keys are derived, not random, so that a venue and its copies in the provider's translations
(matched by the provider's translation_key and the venue's position in the list) get the same
key, and so that a venue held only in an old revision gets one too. Revisions and
wagtail-localize's stored sources are given the keys as well: the editor and the translation
sync build pages from them, and a venue without a key there would get a new random one.
"""

import json
import uuid
from collections import defaultdict

from django.db import migrations, models

import places.postcodes

NAMESPACE = uuid.UUID("6f1d3a52-9f43-4a57-9a0e-6a3c1f6c2b11")


def derived_key(translation_key, rank):
    return uuid.uuid5(NAMESPACE, f"{translation_key}:{rank}")


def _postcode(text):
    return "".join((text or "").upper().split())


def _same_venue(name, postcode, venue):
    return bool(name) and name.strip() == venue["name"].strip() and (
        _postcode(postcode) == _postcode(venue["postcode"])
    )


def _key_venues(data, translation_key, keys_by_pk):
    """Give each venue in a serialised provider its key; True if anything changed."""
    venues = data.get("venues") or []
    ordered = sorted(venues, key=lambda v: (v.get("sort_order") is None, v.get("sort_order") or 0))
    changed = False
    for rank, venue in enumerate(ordered):
        key = keys_by_pk.get(venue.get("pk")) or derived_key(translation_key, rank)
        if venue.get("key") != str(key):
            venue["key"] = str(key)
            changed = True
    return changed


def _content_type(apps, model):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.filter(app_label="directory", model=model).first()


def give_venues_keys(apps, schema_editor):
    ProviderPage = apps.get_model("directory", "ProviderPage")
    ProviderVenue = apps.get_model("directory", "ProviderVenue")
    ActivityPage = apps.get_model("directory", "ActivityPage")
    Revision = apps.get_model("wagtailcore", "Revision")
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")

    providers = {
        row["pk"]: row for row in ProviderPage.objects.values("pk", "path", "translation_key")
    }
    # Venues: the same key for the venue at the same place in each translation's list.
    by_provider = defaultdict(list)
    for venue in ProviderVenue.objects.order_by("provider_id", "sort_order", "pk"):
        by_provider[venue.provider_id].append(venue)
    venues_by_provider_path = {}
    keys_by_pk = {}
    for provider_id, venues in by_provider.items():
        provider = providers[provider_id]
        for rank, venue in enumerate(venues):
            venue.key = derived_key(provider["translation_key"], rank)
            keys_by_pk[venue.pk] = venue.key
        ProviderVenue.objects.bulk_update(venues, ["key"])
        venues_by_provider_path[provider["path"]] = [
            {"key": v.key, "name": v.name, "postcode": v.postcode} for v in venues
        ]

    provider_type = _content_type(apps, "providerpage")
    if provider_type is not None:
        translation_keys = {str(pk): row["translation_key"] for pk, row in providers.items()}
        for revision in Revision.objects.filter(content_type=provider_type).iterator():
            content = revision.content
            translation_key = translation_keys.get(str(revision.object_id)) or content.get(
                "translation_key"
            )
            if translation_key and _key_venues(content, translation_key, keys_by_pk):
                revision.content = content
                revision.save(update_fields=["content"])
        for source in TranslationSource.objects.filter(specific_content_type=provider_type):
            content = json.loads(source.content_json)
            if _key_venues(content, source.object_id, keys_by_pk):
                source.content_json = json.dumps(content)
                source.save(update_fields=["content_json"])

    # Activities naming one of their provider's venues (same name and postcode) choose it; a
    # translation follows its family's choice when its own provider has that venue (venue_key
    # is synchronised, but a translated venue name would not match by name).
    activities = list(
        ActivityPage.objects.values(
            "pk", "path", "translation_key", "venue_name", "venue_postcode"
        )
    )
    chosen_by_family = {}
    for activity in activities:
        for venue in venues_by_provider_path.get(activity["path"][:-4], []):
            if _same_venue(activity["venue_name"], activity["venue_postcode"], venue):
                chosen_by_family.setdefault(activity["translation_key"], venue["key"])
                break
    chosen = {}
    for activity in activities:
        key = chosen_by_family.get(activity["translation_key"])
        offered = {v["key"] for v in venues_by_provider_path.get(activity["path"][:-4], [])}
        if key is not None and key in offered:
            chosen[activity["pk"]] = key
    for pk, key in chosen.items():
        ActivityPage.objects.filter(pk=pk).update(venue_key=key)

    activity_type = _content_type(apps, "activitypage")
    if activity_type is None or not chosen:
        return
    postcodes = {
        venue["key"]: _postcode(venue["postcode"])
        for venues in venues_by_provider_path.values()
        for venue in venues
    }
    # Only revisions at the same venue: restoring an older one elsewhere must not move it.
    for revision in Revision.objects.filter(
        content_type=activity_type, object_id__in=[str(pk) for pk in chosen]
    ).iterator():
        key = chosen[int(revision.object_id)]
        if _postcode(revision.content.get("venue_postcode")) == postcodes[key]:
            revision.content["venue_key"] = str(key)
            revision.save(update_fields=["content"])
    family_key = {a["translation_key"]: chosen[a["pk"]] for a in activities if a["pk"] in chosen}
    for source in TranslationSource.objects.filter(
        specific_content_type=activity_type, object_id__in=list(family_key)
    ):
        content = json.loads(source.content_json)
        key = family_key[source.object_id]
        if _postcode(content.get("venue_postcode")) == postcodes[key]:
            content["venue_key"] = str(key)
            source.content_json = json.dumps(content)
            source.save(update_fields=["content_json"])


class Migration(migrations.Migration):

    dependencies = [
        ('directory', '0008_merge_core_and_places'),
        ('wagtail_localize', '0016_rename_page_revision_translationlog_revision'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='providervenue',
            options={'ordering': ['sort_order'], 'verbose_name': 'venue'},
        ),
        migrations.AddField(
            model_name='activitypage',
            name='venue_key',
            field=models.UUIDField(blank=True, db_index=True, null=True, verbose_name='venue'),
        ),
        migrations.AddField(
            model_name='providervenue',
            name='key',
            field=models.UUIDField(db_index=True, null=True, editable=False),
        ),
        migrations.RunPython(give_venues_keys, migrations.RunPython.noop),
        migrations.AlterField(
            model_name='providervenue',
            name='key',
            field=models.UUIDField(db_index=True, default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name='activitypage',
            name='venue_postcode',
            field=models.CharField(blank=True, max_length=10, validators=[places.postcodes.validate_postcode], verbose_name='venue postcode'),
        ),
        migrations.AlterField(
            model_name='providervenue',
            name='latitude',
            field=models.FloatField(blank=True, editable=False, null=True, verbose_name='latitude'),
        ),
        migrations.AlterField(
            model_name='providervenue',
            name='longitude',
            field=models.FloatField(blank=True, editable=False, null=True, verbose_name='longitude'),
        ),
        migrations.AlterField(
            model_name='providervenue',
            name='postcode',
            field=models.CharField(max_length=10, validators=[places.postcodes.validate_postcode], verbose_name='postcode'),
        ),
    ]
