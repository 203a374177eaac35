"""The shapes of the OpenActive responses, which the OpenAPI document is generated from."""

from rest_framework import serializers

from opendata.openactive.models import FeedItem

# Largest value a feed position may take (a 64-bit integer column).
MAX_POSITION = 2**63 - 1
# An item's id: its page's translation key and the language of the translation
# (records.item_id), so anything else cannot be a position in the feed.
ITEM_ID_PATTERN = (
    r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/[a-z]{2,3}(-[a-z0-9]+)*$"
)


class FeedQuerySerializer(serializers.Serializer):
    """Where to read an RPDE feed from: after the item last seen (both parameters), or from
    the beginning (neither)."""

    afterTimestamp = serializers.IntegerField(
        required=False,
        min_value=0,
        max_value=MAX_POSITION,
        help_text="The `modified` of the last item seen (from the previous page's `next`). "
        "Only with `afterId`: one without the other is a 400.",
    )
    afterId = serializers.RegexField(
        ITEM_ID_PATTERN,
        required=False,
        max_length=80,
        help_text="The `id` of the last item seen (from the previous page's `next`). Only "
        "with `afterTimestamp`: one without the other is a 400.",
    )

    def validate(self, attrs):
        if ("afterTimestamp" in attrs) != ("afterId" in attrs):
            raise serializers.ValidationError(
                "Give both afterTimestamp and afterId (as in the previous page's next URL), "
                "or neither to start from the beginning."
            )
        return attrs


class FeedItemSerializer(serializers.Serializer):
    state = serializers.ChoiceField(choices=FeedItem.State.choices)
    kind = serializers.CharField(help_text="SessionSeries or Organization.")
    id = serializers.CharField(
        source="item_id", help_text="`<translation key>/<language code>`: one per translation."
    )
    modified = serializers.IntegerField(help_text="Grows with every change to the item.")
    data = serializers.JSONField(
        required=False,
        help_text="The OpenActive (schema.org) description; absent from deleted items.",
    )

    def to_representation(self, instance):
        representation = super().to_representation(instance)
        if instance.state == FeedItem.State.DELETED:
            representation.pop("data", None)
        return representation


class FeedPageSerializer(serializers.Serializer):
    next = serializers.URLField(
        help_text="The next page; on the last page (no items) the page's own URL."
    )
    items = FeedItemSerializer(many=True)
    license = serializers.URLField()


class ConceptSerializer(serializers.Serializer):
    id = serializers.URLField()
    type = serializers.CharField()
    prefLabel = serializers.CharField()
    altLabel = serializers.ListField(child=serializers.CharField(), required=False)
    inScheme = serializers.URLField()
    topConceptOf = serializers.URLField(required=False)


class ConceptSchemeSerializer(serializers.Serializer):
    """A SKOS concept scheme in the JSON-LD shape of OpenActive's activity list."""

    context = serializers.CharField()
    id = serializers.URLField()
    type = serializers.CharField()
    title = serializers.CharField()
    description = serializers.CharField()
    license = serializers.URLField()
    concept = ConceptSerializer(many=True)

    def get_fields(self):
        fields = super().get_fields()
        fields["@context"] = fields.pop("context")
        return fields
