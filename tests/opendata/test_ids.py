"""Derived ids are written as text directly (opendata/openreferral/ids.derived_text); they must
be exactly the version 5 UUIDs that ``ids.derived`` makes, or every derived id would change."""

import uuid

from opendata.openreferral import ids


def test_derived_text_is_the_uuid5_of_the_same_parts():
    samples = [
        ("taxonomy", "art_form"),
        ("schedule", "39e11006-5db3-405f-a4e1-922fabf2302d", "2026-03-02T09:30:00+00:00"),
        ("cost", uuid.UUID("8bee5f82-60e9-4679-93bc-bb9ef61a95c7"), "price"),
        ("address", "Ysgol Gymraeg Caerdydd – Neuadd"),  # not ASCII
        (),
    ]
    for parts in samples:
        expected = ids.derived(*parts)
        text = ids.derived_text(*parts)
        assert text == str(expected)
        assert uuid.UUID(text).version == 5
