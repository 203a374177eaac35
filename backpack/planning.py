"""What a backpack shows at a glance, worked out in a fixed number of queries however many
experiences it holds: each activity in the reader's language, progress toward five, the balance
of art forms and formats, the cost for the class, the distance from the school and the access
features on offer."""

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.utils.translation import gettext as _
from wagtail.models import Locale

from backpack.models import GOAL, Status
from directory.models import ActivityPage, ArtForm
from directory.search.cards import prefetch_for_cards
from places.postcodes import distance_km, locate

# The art forms a year's plan is gently nudged towards: the five the programme names first.
CORE_ART_FORMS = ("music", "dance", "theatre-drama", "visual-art-craft", "museums-heritage")


def activities_in_language(keys, locale):
    """translation key -> the live activity in ``locale``, else in the default language, else
    any live copy: one query for all of them, then the card details in a fixed number more."""
    if not keys:
        return {}
    default = settings.LANGUAGE_CODE
    candidates = (
        ActivityPage.objects.live()
        .public()
        .filter(translation_key__in=set(keys))
        .select_related("locale")
    )
    chosen = {}
    for activity in candidates:
        current = chosen.get(activity.translation_key)
        if current is None or _preference(activity, locale, default) < _preference(
            current, locale, default
        ):
            chosen[activity.translation_key] = activity
    prefetch_for_cards(list(chosen.values()), locale)
    return chosen


def _preference(activity, locale, default):
    code = activity.locale.language_code
    if activity.locale_id == locale.pk:
        return (0, activity.pk)
    if code == default:
        return (1, activity.pk)
    return (2, activity.pk)


@dataclass
class Cost:
    total: Decimal = Decimal("0")
    free: int = 0
    on_request: int = 0
    bursaries: int = 0


@dataclass
class Summary:
    experiences: list
    done: int = 0
    booked: int = 0
    requested: int = 0
    ideas: int = 0
    missing_art_forms: list = field(default_factory=list)
    art_form_counts: list = field(default_factory=list)
    format_counts: list = field(default_factory=list)
    access_features: list = field(default_factory=list)
    cost: Cost = field(default_factory=Cost)

    @property
    def goal(self):
        return GOAL

    @property
    def still_to_plan(self):
        return max(GOAL - len(self.experiences), 0)

    @property
    def progress_percent(self):
        return min(100, round(100 * self.done / GOAL))


def cost_for(activity, pupils):
    """The class's cost for one activity, or None when the provider has not given a price."""
    if activity.is_free:
        return Decimal("0")
    if activity.price is None:
        return None
    if activity.price_unit == ActivityPage.PriceUnit.PUPIL:
        return activity.price * pupils
    return activity.price


def summarise(backpack, experiences, locale):
    """The backpack's experiences, each with ``.shown`` (the activity in the reader's
    language, or None if it has gone), ``.cost`` and ``.distance_km``, and the totals."""
    shown = activities_in_language([e.activity_key for e in experiences], locale)
    school = locate(backpack.school_postcode) if backpack.school_postcode else None
    summary = Summary(experiences=list(experiences))
    art_forms, formats = Counter(), Counter()
    covered_slugs = set()
    for experience in summary.experiences:
        activity = shown.get(experience.activity_key)
        experience.shown = activity
        experience.cost = None
        experience.distance_km = None
        status = experience.status
        summary.done += status == Status.DONE
        summary.booked += status == Status.BOOKED
        summary.requested += status == Status.REQUESTED
        summary.ideas += status == Status.IDEA
        if activity is None:
            continue
        art_forms.update(activity.art_form_names)
        formats.update(activity.format_names)
        covered_slugs.update(activity.art_form_slugs)
        experience.cost = cost_for(activity, backpack.pupils)
        if activity.is_free:
            summary.cost.free += 1
        elif experience.cost is None:
            summary.cost.on_request += 1
        else:
            summary.cost.total += experience.cost
        if activity.bursaries:
            summary.cost.bursaries += 1
        if school and activity.latitude is not None and activity.longitude is not None:
            experience.distance_km = distance_km(
                school.latitude, school.longitude, activity.latitude, activity.longitude
            )
    summary.art_form_counts = sorted(art_forms.items(), key=lambda item: (-item[1], item[0]))
    summary.format_counts = sorted(formats.items(), key=lambda item: (-item[1], item[0]))
    summary.missing_art_forms = _missing_art_forms(covered_slugs, locale)
    summary.access_features = _access_features(list(shown.values()), locale)
    return summary


def _missing_art_forms(covered, locale):
    # One query whether or not anything is missing, so a page's query count does not depend
    # on what its plan holds.
    missing = [slug for slug in CORE_ART_FORMS if slug not in covered]
    names = {}
    for term in ArtForm.objects.filter(slug__in=missing or ["-"]):
        if term.slug not in names or term.locale_id == locale.pk:
            names[term.slug] = term.name
    return [names.get(slug, slug) for slug in missing]


def _access_features(activities, locale):
    """The access features any of the activities offers, named in the reader's language."""
    if not activities:
        return []
    through = ActivityPage.access_features.through
    rows = through.objects.filter(activitypage_id__in=[a.pk for a in activities]).values_list(
        "accessfeature__translation_key", "accessfeature__name", "accessfeature__sort_order"
    )
    keys = {key: (order, name) for key, name, order in rows}
    # Asked even when there are no keys: the same number of queries whatever the plan holds.
    translated = dict(
        ActivityPage.access_features.field.related_model.objects.filter(
            translation_key__in=keys, locale=locale
        ).values_list("translation_key", "name")
    )
    return [
        translated.get(key, name) for key, (order, name) in sorted(keys.items(), key=lambda i: i[1])
    ]


def balance_note(summary):
    """A gentle note on what the year has no room for yet, or ''."""
    if not summary.experiences or not summary.missing_art_forms:
        return ""
    return _("No %(art_forms)s yet this year.") % {
        "art_forms": ", ".join(name.lower() for name in summary.missing_art_forms)
    }


def default_locale():
    return Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
