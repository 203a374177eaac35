"""Django's own messages that a reader can meet on our public forms but that Django's catalog
for a language we serve leaves untranslated (Welsh, for the first one).

Marking them here puts them in our catalogs (``make messages``), which Django reads before its
own, so a Welsh page never shows an English error.
"""

from django.utils.translation import gettext_noop

UNTRANSLATED_BY_DJANGO = (gettext_noop("Null characters are not allowed."),)
