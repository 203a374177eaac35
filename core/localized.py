"""Names of translatable snippets in the reader's language, resolved inside the query.

wagtail-localize copies many-to-many rows and inline links to a translation unchanged, so a
Welsh page may still point at the English art form or theme. A listing therefore looks the name
up by ``translation_key`` in the same statement, instead of once per row, and falls back to the
name of the snippet actually linked when no translation exists.
"""

from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Coalesce


def localized_name(model, link_field, language_code):
    """An expression for the name of the ``model`` linked through ``link_field``, in
    ``language_code`` where a translation exists, otherwise as linked."""
    translated = model.objects.filter(
        translation_key=OuterRef(f"{link_field}__translation_key"),
        locale__language_code=language_code,
    ).values("name")[:1]
    return Coalesce(Subquery(translated), F(f"{link_field}__name"))
