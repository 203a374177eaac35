"""What a result card shows, loaded for a page of results in a fixed number of queries."""

from django.db.models import Min
from django.utils import timezone
from wagtail.models import Page

from core.localized import localized_name
from directory.models import ActivitySession
from directory.search.facets import through
from directory.search.filters import RELATIONS_BY_FIELD


def prefetch_for_cards(activities, locale):
    """Load what a result card shows in a fixed number of queries, however many results: the
    provider's title, the next date, and art form and format names in the reader's language (a
    term without a translation keeps the name it was entered with)."""
    ids = [activity.pk for activity in activities]
    for relation, attribute in (("art_forms", "art_form_names"), ("formats", "format_names")):
        names = {pk: [] for pk in ids}
        for activity_id, name in _term_names(relation, ids, locale):
            names[activity_id].append(name)
        for activity in activities:
            setattr(activity, attribute, names[activity.pk])
    # The next session each card shows: the same "upcoming" rule as the soonest-first sort.
    next_starts = dict(
        ActivitySession.objects.filter(activity_id__in=ids, start__gte=timezone.now())
        .values("activity_id")
        .annotate(next_start=Min("start"))
        .values_list("activity_id", "next_start")
    )
    for activity in activities:
        activity.next_start = next_starts.get(activity.pk)
    parent_paths = {activity.path[: -activity.steplen] for activity in activities}
    providers = {
        page.path: page for page in Page.objects.filter(path__in=parent_paths).only("path", "title")
    }
    for activity in activities:
        activity.provider_page = providers.get(activity.path[: -activity.steplen])


def _term_names(relation, activity_ids, locale):
    """(activity id, term name in ``locale``) for each term linked through ``relation``, in the
    terms' list order."""
    link = through(relation)
    column = RELATIONS_BY_FIELD[relation]
    term_model = link._meta.get_field(column).related_model
    return (
        link.objects.filter(activitypage_id__in=activity_ids)
        .annotate(name=localized_name(term_model, column, locale.language_code))
        .order_by(f"{column}__sort_order", f"{column}__name")
        .values_list("activitypage_id", "name")
    )
