"""Date and number formats for the site's four languages, found through FORMAT_MODULE_PATH.

Django's own ``en`` formats are American (month first, Sunday first, 12-hour clock). Every
regional site is in the UK, so English uses British formats, and Welsh, Scottish Gaelic and
Irish share the same numeric conventions (day first, Monday first, 24-hour clock). Anything
not set here falls back to Django's formats for that language, so month and day names still
come from Django's translations.
"""
