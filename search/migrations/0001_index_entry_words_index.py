"""An index for the words of Wagtail's search index entries on PostgreSQL.

Workaround for an upstream gap: modelsearch's PostgreSQL backend matches a query against the
title and body of each entry joined together (``title || body``), while its migrations index
the two apart, so every search read every entry of the table (50 ms among 100,000 activities,
whatever the word). An index on the same expression lets PostgreSQL look the words up: a word
few activities have is then found in well under a millisecond. Nothing to do elsewhere (SQLite
has its own FTS5 table). Delete it once upstream indexes what it matches.
"""

from django.db import migrations

INDEX = "site_search_indexentry_words_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        table = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON {table} USING gin ((title || body))"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(create_index, drop_index)]
