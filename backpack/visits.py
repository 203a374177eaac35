"""What a provider's page says about schools' visits: how many were completed, and the share
of teachers who would recommend it, once enough schools have answered that no one answer
can be picked out. The pupils' own words are never shown publicly (editors read them)."""

from dataclasses import dataclass

from django.db.models import Count, Q

from backpack.models import PlannedExperience, Status
from directory.models import ActivityPage

# Fewer answers than this and a percentage would say what one or two schools thought.
MIN_SCHOOLS_ANSWERING = 3


@dataclass(frozen=True)
class VisitFigures:
    completed: int
    recommend_percent: int | None  # None until enough schools have answered


def visit_figures(provider):
    """Figures for ``provider`` over its activities in every language; None if no visit has
    been completed yet."""
    keys = ActivityPage.objects.filter(
        path__startswith=provider.path, depth=provider.depth + 1
    ).values("translation_key")
    done = PlannedExperience.objects.filter(activity_key__in=keys, status=Status.DONE)
    totals = done.aggregate(
        completed=Count("pk"),
        schools_answering=Count("backpack", filter=Q(would_recommend__isnull=False), distinct=True),
        answered=Count("pk", filter=Q(would_recommend__isnull=False)),
        recommend=Count("pk", filter=Q(would_recommend=True)),
    )
    if not totals["completed"]:
        return None
    percent = None
    if totals["schools_answering"] >= MIN_SCHOOLS_ANSWERING and totals["answered"]:
        percent = round(100 * totals["recommend"] / totals["answered"])
    return VisitFigures(totals["completed"], percent)
