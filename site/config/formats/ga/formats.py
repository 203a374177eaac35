"""Irish: Django sets no first day of the week (so Sunday) and no short numeric date; the
Northern Ireland site uses Monday, day-first dates and the 24-hour clock."""

TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i"
YEAR_MONTH_FORMAT = "F Y"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
NUMBER_GROUPING = 3
