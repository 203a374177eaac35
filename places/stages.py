"""School stages, as each nation names them, mapped onto the ages stored on activities.

Activities store an age range; a stage is a label for an age range in one nation's system, so
one activity shows as "KS2" in England and "Second level" in Scotland. Ages are the ages of
children in the stage during the school year (inclusive), so adjacent stages share a boundary
year, as real classes do.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from places.nations import ENGLAND, NORTHERN_IRELAND, SCOTLAND, WALES


@dataclass(frozen=True)
class Stage:
    slug: str
    label: str
    age_min: int
    age_max: int

    def overlaps(self, age_min, age_max):
        return age_min <= self.age_max and age_max >= self.age_min


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
    """Short labels of the stages an age range overlaps, for cards and activity pages."""
    return [stage for stage in stages_for(nation_code) if stage.overlaps(age_min, age_max)]
