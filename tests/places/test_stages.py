"""School stages never contradict ages: an activity lists a stage only when its ages cover a
whole year group of that stage, in every nation, and the SQL the directory counts stages with
says the same.

The rule is restated here from school years, not from places/stages.py: a year group is known
by its children's age at the start of the school year, and they are that age or one more
during it.
"""

import pytest
from django.db import connection

from places.nations import ENGLAND, NORTHERN_IRELAND, SCOTLAND, WALES
from places.stages import STAGES_BY_NATION, stage_labels_for_ages, stages_for

NATIONS = [ENGLAND, WALES, SCOTLAND, NORTHERN_IRELAND]
AGE_GRID = [(low, high) for low in range(3, 15) for high in range(low, 15)]

# Each nation's year groups, by the age their children start the school year at.
YEAR_GROUPS = {
    ENGLAND: {
        "Nursery": 3, "Reception": 4, "Year 1": 5, "Year 2": 6, "Year 3": 7, "Year 4": 8,
        "Year 5": 9, "Year 6": 10, "Year 7": 11, "Year 8": 12, "Year 9": 13,
    },
    WALES: {
        "Nursery": 3, "Reception": 4, "Year 1": 5, "Year 2": 6, "Year 3": 7, "Year 4": 8,
        "Year 5": 9, "Year 6": 10, "Year 7": 11, "Year 8": 12, "Year 9": 13,
    },
    SCOTLAND: {
        "Nursery": 3, "P1": 4, "P2": 5, "P3": 6, "P4": 7, "P5": 8, "P6": 9, "P7": 10,
        "S1": 11, "S2": 12, "S3": 13,
    },
    NORTHERN_IRELAND: {
        "Nursery": 3, "P1": 4, "P2": 5, "P3": 6, "P4": 7, "P5": 8, "P6": 9, "P7": 10,
        "Year 8": 11, "Year 9": 12, "Year 10": 13,
    },
}  # fmt: skip
# The year groups each stage is made of, as the nation's curriculum defines it.
STAGE_YEARS = {
    ENGLAND: {
        "eyfs": ["Nursery", "Reception"],
        "ks1": ["Year 1", "Year 2"],
        "ks2": ["Year 3", "Year 4", "Year 5", "Year 6"],
        "ks3": ["Year 7", "Year 8", "Year 9"],
    },
    WALES: {
        "nursery": ["Nursery", "Reception"],
        "ps2": ["Year 1", "Year 2", "Year 3"],
        "ps3": ["Year 4", "Year 5", "Year 6"],
        "ps4": ["Year 7", "Year 8", "Year 9"],
    },
    SCOTLAND: {
        "early": ["Nursery", "P1"],
        "first": ["P2", "P3", "P4"],
        "second": ["P5", "P6", "P7"],
        "third": ["S1", "S2", "S3"],
    },
    NORTHERN_IRELAND: {
        "foundation": ["P1", "P2"],
        "ks1": ["P3", "P4"],
        "ks2": ["P5", "P6", "P7"],
        "ks3": ["Year 8", "Year 9", "Year 10"],
    },
}


def suits(age_min, age_max, start_age):
    """Whether an activity for these ages suits the year group that starts the year at
    ``start_age``: its children stay within the ages all year, or the activity is for that one
    age."""
    if age_min == age_max:
        return start_age == age_min
    return age_min <= start_age and start_age + 1 <= age_max


def expected_stages(nation, age_min, age_max):
    years = YEAR_GROUPS[nation]
    return [
        slug
        for slug, names in STAGE_YEARS[nation].items()
        if any(suits(age_min, age_max, years[name]) for name in names)
    ]


def listed(nation, age_min, age_max):
    return [stage.slug for stage in stage_labels_for_ages(nation, age_min, age_max)]


def test_every_nation_has_its_stages():
    assert set(STAGES_BY_NATION) == set(NATIONS)
    for nation in NATIONS:
        assert [stage.slug for stage in stages_for(nation)] == list(STAGE_YEARS[nation])


@pytest.mark.parametrize("nation", NATIONS)
def test_stage_ages_are_the_ages_of_its_year_groups(nation):
    """The ages written on a stage run from its youngest year's start to its oldest's end."""
    years = YEAR_GROUPS[nation]
    for stage in stages_for(nation):
        starts = [years[name] for name in STAGE_YEARS[nation][stage.slug]]
        assert (stage.age_min, stage.age_max) == (min(starts), max(starts) + 1), stage.slug


@pytest.mark.parametrize("nation", NATIONS)
def test_no_age_range_lists_a_stage_its_ages_do_not_cover(nation):
    for age_min, age_max in AGE_GRID:
        assert listed(nation, age_min, age_max) == expected_stages(nation, age_min, age_max), (
            age_min,
            age_max,
        )


@pytest.mark.parametrize("nation", NATIONS)
def test_a_stages_own_ages_list_that_stage_alone(nation):
    for stage in stages_for(nation):
        assert listed(nation, stage.age_min, stage.age_max) == [stage.slug]


@pytest.mark.parametrize(
    ("nation", "ages", "stages"),
    [
        (ENGLAND, (5, 7), ["ks1"]),
        (ENGLAND, (9, 11), ["ks2"]),
        (ENGLAND, (7, 11), ["ks2"]),
        (ENGLAND, (3, 5), ["eyfs"]),
        (ENGLAND, (4, 7), ["eyfs", "ks1"]),
        (ENGLAND, (10, 12), ["ks2", "ks3"]),
        (ENGLAND, (7, 7), ["ks2"]),
        (ENGLAND, (3, 14), ["eyfs", "ks1", "ks2", "ks3"]),
        (ENGLAND, (14, 16), []),
        (WALES, (5, 8), ["ps2"]),
        (WALES, (5, 7), ["ps2"]),
        (WALES, (8, 11), ["ps3"]),
        (SCOTLAND, (8, 11), ["second"]),
        (SCOTLAND, (5, 7), ["first"]),
        (SCOTLAND, (9, 11), ["second"]),
        (NORTHERN_IRELAND, (5, 7), ["foundation", "ks1"]),
        (NORTHERN_IRELAND, (6, 8), ["ks1"]),
        (NORTHERN_IRELAND, (9, 11), ["ks2"]),
        (NORTHERN_IRELAND, (4, 6), ["foundation"]),
    ],
)
def test_examples_teachers_would_check(nation, ages, stages):
    assert listed(nation, *ages) == stages


@pytest.mark.django_db
@pytest.mark.parametrize("nation", NATIONS)
def test_the_sql_the_facets_count_with_follows_the_same_rule(nation):
    values = ", ".join("(%s, %s)" for _ in AGE_GRID)
    grid_params = [age for pair in AGE_GRID for age in pair]
    for stage in stages_for(nation):
        condition, params = stage.sql()
        sql = (
            f"WITH grid (age_min, age_max) AS (VALUES {values}) "  # noqa: S608 - test's own SQL
            f"SELECT age_min, age_max FROM grid WHERE {condition}"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*grid_params, *params])
            found = {tuple(row) for row in cursor.fetchall()}
        expected = {ages for ages in AGE_GRID if stage.slug in expected_stages(nation, *ages)}
        assert found == expected, stage.slug
