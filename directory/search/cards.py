"""What a result card shows, loaded for a page of results in a fixed number of queries."""

from dataclasses import dataclass, field

from django.db.models import F, Min, Prefetch, Value, prefetch_related_objects
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.models import Locale, Page

from core.localized import localized_name
from core.site_cache import remember
from directory.models import ActivitySession
from directory.search.facets import through
from directory.search.filters import RELATIONS_BY_FIELD
from places.models import Place
from places.postcodes import PostcodeError, find_district

# Format slugs (directory/migrations/0002_taxonomy_terms.py) that change how a card says where.
ONLINE = "online"
COMES_TO_SCHOOL = "comes-to-school"
OUTDOORS = "outdoors-community"
# A card names at most this many of the areas an activity serves, then says how many more.
MAX_AREAS = 3
# The renditions of a result card's picture: the same as every other listing card's, in step
# with the {% srcset_image %} of directory/includes/activity_card.html (WebP, three widths).
CARD_IMAGE = Filter.expand_spec("fill-{400x225,720x405,960x540}|format-webp")


@dataclass
class Where:
    """Where an activity happens, as a card says it (the template words it, so it is
    translated with the rest of the page): a venue and the area it is in; or the areas whose
    schools it comes to (or whose parks and streets it uses, outdoors); and whether it runs
    online. Nothing here is a distance: that depends on the search, not the activity."""

    venue: str = ""
    venue_area: str = ""
    areas: list = field(default_factory=list)
    more_areas: int = 0
    comes_to_school: bool = False
    outdoors: bool = False
    online: bool = False


def where(activity, format_slugs, area_names, venue_area=""):
    """The card's ``Where`` for ``activity``, from its format slugs, the names of the places
    it is offered in, and the name of its venue's local authority."""
    has_venue = bool(activity.venue_name or activity.venue_postcode)
    online = ONLINE in format_slugs
    comes_to_school = COMES_TO_SCHOOL in format_slugs or not (
        has_venue or online or OUTDOORS in format_slugs
    )
    outdoors = OUTDOORS in format_slugs and not (has_venue or comes_to_school)
    served = comes_to_school or outdoors
    return Where(
        venue=activity.venue_name
        or (activity.published_venue_address.postcode if has_venue else ""),
        venue_area="" if venue_area == activity.venue_name else venue_area,
        areas=area_names[:MAX_AREAS] if served else [],
        more_areas=max(len(area_names) - MAX_AREAS, 0) if served else 0,
        comes_to_school=comes_to_school,
        outdoors=outdoors,
        online=online,
    )


def prefetch_for_cards(activities, locale):
    """Load what a result card shows in a fixed number of queries, however many results: the
    provider's title, the next date, art form and format names and the names of the places it
    is offered in, in the reader's language (a term without a translation keeps the name it was
    entered with), and its venue's area."""
    ids = [activity.pk for activity in activities]
    language = locale.language_code
    names = _linked_names(ids, language)
    venue_areas = _venue_areas(activities, language)
    # Every locale's language (a handful), kept in the site cache, which a saved locale drops.
    languages = remember(
        ("locale-language-codes",),
        lambda: dict(Locale.objects.values_list("pk", "language_code")),
    )
    for activity in activities:
        # An activity not translated into the reader's language is shown in its own: the card
        # names that language and marks its text with it, for screen readers.
        code = languages.get(activity.locale_id, language)
        activity.content_language = "" if code == language else code
        activity.art_form_names = [name for name, _slug in names["art_forms"][activity.pk]]
        activity.art_form_slugs = [slug for _name, slug in names["art_forms"][activity.pk]]
        activity.format_names = [name for name, _slug in names["formats"][activity.pk]]
        activity.where = where(
            activity,
            {slug for _name, slug in names["formats"][activity.pk]},
            [name for name, _code in names["places"][activity.pk]],
            venue_areas.get(activity.pk, ""),
        )
    # The next session each card shows: the same "upcoming" rule as the soonest-first sort.
    next_starts = dict(
        ActivitySession.objects.filter(activity_id__in=ids, start__gte=timezone.now())
        .values("activity_id")
        .annotate(next_start=Min("start"))
        .values_list("activity_id", "next_start")
    )
    for activity in activities:
        activity.next_start = next_starts.get(activity.pk)
    _prefetch_card_images(activities)
    parent_paths = {activity.path[: -activity.steplen] for activity in activities}
    providers = {
        page.path: page for page in Page.objects.filter(path__in=parent_paths).only("path", "title")
    }
    for activity in activities:
        activity.provider_page = providers.get(activity.path[: -activity.steplen])


class CardBatch:
    """A page of results whose card data is loaded the first time one of its cards is
    rendered (``{% prepare_card %}``, directory_tags): a card kept rendered (core/fragments.py)
    reads nothing, so a page whose cards are all kept loads none of it."""

    def __init__(self, activities, locale):
        self.activities = activities
        self.locale = locale
        self.loaded = False

    def load(self):
        if not self.loaded:
            self.loaded = True
            prefetch_for_cards(self.activities, self.locale)


def prefetch_for_cards_when_shown(activities, locale):
    """``prefetch_for_cards`` for ``activities``, run only when a card of theirs is rendered."""
    batch = CardBatch(activities, locale)
    for activity in activities:
        activity.card_batch = batch


def load_cards(activities):
    """Load what the cards of ``activities`` (a page of results) show now, as rendering the
    first card that is not kept does."""
    batch = getattr(activities[0], "card_batch", None) if activities else None
    if batch is not None:
        batch.load()


def _prefetch_card_images(activities):
    """The card's picture (listing image, else the activity's own) and its rendition, in two
    queries for the whole page of results; none when no result has a picture."""
    with_pictures = [a for a in activities if a.listing_image_id or a.image_id]
    if not with_pictures:
        return
    images = get_image_model().objects.prefetch_renditions(*CARD_IMAGE)
    prefetch_related_objects(
        with_pictures,
        Prefetch("listing_image", queryset=images),
        Prefetch("image", queryset=images),
    )


# The many-to-many fields a card names, and the fields of the linked model that order them.
CARD_RELATIONS = {
    "art_forms": ("sort_order", "name"),
    "formats": ("sort_order", "name"),
    "places": ("name",),
}


def _linked_names(activity_ids, language_code):
    """{relation: {activity id: [(name in ``language_code``, slug or code), ...]}} for each
    field of CARD_RELATIONS, in its order, in one query (a UNION of one select per relation;
    the order is applied here, since a UNION's parts cannot each be ordered)."""
    parts = []
    for index, (relation, order) in enumerate(CARD_RELATIONS.items()):
        link = through(relation)
        column = RELATIONS_BY_FIELD.get(relation, "place")
        linked_model = link._meta.get_field(column).related_model
        key = "code" if linked_model is Place else "slug"
        sort_order = F(f"{column}__sort_order") if "sort_order" in order else Value(0)
        parts.append(
            link.objects.filter(activitypage_id__in=activity_ids)
            .annotate(
                relation=Value(index),
                name=localized_name(linked_model, column, language_code),
                term_key=F(f"{column}__{key}"),
                order_first=sort_order,
                order_name=F(f"{column}__name"),
            )
            .values_list(
                "relation", "activitypage_id", "name", "term_key", "order_first", "order_name"
            )
            .order_by()
        )
    rows = sorted(parts[0].union(*parts[1:], all=True), key=lambda row: (row[0], row[4], row[5]))
    relations = list(CARD_RELATIONS)
    names = {relation: {pk: [] for pk in activity_ids} for relation in relations}
    for index, activity_id, name, term_key, _first, _name in rows:
        names[relations[index]][activity_id].append((name, term_key))
    return names


def _venue_areas(activities, language_code):
    """Activity id -> the name of the local authority its venue's postcode is in, in the
    reader's language where it has been translated (one query for the whole page)."""
    codes = {}
    for activity in activities:
        if not activity.venue_postcode:
            continue
        try:
            district = find_district(activity.venue_postcode)
        except PostcodeError:
            continue
        if district.local_authority_code:
            codes[activity.pk] = district.local_authority_code
    if not codes:
        return {}
    best = {}  # code -> (rank, name): the reader's language first, then English, then any
    for code, name, language in Place.objects.filter(code__in=set(codes.values())).values_list(
        "code", "name", "locale__language_code"
    ):
        rank = 0 if language == language_code else 1 if language == "en" else 2
        if code not in best or rank < best[code][0]:
            best[code] = (rank, name)
    return {pk: best[code][1] for pk, code in codes.items() if code in best}
