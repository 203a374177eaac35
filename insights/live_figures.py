"""The live figures editors can put in a story or page (core/live_figures.py shows them): each is
one aggregate query, counted by the same rules as the coverage and experiences reports, so a
figure in a story never disagrees with the report an editor checks it against.

- Activities on offer in an area: the activities the coverage report counts (live, public,
  each once across translations) with a place that is the area, lies within it, or contains
  it. So an activity offered to all of Wales counts for Cardiff, and one offered in Cardiff
  counts for Wales: for a local authority it is the coverage report's "total" for it.
- Local authorities with nothing on offer: the authorities in the area (a nation, a region, or
  the UK) that the coverage report marks as a cold spot, in one art form or in all.
- Classes on track for five: class backpacks with at least five experiences booked or done,
  out of all backpacks planned in the nation (experiences.ON_TRACK).

An area is a place code and an art form a slug, the same in every language, so the English
and the Welsh page of a story show one figure; only the words around it are translated.
"""

from django.db.models import Count, Exists, F, OuterRef, Q
from django.db.models.functions import Length, Substr
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _

from backpack.models import Backpack, Status
from core.live_figures import Figure, FigureKind, LiveFigureSource
from directory.models import ActivityPage, ArtForm
from insights.coverage import CoverageQuery, counted_activities
from insights.experiences import ON_TRACK, _count_of
from places.models import Place

ACTIVITIES_ON_OFFER = "activities-on-offer"
AUTHORITIES_WITHOUT_OFFER = "authorities-without-offer"
CLASSES_ON_TRACK = "classes-on-track"

_places_link = ActivityPage.places.through
_art_forms_link = ActivityPage.art_forms.through


class UnknownChoice(Exception):
    """An area or art form that is not (or no longer) in the data: the figure is left out."""


def _place(code):
    """The place for ``code`` in the active language if it has one, else in any; None for
    the whole UK (no code)."""
    if not code:
        return None
    places = list(Place.objects.filter(code=code).select_related("locale"))
    if not places:
        raise UnknownChoice(code)
    language = (get_language() or "").split("-")[0]
    for place in places:
        if place.locale.language_code.split("-")[0] == language:
            return place
    return places[0]


def _art_form_name(slug):
    if not slug:
        return ""
    forms = list(ArtForm.objects.filter(slug=slug).select_related("locale"))
    if not forms:
        raise UnknownChoice(slug)
    language = (get_language() or "").split("-")[0]
    for form in forms:
        if form.locale.language_code.split("-")[0] == language:
            return form.name
    return forms[0].name


def _lineage_prefixes(lineage):
    parts = lineage.strip("/").split("/")
    return ["/" + "/".join(parts[: index + 1]) + "/" for index in range(len(parts))]


def _offered(art_form):
    """Ids of the activities the coverage report counts, in ``art_form`` when one is given."""
    activities = counted_activities(CoverageQuery())
    if art_form:
        activities = activities.filter(
            pk__in=_art_forms_link.objects.filter(artform__slug=art_form).values("activitypage_id")
        )
    return activities


def activities_on_offer_count(area_code="", art_form=""):
    """How many activities are on offer in the area (the UK when empty): one COUNT query."""
    activities = _offered(art_form)
    place = _place(area_code)
    if place is not None:
        # Within the area, or for a wider place that contains it.
        here = Q(place__lineage__startswith=place.lineage) | Q(
            place__lineage__in=_lineage_prefixes(place.lineage)
        )
        activities = activities.filter(
            pk__in=_places_link.objects.filter(here).values("activitypage_id")
        )
    return activities.count()


def authorities_without_offer_count(area_code="", art_form=""):
    """How many local authorities in the area have nothing on offer (in ``art_form`` when one
    is given): one COUNT query, the coverage report's cold-spot rule in SQL."""
    offered_places = _places_link.objects.filter(activitypage_id__in=_offered(art_form)).values(
        "place_id"
    )
    # A place with an offer covers an authority when it is the authority or contains it: its
    # lineage is the start of the authority's.
    covering = Place.objects.filter(pk__in=offered_places).filter(
        lineage=Substr(OuterRef("lineage"), 1, Length(F("lineage")))
    )
    authorities = Place.objects.filter(kind=Place.Kind.LOCAL_AUTHORITY, locale__language_code="en")
    place = _place(area_code)
    if place is not None:
        authorities = authorities.filter(lineage__startswith=place.lineage)
    return authorities.filter(~Exists(covering)).count()


def classes_on_track(area_code=""):
    """(classes, classes on track for five) among the backpacks of the nation (all when
    empty), in one query."""
    backpacks = Backpack.objects.all()
    if area_code:
        backpacks = backpacks.filter(nation=area_code)
    totals = backpacks.annotate(progress=_count_of(Status.BOOKED, Status.DONE)).aggregate(
        classes=Count("pk"), on_track=Count("pk", filter=Q(progress__gte=ON_TRACK))
    )
    return totals["classes"], totals["on_track"]


def _area_name(place):
    return place.name if place is not None else _("the UK")


def compute_activities_on_offer(area_code, art_form):
    try:
        place = _place(area_code)
        form = _art_form_name(art_form)
    except UnknownChoice:
        return None
    count = activities_on_offer_count(area_code, art_form)
    if form:
        label = ngettext(
            "%(art_form)s activity on offer in %(area)s",
            "%(art_form)s activities on offer in %(area)s",
            count,
        ) % {"art_form": form, "area": _area_name(place)}
    else:
        label = ngettext(
            "activity on offer in %(area)s", "activities on offer in %(area)s", count
        ) % {"area": _area_name(place)}
    return Figure(count, label)


def compute_authorities_without_offer(area_code, art_form):
    try:
        place = _place(area_code)
        form = _art_form_name(art_form)
    except UnknownChoice:
        return None
    count = authorities_without_offer_count(area_code, art_form)
    if form:
        label = ngettext(
            "local authority in %(area)s with no %(art_form)s on offer",
            "local authorities in %(area)s with no %(art_form)s on offer",
            count,
        ) % {"art_form": form, "area": _area_name(place)}
    else:
        label = ngettext(
            "local authority in %(area)s with nothing on offer",
            "local authorities in %(area)s with nothing on offer",
            count,
        ) % {"area": _area_name(place)}
    return Figure(count, label)


def compute_classes_on_track(area_code, art_form):
    try:
        place = _place(area_code)
    except UnknownChoice:
        return None
    if place is not None and place.kind != Place.Kind.NATION:
        # Backpacks know their nation only: a region or authority has no figure.
        return None
    classes, on_track = classes_on_track(area_code)
    if not classes:
        no_data = _("No class backpacks yet in %(area)s: no data yet.")
        return Figure(None, no_data % {"area": _area_name(place)})
    label = ngettext(
        "of %(classes)s class in %(area)s on track for five cultural experiences",
        "of %(classes)s classes in %(area)s on track for five cultural experiences",
        classes,
    ) % {"classes": classes, "area": _area_name(place)}
    return Figure(on_track, label)


def area_choices():
    """Nations, regions and local authorities, in tree order, named in English (the names an
    editor's form shows; the figure itself names the area in the page's language)."""
    places = Place.objects.filter(
        locale__language_code="en",
        kind__in=[Place.Kind.NATION, Place.Kind.REGION, Place.Kind.LOCAL_AUTHORITY],
    ).order_by("lineage")
    return [
        (code, "— " * (lineage.count("/") - 2) + name)
        for code, name, lineage in places.values_list("code", "name", "lineage")
    ]


def art_form_choices():
    return list(
        ArtForm.objects.filter(locale__language_code="en")
        .order_by("sort_order", "name")
        .values_list("slug", "name")
    )


def source():
    return LiveFigureSource(
        kinds=[
            FigureKind(
                ACTIVITIES_ON_OFFER,
                gettext_lazy("Activities on offer in an area"),
                compute_activities_on_offer,
            ),
            FigureKind(
                AUTHORITIES_WITHOUT_OFFER,
                gettext_lazy("Local authorities with nothing on offer (in an art form)"),
                compute_authorities_without_offer,
            ),
            FigureKind(
                CLASSES_ON_TRACK,
                gettext_lazy("Classes on track for five experiences (UK or a nation)"),
                compute_classes_on_track,
            ),
        ],
        area_choices=area_choices,
        art_form_choices=art_form_choices,
    )
