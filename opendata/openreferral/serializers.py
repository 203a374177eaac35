"""The shapes of the Open Referral UK responses, field by field as the UK profile defines
them (schema/compiled/*.json of OpenReferralUK/uk-profile). They render the records of
``records.py`` and, through drf-spectacular, are the OpenAPI document's schemas, so the
document describes exactly what is sent. Optional fields are left out when empty, never null.
"""

from rest_framework import serializers

PLACE_TYPES = ["physical", "postal", "virtual"]


class Record(serializers.Serializer):
    """A record rendered without the optional fields it lacks (a missing key is skipped by
    Django REST framework for a field that is not required)."""

    def to_representation(self, instance):
        data = super().to_representation(instance)
        return {key: value for key, value in data.items() if value is not None}


def optional(field_class, **kwargs):
    return field_class(required=False, **kwargs)


class MetaSerializer(Record):
    version = serializers.CharField(help_text="HSDS version of this API.")
    profile = serializers.URLField(help_text="The HSDS profile this API follows.")
    openapi_url = serializers.URLField(help_text="The OpenAPI document describing this API.")


class TaxonomySerializer(Record):
    id = serializers.UUIDField()
    name = serializers.CharField()
    description = serializers.CharField()


class TaxonomyTermSerializer(Record):
    id = serializers.UUIDField(help_text="The term's translation key: the same in every language.")
    name = serializers.CharField()
    description = serializers.CharField()
    taxonomy = serializers.CharField(help_text="The name of the taxonomy the term belongs to.")
    taxonomy_id = serializers.UUIDField()
    term = serializers.CharField(help_text="The term's slug, as the directory's filters use it.")


class AttributeSerializer(Record):
    id = serializers.UUIDField()
    link_id = serializers.UUIDField()
    link_type = serializers.CharField()
    taxonomy_term_id = serializers.UUIDField()
    taxonomy_term = TaxonomyTermSerializer()


class LanguageSerializer(Record):
    id = serializers.UUIDField()
    service_id = serializers.UUIDField()
    name = optional(serializers.CharField)
    code = optional(serializers.CharField, help_text="BCP 47 language tag, where there is one.")


class CostOptionSerializer(Record):
    id = serializers.UUIDField()
    service_id = serializers.UUIDField()
    option = optional(serializers.CharField)
    amount = optional(
        serializers.DecimalField, max_digits=10, decimal_places=2, coerce_to_string=False
    )
    amount_description = optional(serializers.CharField)


class ScheduleSerializer(Record):
    id = serializers.UUIDField()
    service_id = serializers.UUIDField()
    valid_from = optional(serializers.DateField)
    valid_to = optional(serializers.DateField)
    dtstart = optional(serializers.DateField)
    byday = optional(serializers.CharField)
    opens_at = optional(serializers.CharField, help_text="HH:MM with the UTC offset.")
    closes_at = optional(serializers.CharField, help_text="HH:MM with the UTC offset.")
    description = optional(serializers.CharField)
    schedule_link = optional(serializers.URLField)
    notes = optional(serializers.CharField)


class AddressSerializer(Record):
    id = serializers.UUIDField()
    location_id = serializers.UUIDField()
    address_1 = serializers.CharField(allow_blank=True)
    city = serializers.CharField(allow_blank=True)
    state_province = serializers.CharField(allow_blank=True)
    postal_code = serializers.CharField()
    country = serializers.CharField()
    address_type = serializers.ChoiceField(choices=PLACE_TYPES)


class LocationSerializer(Record):
    id = serializers.UUIDField()
    location_type = serializers.ChoiceField(choices=PLACE_TYPES)
    name = optional(serializers.CharField)
    latitude = optional(serializers.FloatField)
    longitude = optional(serializers.FloatField)
    addresses = optional(AddressSerializer, many=True)


class ServiceAtLocationBriefSerializer(Record):
    id = serializers.UUIDField()
    service_id = serializers.UUIDField()
    location_id = serializers.UUIDField()
    location = LocationSerializer()


class OrganizationSerializer(Record):
    id = serializers.UUIDField(help_text="The provider page's translation key.")
    name = serializers.CharField()
    description = serializers.CharField(allow_blank=True)
    email = optional(serializers.EmailField)
    website = optional(serializers.URLField)
    uri = optional(serializers.URLField, help_text="The provider's page on this site.")


class ServiceSerializer(Record):
    id = serializers.UUIDField(help_text="The activity page's translation key.")
    organization_id = optional(serializers.UUIDField)
    name = serializers.CharField()
    description = optional(serializers.CharField)
    url = optional(serializers.URLField)
    email = optional(serializers.EmailField)
    status = serializers.ChoiceField(
        choices=["active", "inactive", "defunct", "temporarily closed"]
    )
    minimum_age = optional(serializers.IntegerField)
    maximum_age = optional(serializers.IntegerField)
    last_modified = optional(serializers.DateTimeField)
    organization = optional(OrganizationSerializer)
    schedules = optional(ScheduleSerializer, many=True)
    service_at_locations = optional(ServiceAtLocationBriefSerializer, many=True)
    languages = optional(LanguageSerializer, many=True)
    cost_options = optional(CostOptionSerializer, many=True)
    attributes = optional(AttributeSerializer, many=True)


class FullOrganizationSerializer(OrganizationSerializer):
    services = ServiceSerializer(many=True)


class ServiceAtLocationSerializer(ServiceAtLocationBriefSerializer):
    service = ServiceSerializer()


class PageSerializer(Record):
    total_items = serializers.IntegerField()
    total_pages = serializers.IntegerField()
    page_number = serializers.IntegerField()
    size = serializers.IntegerField()
    first_page = serializers.BooleanField()
    last_page = serializers.BooleanField()
    empty = serializers.BooleanField()


def page_of(item_serializer, name):
    """The profile's page envelope around a list of ``item_serializer``."""
    return type(name, (PageSerializer,), {"contents": item_serializer(many=True)})


ServicePageSerializer = page_of(ServiceSerializer, "ServicePage")
ServiceAtLocationPageSerializer = page_of(ServiceAtLocationSerializer, "ServiceAtLocationPage")
OrganizationPageSerializer = page_of(OrganizationSerializer, "OrganizationPage")
TaxonomyPageSerializer = page_of(TaxonomySerializer, "TaxonomyPage")
TaxonomyTermPageSerializer = page_of(TaxonomyTermSerializer, "TaxonomyTermPage")
