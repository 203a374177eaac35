"""The OpenActive feeds (Realtime Paged Data Exchange 1.0), the dataset page that lists them,
and the directory's vocabularies as SKOS concept schemes.

They share every /api/ view's behaviour (opendata/views.py: open to every origin, read-only,
throttled per client, ETag/304, Last-Modified, Cache-Control) with one RPDE-specific rule: a
page other than the last does not change once written (its items only ever move further on),
so it may be kept for an hour; the last page, where new changes appear, only for a few seconds
(the RPDE specification's advice).
"""

from datetime import UTC, datetime
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db.models import Q
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.renderers import JSONRenderer, TemplateHTMLRenderer
from rest_framework.response import Response

from directory.models import AccessFeature, ArtForm
from opendata.openactive import modelling
from opendata.openactive.models import FeedItem
from opendata.openactive.serializers import (
    ConceptSchemeSerializer,
    FeedPageSerializer,
    FeedQuerySerializer,
)
from opendata.serializers import ErrorSerializer
from opendata.views import OpenDataView

LICENCE_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
LICENCE_NAME = "Open Government Licence v3.0"
# Items per RPDE page (the specification suggests 500).
PAGE_SIZE = 500
FULL_PAGE_SECONDS = 3600
LAST_PAGE_SECONDS = 8
TAG = "OpenActive"

FEEDS = [
    (
        FeedItem.Feed.ACTIVITIES,
        "SessionSeries",
        _("Activities"),
        _("Every activity in the directory, with its dated sessions, ages, price and place."),
    ),
    (
        FeedItem.Feed.PROVIDERS,
        "Organization",
        _("Providers"),
        _("The artists, venues and organisations that offer the activities."),
    ),
]
SCHEMES = {
    modelling.ART_FORMS: (
        ArtForm,
        "Arts Backpack art forms",
        "The art forms of the Arts Backpack's activities for schools.",
    ),
    modelling.ACCESS_FEATURES: (
        AccessFeature,
        "Arts Backpack access features",
        "The access features an activity in the Arts Backpack directory can offer.",
    ),
}


class OneFormat(BaseContentNegotiation):
    """A page that exists in one format serves it whatever the client's Accept header asks
    (rather than answering 406), as a plain web page or file would."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class FeedView(OpenDataView):
    feed = None

    @extend_schema(
        tags=[TAG],
        parameters=[FeedQuerySerializer],
        responses={200: FeedPageSerializer, 400: ErrorSerializer, 429: ErrorSerializer},
    )
    def get(self, request):
        query = FeedQuerySerializer(data=request.query_params)
        if not query.is_valid():
            # The same shape as every other 400 under /api/: one message per parameter.
            errors = {
                "position" if name == "non_field_errors" else name: " ".join(map(str, messages))
                for name, messages in query.errors.items()
            }
            return Response({"detail": "Invalid feed position.", "errors": errors}, status=400)
        after = query.validated_data
        items = FeedItem.objects.filter(feed=self.feed).only(
            "state", "kind", "item_id", "modified", "data"
        )
        if after:
            items = items.filter(
                Q(modified__gt=after["afterTimestamp"])
                | Q(modified=after["afterTimestamp"], item_id__gt=after["afterId"])
            )
        items = list(items.order_by("modified", "item_id")[:PAGE_SIZE])
        base = request.build_absolute_uri(request.path)
        own = f"{base}?{urlencode(after)}" if after else base
        if items:
            last = items[-1]
            position = {"afterTimestamp": last.modified, "afterId": last.item_id}
            next_url = f"{base}?{urlencode(position)}"
        else:
            next_url = own
        page = FeedPageSerializer(
            {
                "next": next_url,
                "items": items,
                "license": LICENCE_URL,
            }
        ).data
        self.cache_seconds = FULL_PAGE_SECONDS if items else LAST_PAGE_SECONDS
        if items:
            # ``modified`` is milliseconds since the epoch, and the page's last item has the
            # greatest; the last page (no items) has no date of its own.
            self.last_modified = datetime.fromtimestamp(items[-1].modified / 1000, tz=UTC)
        return Response(page)


@extend_schema_view(get=extend_schema(operation_id="openactive_activities_feed"))
class ActivitiesFeedView(FeedView):
    """The activities as OpenActive `SessionSeries`, with their dated sessions: an RPDE 1.0
    feed ordered by `modified` then `id`."""

    feed = FeedItem.Feed.ACTIVITIES


@extend_schema_view(get=extend_schema(operation_id="openactive_providers_feed"))
class ProvidersFeedView(FeedView):
    """The providers as schema.org `Organization`s: an RPDE 1.0 feed ordered by `modified`
    then `id`."""

    feed = FeedItem.Feed.PROVIDERS


def dataset(request):
    """The dataset site's description, as OpenActive's dataset site specification shapes it."""
    home = request.build_absolute_uri("/")
    here = request.build_absolute_uri(request.path)
    publisher = {
        "@type": "Organization",
        "name": "Arts Backpack",
        "url": home,
        "email": settings.OPENDATA_CONTACT_EMAIL,
    }
    return {
        "@context": ["https://schema.org/", "https://openactive.io/"],
        "@type": "Dataset",
        "@id": here,
        "url": here,
        "name": "Arts Backpack activities for schools",
        "description": (
            "Cultural activities for primary-school classes across the UK: music, dance, "
            "theatre, visual art and more, with their providers, ages, prices and places."
        ),
        "keywords": ["arts", "culture", "schools", "activities", "OpenActive"],
        "license": LICENCE_URL,
        "inLanguage": ["en", "cy", "gd", "ga"],
        "publisher": publisher,
        "distribution": [
            {
                "@type": "DataDownload",
                "name": kind,
                "additionalType": f"https://openactive.io/{kind}",
                "encodingFormat": "application/vnd.openactive.rpde+json; version=1",
                "contentUrl": request.build_absolute_uri(feed_url(feed)),
            }
            for feed, kind, _name, _description in FEEDS
        ],
        "includedInDataCatalog": {
            "@type": "DataCatalog",
            "name": "Arts Backpack open data",
            "url": request.build_absolute_uri(reverse("opendata:documentation")),
            "publisher": publisher,
        },
    }


def feed_url(feed):
    return reverse(f"opendata:openactive:feed-{feed}")


class DatasetView(OpenDataView):
    """The dataset page: what the feeds are, their licence and who to ask, for people, with
    the same as a schema.org Dataset in JSON-LD for machines."""

    renderer_classes = [TemplateHTMLRenderer]
    content_negotiation_class = OneFormat
    template_name = "opendata/openactive/dataset.html"

    def perform_authentication(self, request):
        """Leave the request's user to Django's middleware, which the page's header reads."""

    @extend_schema(
        tags=[TAG],
        operation_id="openactive_dataset",
        responses={(200, "text/html"): OpenApiTypes.STR},
    )
    def get(self, request):
        feeds = [
            {
                "kind": kind,
                "name": name,
                "description": description,
                "url": request.build_absolute_uri(feed_url(feed)),
            }
            for feed, kind, name, description in FEEDS
        ]
        schemes = [
            {"name": title, "url": request.build_absolute_uri(modelling.scheme_url("", key))}
            for key, (_model, title, _description) in SCHEMES.items()
        ]
        # Rendered as the site's other pages are, for the visitor as Django knows them (the
        # API's requests carry no user: REST_FRAMEWORK's UNAUTHENTICATED_USER is None, which
        # DRF copies onto the request if anything, a throttle say, asks for the user).
        page_request = request._request
        if getattr(page_request, "user", None) is None:
            page_request.user = AnonymousUser()
        return render(
            page_request,
            self.template_name,
            {
                "dataset": dataset(request),
                "feeds": feeds,
                "schemes": schemes,
                "licence_url": LICENCE_URL,
                "licence_name": LICENCE_NAME,
                "contact_email": settings.OPENDATA_CONTACT_EMAIL,
                "openapi_url": request.build_absolute_uri(reverse("opendata:openapi")),
                "documentation_url": request.build_absolute_uri(reverse("opendata:documentation")),
            },
        )


class ConceptSchemeView(OpenDataView):
    """One of the directory's vocabularies as a SKOS concept scheme. A concept's id ends in
    the term's slug, the same in every language; its labels are the English names, with the
    names in the other languages the site has as alternative labels."""

    renderer_classes = [JSONRenderer]
    content_negotiation_class = OneFormat
    scheme = None

    @extend_schema(
        tags=[TAG],
        responses={(200, "application/ld+json"): ConceptSchemeSerializer, 429: ErrorSerializer},
    )
    def get(self, request):
        model, title, description = SCHEMES[self.scheme]
        url = request.build_absolute_uri(request.path)
        terms = list(model.objects.select_related("locale").order_by("sort_order", "name", "pk"))
        english = [term for term in terms if term.locale.language_code == "en"]
        other_names = {}
        for term in terms:
            if term.locale.language_code != "en":
                other_names.setdefault(term.translation_key, []).append(term.name)
        concepts = [
            {
                "id": f"{url}#{term.slug}",
                "type": "Concept",
                "prefLabel": term.name,
                **(
                    {"altLabel": sorted(set(other_names[term.translation_key]) - {term.name})}
                    if set(other_names.get(term.translation_key, ())) - {term.name}
                    else {}
                ),
                "inScheme": url,
                "topConceptOf": url,
            }
            for term in english
        ]
        scheme = {
            "@context": "https://openactive.io/",
            "id": url,
            "type": "ConceptScheme",
            "title": title,
            "description": description,
            "license": LICENCE_URL,
            "concept": concepts,
        }
        response = Response(
            ConceptSchemeSerializer(scheme).data, content_type="application/ld+json"
        )
        return response


@extend_schema_view(get=extend_schema(operation_id="openactive_art_forms"))
class ArtFormsView(ConceptSchemeView):
    """The directory's art forms as a SKOS concept scheme: the `activity` of every item in
    the activities feed is one of its concepts."""

    scheme = modelling.ART_FORMS


@extend_schema_view(get=extend_schema(operation_id="openactive_access_features"))
class AccessFeaturesView(ConceptSchemeView):
    """The directory's access features as a SKOS concept scheme: the `accessibilitySupport`
    of the activities feed's items are its concepts."""

    scheme = modelling.ACCESS_FEATURES
