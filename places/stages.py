"""School stages, as each nation names them, mapped onto the ages stored on activities.

Activities store an age range; a stage is a label for an age range in one nation's system, so
one activity shows as "KS2" in England and "Second level" in Scotland.

Ages are read in school years. A year group is known by its children's age at the start of the
school year (England's Year 3: 7), and during the year they are that age or one more. A stage
is its year groups: England's KS2 (years 3–6) is the year groups starting at 7, 8, 9 and 10, so
its children are aged 7–11, the range written on the stage. An activity for ages 5–7 suits the
year groups whose children stay within 5–7 all year (starting at 5 and 6: KS1), not the year
starting at 7, whose children are 7–8. So an activity lists a stage only when at least one whole
year group of the stage is within its ages; a single age shared at a boundary is not enough.
An activity for one age only (7–7) is for the year group that starts the year at that age.

``Stage.covers`` (labels), ``Stage.lookup`` (the ORM filter) and ``Stage.sql`` (the facet
count) state that one rule three ways; the tests check they agree for every nation.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from places.nations import ENGLAND, NORTHERN_IRELAND, SCOTLAND, WALES


def year_group_ages(age_min, age_max):
    """(first, last): the ages at the start of the school year of the year groups an activity
    for ``age_min``–``age_max`` suits."""
    return age_min, max(age_min, age_max - 1)


@dataclass(frozen=True)
class Stage:
    slug: str
    label: str
    # The ages of the stage's children during the school year, as the label states them: the
    # youngest year group starts at age_min, the oldest at age_max - 1.
    age_min: int
    age_max: int

    @property
    def year_group_ages(self):
        """(first, last): the ages at the start of the school year of its year groups."""
        return self.age_min, self.age_max - 1

    def covers(self, age_min, age_max):
        """Whether an activity for ``age_min``–``age_max`` suits a whole year group of this
        stage."""
        first, last = year_group_ages(age_min, age_max)
        stage_first, stage_last = self.year_group_ages
        return first <= stage_last and last >= stage_first

    def lookup(self, prefix=""):
        """``covers`` as a filter on a model with ``age_min`` and ``age_max`` fields."""
        stage_first, stage_last = self.year_group_ages
        return Q(**{f"{prefix}age_min__lte": stage_last}) & (
            Q(**{f"{prefix}age_max__gt": stage_first}) | Q(**{f"{prefix}age_min__gte": stage_first})
        )

    def sql(self, age_min="age_min", age_max="age_max"):
        """``covers`` as an SQL condition on the named columns: (sql, params)."""
        stage_first, stage_last = self.year_group_ages
        return (
            f"{age_min} <= %s AND ({age_max} > %s OR {age_min} >= %s)",
            [stage_last, stage_first, stage_first],
        )


STAGES_BY_NATION = {
    ENGLAND: [
        Stage("eyfs", _("Early years foundation stage (EYFS, ages 3–5)"), 3, 5),
        Stage("ks1", _("Key stage 1 (years 1–2, ages 5–7)"), 5, 7),
        Stage("ks2", _("Key stage 2 (years 3–6, ages 7–11)"), 7, 11),
        Stage("ks3", _("Key stage 3 (years 7–9, ages 11–14)"), 11, 14),
    ],
    WALES: [
        Stage("nursery", _("Nursery and reception (progression step 1, ages 3–5)"), 3, 5),
        Stage("ps2", _("Years 1–3 (progression step 2, ages 5–8)"), 5, 8),
        Stage("ps3", _("Years 4–6 (progression step 3, ages 8–11)"), 8, 11),
        Stage("ps4", _("Years 7–9 (progression step 4, ages 11–14)"), 11, 14),
    ],
    SCOTLAND: [
        Stage("early", _("Early level (nursery to P1, ages 3–5)"), 3, 5),
        Stage("first", _("First level (P2–P4, ages 5–8)"), 5, 8),
        Stage("second", _("Second level (P5–P7, ages 8–11)"), 8, 11),
        Stage("third", _("Third level (S1–S3, ages 11–14)"), 11, 14),
    ],
    NORTHERN_IRELAND: [
        Stage("foundation", _("Foundation stage (P1–P2, ages 4–6)"), 4, 6),
        Stage("ks1", _("Key stage 1 (P3–P4, ages 6–8)"), 6, 8),
        Stage("ks2", _("Key stage 2 (P5–P7, ages 8–11)"), 8, 11),
        Stage("ks3", _("Key stage 3 (years 8–10, ages 11–14)"), 11, 14),
    ],
}
DEFAULT_NATION = ENGLAND


def stages_for(nation_code):
    return STAGES_BY_NATION.get(nation_code or DEFAULT_NATION, STAGES_BY_NATION[DEFAULT_NATION])


def stage_labels_for_ages(nation_code, age_min, age_max):
    """The stages an activity for ``age_min``–``age_max`` suits, for cards and activity pages
    (the same rule as the directory's stage filter)."""
    return [stage for stage in stages_for(nation_code) if stage.covers(age_min, age_max)]


@dataclass(frozen=True)
class YearGroup:
    """A class's year group as its nation names it, and the age its children start the school
    year at (what the stage rule above reads ages by)."""

    slug: str
    name: str  # lazily translated, with %(number)s where the number goes
    number: int
    start_age: int

    @property
    def label(self):
        # Worded when shown, in the reader's language (never at import time).
        return str(self.name) % {"number": self.number}


_RECEPTION = _("Reception")
_YEAR = _("Year %(number)s")
_PRIMARY = _("Primary %(number)s (P%(number)s)")

YEAR_GROUPS_BY_NATION = {
    ENGLAND: [
        YearGroup("reception", _RECEPTION, 0, 4),
        *(YearGroup(f"year-{n}", _YEAR, n, n + 4) for n in range(1, 7)),
    ],
    WALES: [
        YearGroup("reception", _RECEPTION, 0, 4),
        *(YearGroup(f"year-{n}", _YEAR, n, n + 4) for n in range(1, 7)),
    ],
    # Scotland's P1 starts between 4½ and 5½: read as 5, the age most of the class reaches.
    SCOTLAND: [YearGroup(f"p{n}", _PRIMARY, n, n + 4) for n in range(1, 8)],
    # Northern Ireland's P1 children are 4 at the start of the school year.
    NORTHERN_IRELAND: [YearGroup(f"p{n}", _PRIMARY, n, n + 3) for n in range(1, 8)],
}


def year_groups_for(nation_code):
    return YEAR_GROUPS_BY_NATION.get(
        nation_code or DEFAULT_NATION, YEAR_GROUPS_BY_NATION[DEFAULT_NATION]
    )


def find_year_group(nation_code, slug):
    """The stored year group ``slug`` in ``nation_code``'s system, else in any nation's (a
    class keeps its year group whichever site shows it); None if unknown."""
    for group in year_groups_for(nation_code):
        if group.slug == slug:
            return group
    for groups in YEAR_GROUPS_BY_NATION.values():
        for group in groups:
            if group.slug == slug:
                return group
    return None
