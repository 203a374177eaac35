"""Shapes shared by every view under /api/ (Open Referral UK and OpenActive alike).

One error shape for the whole API, so a consumer handles a 400, 404 or 429 the same way
whichever standard it reads, and the OpenAPI document has one ``Error`` component.
"""

from rest_framework import serializers


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()
    errors = serializers.DictField(
        required=False,
        child=serializers.CharField(),
        help_text="What is wrong with each bad query parameter.",
    )

    def to_representation(self, instance):
        data = super().to_representation(instance)
        return {key: value for key, value in data.items() if value is not None}
