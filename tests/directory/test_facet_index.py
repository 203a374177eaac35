"""On PostgreSQL the facet statement reads an activity's counted columns from an index of their
own (directory/migrations/0013), not from the wide table: the index must hold every column the
statement counts by."""

import pytest
from django.db import connection

from directory.search.facets import COUNTED_COLUMNS

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="a PostgreSQL index; CI runs this there"
    ),
]


def test_the_facet_columns_index_covers_what_the_facets_count():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = %s",
            ["directory_activity_facet_columns"],
        )
        (definition,) = cursor.fetchone()
    columns = ["page_ptr_id" if column == "pk" else column for column in COUNTED_COLUMNS]
    for column in columns:
        assert column in definition
