"""Welsh: Django's formats give "25 Hydref 2006" but a 12-hour clock ("2:30 y.b."); Welsh
public bodies write times on the 24-hour clock, as the English pages do."""

TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
