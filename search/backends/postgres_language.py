"""Wagtail's PostgreSQL search backend, with a text search configuration for each language.

modelsearch's PostgreSQL backend stems everything with one configuration (its ``SEARCH_CONFIG``
option, else the server's ``default_text_search_config``, usually English), so Welsh or Irish
text would be cut down by English rules. Here each object is indexed with the configuration of
its own language (its locale's, for translatable models; the site's default language for the
rest), and each query is parsed with the configuration of the language being searched (the
active language for translatable models, which callers set to the locale they search; the
default language for the rest). ``settings.SEARCH_CONFIG_BY_LANGUAGE`` maps languages to
configurations; a language it does not name gets ``simple`` (lower-cased words, no stemming, no
stop words), which suits any language. Autocomplete is untouched: upstream indexes and queries
it with ``simple`` for every language already.

All languages share modelsearch's one index table (several database backends cannot coexist,
wagtail/wagtail#9253); an entry's vectors simply hold the lexemes of its own language.
``search.backends.database`` uses this backend wherever modelsearch chose its PostgreSQL one.
"""

import copy
from collections import defaultdict

from django.conf import settings
from django.utils import translation
from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from wagtail.models import Locale, TranslatableMixin

FALLBACK_CONFIG = "simple"


def config_for_language(language_code):
    """The text search configuration for a language code ('cy', 'en-gb'...)."""
    configs = getattr(settings, "SEARCH_CONFIG_BY_LANGUAGE", {})
    code = (language_code or settings.LANGUAGE_CODE).lower()
    return configs.get(code) or configs.get(code.split("-")[0]) or FALLBACK_CONFIG


def is_translatable(model):
    return issubclass(model, TranslatableMixin)


class PerLanguageIndex(PostgresIndex):
    def add_items(self, model, objs):
        """Index each language's objects with its own configuration, in one batch per language.

        Upstream's indexer reads the configuration from the backend, so each batch goes through
        upstream's ``add_items`` with a copy of the backend set to that language's configuration.
        """
        by_config = defaultdict(list)
        if is_translatable(model):
            language_by_locale = dict(Locale.objects.values_list("pk", "language_code"))
            for obj in objs:
                by_config[config_for_language(language_by_locale.get(obj.locale_id))].append(obj)
        else:
            by_config[config_for_language(settings.LANGUAGE_CODE)] = list(objs)
        for config, batch in by_config.items():
            index = copy.copy(self)
            index.backend = copy.copy(self.backend)
            index.backend.config = config
            PostgresIndex.add_items(index, model, batch)


class PerLanguageQueryCompiler(PostgresSearchQueryCompiler):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Fixed when the search is made, not when its results are read.
        language = (
            translation.get_language()
            if is_translatable(self.queryset.model)
            else settings.LANGUAGE_CODE
        )
        self.search_config = config_for_language(language)

    def get_config(self, backend):
        return self.search_config


class KeysFirstResults(PostgresSearchResults):
    def ranked_ids(self):
        """The matching objects' primary keys in the results' order, without building the
        objects (see search.query.result_ids)."""
        return list(self.get_queryset().values_list("pk", flat=True))


class PerLanguagePostgresBackend(PostgresSearchBackend):
    query_compiler_class = PerLanguageQueryCompiler
    results_class = KeysFirstResults
    index_class = PerLanguageIndex
