"""The Open Referral UK read API (HSDS 3.0 with the UK profile) at /api/openreferral/.

Services and service-at-locations are found by the directory's own search
(``directory.search.search_activities`` over the scope the site's directory page searches),
so their ``total_items`` is the count the directory page shows for the same filters.
Organizations are the scope's providers, taxonomies and terms the directory's vocabularies.
Every list is paged in the profile's envelope; every response takes ``lang``.
"""

import math

from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from directory.models import ProviderPage
from directory.search import search_activities
from opendata.openreferral import ids, params, records, serializers
from opendata.openreferral.scope import languages, request_scope
from opendata.serializers import ErrorSerializer
from opendata.views import OpenDataView

HSDS_VERSION = "3.0"
PROFILE_URL = "https://github.com/OpenReferralUK/uk-profile"


def _query(name, description, kind=OpenApiTypes.STR, **extra):
    return OpenApiParameter(name, kind, OpenApiParameter.QUERY, description=description, **extra)


def _integer(lowest, highest):
    return {"type": "integer", "minimum": lowest, "maximum": highest}


def _number(highest):
    return {"type": "number", "minimum": 0, "maximum": highest}


UUID = "[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}"
UUID_LIST = f"^{UUID}(,{UUID})*$"
TIME = r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$"
DAY_LIST = "^(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*$"

PAGE = _query("page", "Page number, from 1.", _integer(1, params.MAX_PAGE))
PER_PAGE = _query(
    "per_page",
    f"Items per page, 1 to {params.MAX_PER_PAGE} (default {params.DEFAULT_PER_PAGE}).",
    _integer(1, params.MAX_PER_PAGE),
)
SERVICE_FILTERS = [
    _query(
        "search",
        "Words to search for, as in the directory's search box.",
        {"type": "string", "maxLength": params.MAX_SEARCH_LENGTH, "pattern": "^[^\\x00]*$"},
    ),
    _query(
        "taxonomy_term_id",
        "Services with this taxonomy term (ids from /taxonomy_terms; several separated by "
        "commas: any of them within a taxonomy, except access features, which must all be "
        "offered). An id that names no term matches nothing.",
        pattern=UUID_LIST,
    ),
    _query(
        "taxonomy_id",
        "Services with at least one term of this taxonomy (ids from /taxonomies).",
        pattern=UUID_LIST,
    ),
    _query("minimum_age", "Services whose youngest age is at least this.", _number(params.MAX_AGE)),
    _query("maximum_age", "Services whose oldest age is at most this.", _number(params.MAX_AGE)),
    _query(
        "start_time",
        "Services with a dated session starting at or after HH:MM (UK time).",
        pattern=TIME,
    ),
    _query(
        "end_time",
        "Services with a dated session ending at or before HH:MM (UK time).",
        pattern=TIME,
    ),
    _query(
        "day",
        "Services with a dated session on this day: MO, TU, WE, TH, FR, SA or SU (several "
        "separated by commas: any of them).",
        pattern=DAY_LIST,
    ),
    _query(
        "modified_after",
        "Services published on or after this ISO 8601 date or date-time.",
        OpenApiTypes.DATETIME,
    ),
]
LOCATION_FILTERS = [
    _query(
        "postcode",
        "A UK postcode or postcode district: services held near its centroid. One the "
        "directory does not know is a 400.",
        {"type": "string", "maxLength": 10},
    ),
    _query(
        "proximity",
        f"Metres from the postcode's centroid, at most {params.MAX_PROXIMITY_METRES} (default "
        f"{params.DEFAULT_PROXIMITY_METRES}, ten miles). Needs a postcode.",
        _number(params.MAX_PROXIMITY_METRES),
    ),
]
ERRORS = {
    400: ErrorSerializer,
    429: ErrorSerializer,
}
NOT_FOUND = {**ERRORS, 404: ErrorSerializer}
LANG_PARAMETER = OpenApiParameter(
    "lang",
    OpenApiTypes.STR,
    OpenApiParameter.QUERY,
    description="The language to serve (default en). A record with no translation in it is "
    "served in the language it exists in.",
    enum=languages(),
)
ID = OpenApiParameter("id", OpenApiTypes.UUID, OpenApiParameter.PATH)


def respond(serializer_class, data):
    """``data`` (built by records.py in the shape of ``serializer_class``) as the response.

    The serializers are the contract: the OpenAPI document is generated from them. The records
    are sent as they are, not passed through them, because rendering a page of nested services
    field by field cost a third of the request; tests/opendata/test_openreferral_contract.py
    checks that each endpoint's response is exactly what its serializer makes of it."""
    return Response(data)


def envelope(contents, total, page, per_page):
    total_pages = math.ceil(total / per_page) if total else 0
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page,
        "size": len(contents),
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": not contents,
        "contents": contents,
    }


def _paged(items, page, per_page):
    """One page of a list (a queryset or a list), as (page items, total)."""
    start = (page - 1) * per_page
    total = items.count() if hasattr(items, "count") and not isinstance(items, list) else len(items)
    return list(items[start : start + per_page]), total


def _uuid_or_404(value):
    found = ids.parse(value)
    if found is None:
        raise NotFound("No such record.")
    return found


class ReaderView(OpenDataView):
    # (No docstring: drf-spectacular would give it to every view as its description.)
    # Reads ``lang`` and the scope, and answers in that language.

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.language = params.language_only(request.query_params)

    def dispatch(self, request, *args, **kwargs):
        # The language chosen by ``lang`` is only known once the request is read, so views
        # activate it themselves (see ``reading``); the header says which it was.
        response = super().dispatch(request, *args, **kwargs)
        language = getattr(self, "language", None)
        if language:
            response["Content-Language"] = language
        return response

    def reading(self):
        return translation.override(self.language)

    def scope(self):
        scope, locale = request_scope(self.request, self.language)
        return scope, locale

    def builder(self):
        terms = records.TermIndex.for_language(self.language)
        return records.ServiceBuilder(self.request, self.language, terms)

    def note_modified(self, moments):
        moments = [moment for moment in moments if moment]
        self.last_modified = max(moments) if moments else None


class ApiRoot(ReaderView):
    """The API's version, the HSDS profile it follows and where its OpenAPI document is."""

    @extend_schema(
        operation_id="openreferral_meta",
        summary="Which HSDS version and profile this API follows, and its OpenAPI document.",
        parameters=[LANG_PARAMETER],
        responses={200: serializers.MetaSerializer, **ERRORS},
    )
    def get(self, request):
        return Response(
            serializers.MetaSerializer(
                {
                    "version": HSDS_VERSION,
                    "profile": PROFILE_URL,
                    "openapi_url": request.build_absolute_uri(reverse("opendata:openapi")),
                }
            ).data
        )


class ServiceSearchView(ReaderView):
    # A list served by the directory search.

    with_location = False

    def search(self, request):
        with self.reading():
            terms = records.TermIndex.for_language(self.language)
            query = params.search(request.query_params, terms.slugs, self.with_location)
            scope, _locale = self.scope()
            activities, total = [], 0
            if not query.matches_nothing:
                results = search_activities(
                    scope, query.filters, page_size=query.per_page, for_directory_page=False
                )
                total = results.total
                # The paginator answers a page past the end with the last page; a client
                # walking pages must see an empty one instead.
                if results.page.number == query.page:
                    activities = results.page.object_list
            builder = records.ServiceBuilder(request, self.language, terms)
            services = builder.services(activities)
            self.note_modified([activity.last_published_at for activity in activities])
            return query, services, total


class ServiceList(ServiceSearchView):
    """Services: the directory's activities, found by the directory's own search, so the count is
    the directory page's for the same filters."""

    @extend_schema(
        operation_id="openreferral_services",
        summary="Services (the directory's activities), filtered as the profile defines.",
        parameters=[*SERVICE_FILTERS, PAGE, PER_PAGE, LANG_PARAMETER],
        responses={200: serializers.ServicePageSerializer, **ERRORS},
    )
    def get(self, request):
        query, services, total = self.search(request)
        data = envelope(services, total, query.page, query.per_page)
        return respond(serializers.ServicePageSerializer, data)


class ServiceAtLocationList(ServiceSearchView):
    """Services at locations: activities held at a venue, with the venue (activities that come to
    the school or run online have none). With a postcode, those near it, nearest first."""

    with_location = True

    @extend_schema(
        operation_id="openreferral_service_at_locations",
        summary="Services at their venues (activities held at a venue), nearest first with "
        "a postcode.",
        parameters=[*SERVICE_FILTERS, *LOCATION_FILTERS, PAGE, PER_PAGE, LANG_PARAMETER],
        responses={200: serializers.ServiceAtLocationPageSerializer, **ERRORS},
    )
    def get(self, request):
        query, services, total = self.search(request)
        contents = [
            {**service["service_at_locations"][0], "service": service}
            for service in services
            if service.get("service_at_locations")
        ]
        data = envelope(contents, total, query.page, query.per_page)
        return respond(serializers.ServiceAtLocationPageSerializer, data)


class ServiceDetail(ReaderView):
    """One service, with its organization, schedules, cost options, venue, languages and taxonomy
    terms."""

    @extend_schema(
        operation_id="openreferral_service",
        summary="One service, fully nested.",
        parameters=[ID, LANG_PARAMETER],
        responses={200: serializers.ServiceSerializer, **NOT_FOUND},
    )
    def get(self, request, id):
        key = _uuid_or_404(id)
        with self.reading():
            scope, _locale = self.scope()
            activity = scope.activities().filter(translation_key=key).first()
            if activity is None:
                raise NotFound("No such service.")
            service = self.builder().services([activity])[0]
            self.note_modified([activity.last_published_at])
            return respond(serializers.ServiceSerializer, service)


class ServiceAtLocationDetail(ReaderView):
    """One service at its venue. An activity is held at one venue at most, so the id is the
    service's."""

    @extend_schema(
        operation_id="openreferral_service_at_location",
        summary="One service at its venue (its id is the service's).",
        parameters=[ID, LANG_PARAMETER],
        responses={200: serializers.ServiceAtLocationSerializer, **NOT_FOUND},
    )
    def get(self, request, id):
        key = _uuid_or_404(id)
        with self.reading():
            scope, _locale = self.scope()
            activity = (
                scope.activities()
                .filter(translation_key=key)
                .exclude(venue_name="", venue_postcode="")
                .first()
            )
            if activity is None:
                raise NotFound("No such service at location.")
            service = self.builder().services([activity])[0]
            self.note_modified([activity.last_published_at])
            data = {**service["service_at_locations"][0], "service": service}
            return respond(serializers.ServiceAtLocationSerializer, data)


class OrganizationList(ReaderView):
    """Organizations: the directory's providers, A to Z."""

    @extend_schema(
        operation_id="openreferral_organizations",
        summary="Organizations (the directory's providers), A to Z.",
        parameters=[PAGE, PER_PAGE, LANG_PARAMETER],
        responses={200: serializers.OrganizationPageSerializer, **ERRORS},
    )
    def get(self, request):
        listing = _listing(request)
        with self.reading():
            scope, _locale = self.scope()
            providers, total = _paged(
                scope.providers().order_by("title", "pk"), listing.page, listing.per_page
            )
            contents = [records.organization(provider, request) for provider in providers]
            self.note_modified([provider.last_published_at for provider in providers])
            data = envelope(contents, total, listing.page, listing.per_page)
            return respond(serializers.OrganizationPageSerializer, data)


class OrganizationDetail(ReaderView):
    """One organization with its services."""

    @extend_schema(
        operation_id="openreferral_organization",
        summary="One organization with its services.",
        parameters=[ID, LANG_PARAMETER],
        responses={200: serializers.FullOrganizationSerializer, **NOT_FOUND},
    )
    def get(self, request, id):
        key = _uuid_or_404(id)
        with self.reading():
            scope, _locale = self.scope()
            provider = scope.providers().filter(translation_key=key).first()
            if provider is None:
                raise NotFound("No such organization.")
            # Its activities in the scope, whichever language each is served in (beneath
            # any translation of the provider).
            beneath = Q(pk__in=[])
            for provider_path in ProviderPage.objects.filter(translation_key=key).values_list(
                "path", flat=True
            ):
                beneath |= Q(path__startswith=provider_path, depth=len(provider_path) // 4 + 1)
            activities = list(scope.activities().filter(beneath).order_by("title", "pk"))
            record = records.organization(provider, request)
            record["services"] = self.builder().services(activities)
            self.note_modified(
                [provider.last_published_at, *(a.last_published_at for a in activities)]
            )
            return respond(serializers.FullOrganizationSerializer, record)


class TaxonomyList(ReaderView):
    """The four taxonomies: art forms, formats, access features and languages of delivery."""

    @extend_schema(
        operation_id="openreferral_taxonomies",
        summary="The directory's taxonomies: art forms, formats, access features, languages "
        "of delivery.",
        parameters=[PAGE, PER_PAGE, LANG_PARAMETER],
        responses={200: serializers.TaxonomyPageSerializer, **ERRORS},
    )
    def get(self, request):
        listing = _listing(request)
        with self.reading():
            contents, total = _paged(
                [records.taxonomy(name) for name in records.TAXONOMIES],
                listing.page,
                listing.per_page,
            )
            data = envelope(contents, total, listing.page, listing.per_page)
            return respond(serializers.TaxonomyPageSerializer, data)


class TaxonomyDetail(ReaderView):
    """One taxonomy."""

    @extend_schema(
        operation_id="openreferral_taxonomy",
        summary="One taxonomy.",
        parameters=[ID, LANG_PARAMETER],
        responses={200: serializers.TaxonomySerializer, **NOT_FOUND},
    )
    def get(self, request, id):
        key = _uuid_or_404(id)
        with self.reading():
            for name in records.TAXONOMIES:
                if ids.taxonomy_id(name) == key:
                    return respond(serializers.TaxonomySerializer, records.taxonomy(name))
        raise NotFound("No such taxonomy.")


class TaxonomyTermList(ReaderView):
    """Taxonomy terms, each with its taxonomy, in the taxonomies' order."""

    @extend_schema(
        operation_id="openreferral_taxonomy_terms",
        summary="The terms of every taxonomy, each with its taxonomy.",
        parameters=[
            _query("taxonomy_id", "Only the terms of this taxonomy.", pattern=f"^{UUID}$"),
            PAGE,
            PER_PAGE,
            LANG_PARAMETER,
        ],
        responses={200: serializers.TaxonomyTermPageSerializer, **ERRORS},
    )
    def get(self, request):
        listing = _listing(request)
        wanted = None
        if request.query_params.get("taxonomy_id", "").strip():
            key = ids.parse(request.query_params["taxonomy_id"])
            by_id = {ids.taxonomy_id(name): name for name in records.TAXONOMIES}
            if key is None:
                raise params.BadParameters({"taxonomy_id": "Give a taxonomy's UUID."})
            wanted = by_id.get(key, "none")
        with self.reading():
            terms = records.TermIndex.for_language(self.language).terms(wanted)
            contents, total = _paged(terms, listing.page, listing.per_page)
            data = envelope(contents, total, listing.page, listing.per_page)
            return respond(serializers.TaxonomyTermPageSerializer, data)


class TaxonomyTermDetail(ReaderView):
    """One taxonomy term."""

    @extend_schema(
        operation_id="openreferral_taxonomy_term",
        summary="One taxonomy term.",
        parameters=[ID, LANG_PARAMETER],
        responses={200: serializers.TaxonomyTermSerializer, **NOT_FOUND},
    )
    def get(self, request, id):
        key = _uuid_or_404(id)
        with self.reading():
            term = records.TermIndex.for_language(self.language).get(key)
            if term is None:
                raise NotFound("No such taxonomy term.")
            return respond(serializers.TaxonomyTermSerializer, term)


def _listing(request):
    errors = {}
    found = params.listing(request.query_params, errors)
    if errors:
        raise params.BadParameters(errors)
    return found
