"""Scottish Gaelic: Django gives a 12-hour clock ("02:30pm") and a short date with the month
abbreviated; use the day-first numeric date and 24-hour clock used across the UK. Long dates
keep Django's Gaelic month names."""

TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i"
YEAR_MONTH_FORMAT = "F Y"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
NUMBER_GROUPING = 3
