"""Which stories to show: the scope of an index, filters, related stories, and the stories
about a directory page. Views, feeds, the home page and the directory's pages all call these,
so every place stories appear follows the same rules: live, public, this site and language."""

from dataclasses import dataclass

from django import forms
from django.db.models import Count, F, IntegerField, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.models import Locale

from core.localized import localized_name
from directory.models import ActivityPage, ProviderPage
from places.models import Place
from stories.models import (
    StoryActivity,
    StoryIndexPage,
    StoryPage,
    StoryPlace,
    StoryProvider,
    StoryTheme,
    Theme,
)

# The renditions of a story card's picture, in step with the {% srcset_image %} of
# stories/includes/story_card.html (WebP, three widths).
CARD_IMAGE = Filter.expand_spec("fill-{400x225,720x405,960x540}|format-webp")
MIN_YEAR, MAX_YEAR = 1900, 2100


def story_scope(index):
    """Live, public stories under this index, in its language."""
    return (
        StoryPage.objects.live()
        .public()
        .descendant_of(index)
        .filter(locale_id=index.locale_id)
        .order_by("-date", "-pk")
    )


def _reader_language():
    # By language code, not Locale.get_active(), which would cost a query on every call.
    return get_supported_content_language_variant(translation.get_language())


def theme_links():
    return (
        StoryTheme.objects.select_related("theme")
        .annotate(name=localized_name(Theme, "theme", _reader_language()))
        .order_by("sort_order")
    )


def place_links():
    return (
        StoryPlace.objects.select_related("place")
        .annotate(name=localized_name(Place, "place", _reader_language()))
        .order_by("sort_order")
    )


def with_card_data(stories):
    """What a story card shows, fetched in a fixed number of queries however many cards."""
    return stories.select_related("locale").prefetch_related(
        Prefetch(
            "listing_image", queryset=get_image_model().objects.prefetch_renditions(*CARD_IMAGE)
        ),
        Prefetch("story_themes", queryset=theme_links()),
    )


@dataclass(frozen=True)
class StoryFilters:
    kind: str = ""
    theme: Theme | None = None
    place: Place | None = None
    year: int | None = None

    def is_active(self):
        return bool(self.kind or self.theme or self.place or self.year)


def _localized(queryset):
    """One row per translation_key, in the reader's language where there is one."""
    active = Locale.get_active()
    rows = sorted(queryset, key=lambda item: item.locale_id != active.pk)
    return rows[0] if rows else None


class StoryFilterForm(forms.Form):
    """Validates the story list's query string; filters only ever see cleaned values."""

    kind = forms.ChoiceField(
        label=_("Kind of story"),
        required=False,
        choices=[("", _("Any kind")), *StoryPage.Kind.choices],
        error_messages={"invalid_choice": _("We have no kind of story called “%(value)s”.")},
    )
    theme = forms.SlugField(label=_("Theme"), required=False, max_length=100)
    place = forms.CharField(label=_("Place"), required=False, max_length=20)
    year = forms.IntegerField(
        label=_("Year"),
        required=False,
        min_value=MIN_YEAR,
        max_value=MAX_YEAR,
        error_messages={"invalid": _("Enter a year as four digits, such as 2024.")},
    )

    def clean_theme(self):
        slug = self.cleaned_data["theme"]
        if not slug:
            return None
        theme = _localized(Theme.objects.filter(slug=slug))
        if theme is None:
            raise forms.ValidationError(
                _("We have no theme called “%(slug)s”."), params={"slug": slug}
            )
        return theme

    def clean_place(self):
        code = self.cleaned_data["place"].strip()
        if not code:
            return None
        place = _localized(Place.objects.filter(code__iexact=code))
        if place is None:
            raise forms.ValidationError(
                _("We do not know the place “%(code)s”."), params={"code": code}
            )
        return place

    def filters(self):
        """The valid parts of the query string; invalid fields are left out (and reported)."""
        self.is_valid()
        data = self.cleaned_data
        return StoryFilters(
            kind=data.get("kind") or "",
            theme=data.get("theme"),
            place=data.get("place"),
            year=data.get("year"),
        )


def filter_stories(stories, filters):
    """Filters combine with AND. A place includes everything beneath it (its lineage)."""
    if filters.kind:
        stories = stories.filter(kind=filters.kind)
    if filters.theme is not None:
        stories = stories.filter(
            pk__in=StoryTheme.objects.filter(
                theme__translation_key=filters.theme.translation_key
            ).values("page_id")
        )
    if filters.place is not None:
        stories = stories.filter(
            pk__in=StoryPlace.objects.filter(
                place__lineage__startswith=filters.place.lineage
            ).values("page_id")
        )
    if filters.year is not None:
        stories = stories.filter(date__year=filters.year)
    return stories


def filter_options(index, scope=None):
    """Choices built from the values stories under this index actually use."""
    scope = story_scope(index) if scope is None else scope
    page_ids = scope.values("pk")
    themes = {}
    for theme in Theme.objects.filter(
        translation_key__in=StoryTheme.objects.filter(page_id__in=page_ids).values(
            "theme__translation_key"
        )
    ).order_by("sort_order", "name"):
        if theme.translation_key not in themes or theme.locale_id == index.locale_id:
            themes[theme.translation_key] = theme
    # A place used by a story, and every place above it, so a reader can widen the search.
    lineages = StoryPlace.objects.filter(page_id__in=page_ids).values_list(
        "place__lineage", flat=True
    )
    codes = {code for lineage in lineages for code in lineage.strip("/").split("/")}
    places = {}
    for place in Place.objects.filter(code__in=codes).order_by("lineage"):
        if place.code not in places or place.locale_id == index.locale_id:
            places[place.code] = place
    years = sorted({day.year for day in scope.dates("date", "year")}, reverse=True)
    return {
        "kinds": StoryPage.Kind.choices,
        "themes": sorted(themes.values(), key=lambda t: (t.sort_order, t.name)),
        "places": sorted(places.values(), key=lambda p: p.lineage),
        "years": years,
    }


def _count_of(model, field, values):
    matches = (
        model.objects.filter(page_id=OuterRef("pk"), **{f"{field}__in": values})
        .values("page_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(matches, output_field=IntegerField()), Value(0))


def related_stories(story, limit=3):
    """Other stories in the same index that share a theme or a place with this one, those
    sharing the most first, then the newest."""
    theme_keys = list(story.story_themes.values_list("theme__translation_key", flat=True))
    place_codes = list(story.story_places.values_list("place__code", flat=True))
    if not theme_keys and not place_codes:
        return []
    index = StoryIndexPage(
        path=story.path[: -story.steplen], depth=story.depth - 1, locale_id=story.locale_id
    )
    candidates = (
        story_scope(index)
        .exclude(pk=story.pk)
        .annotate(
            shared_themes=_count_of(StoryTheme, "theme__translation_key", theme_keys),
            shared_places=_count_of(StoryPlace, "place__code", place_codes),
        )
        .annotate(shared=F("shared_themes") + F("shared_places"))
        .filter(Q(shared_themes__gt=0) | Q(shared_places__gt=0))
        .order_by("-shared", "-date", "-pk")
    )
    return list(with_card_data(candidates)[:limit])


def stories_about(page, limit=6):
    """Live stories, in this page's site and language, that name this provider or activity
    (or, for a provider, one of its activities). Linked by translation_key, so a translated
    provider page finds the translated stories."""
    if isinstance(page, ProviderPage):
        activity_keys = ActivityPage.objects.child_of(page).values("translation_key")
        mentions = Q(
            pk__in=StoryProvider.objects.filter(
                provider__translation_key=page.translation_key
            ).values("page_id")
        ) | Q(
            pk__in=StoryActivity.objects.filter(activity__translation_key__in=activity_keys).values(
                "page_id"
            )
        )
    elif isinstance(page, ActivityPage):
        mentions = Q(
            pk__in=StoryActivity.objects.filter(
                activity__translation_key=page.translation_key
            ).values("page_id")
        )
    else:
        return []
    # The page's own language tree (depth 2) is its site's home page in that language.
    home_path = page.path[: 2 * page.steplen]
    stories = (
        StoryPage.objects.live()
        .public()
        .filter(mentions, locale_id=page.locale_id, path__startswith=home_path)
        .order_by("-date", "-pk")
    )
    return list(with_card_data(stories)[:limit])


def featured_stories(request, home_page, limit=3):
    """For the home page: the featured story, then the newest others."""
    index = StoryIndexPage.objects.child_of(home_page).live().public().first()
    if index is None:
        return []
    featured = index.featured()
    if featured is None:
        return []
    others = with_card_data(story_scope(index).exclude(pk=featured.pk))[: limit - 1]
    return [featured, *others]
