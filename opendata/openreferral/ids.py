"""Identifiers of everything the Open Referral API publishes: UUIDs that never change.

- Organizations (providers) and services (activities) are Wagtail pages: their id is the
  page's ``translation_key``, a UUID shared by the page and all its translations and kept for
  its life (moves and renames included), so a consumer sees one service whatever ``lang`` it
  asks for.
- Taxonomy terms (art forms, formats, access features, languages of delivery) are
  translatable snippets: their ``translation_key`` too.
- A location chosen from the provider's venues is that venue's ``key`` (ProviderVenue.key,
  the same in every translation of the provider); an activity's own venue has a derived id.
- A service-at-location has the id of its service: an activity is held at one venue at
  most, so the pair is known by the activity.
- Everything else (the four taxonomies, addresses, schedules, cost options, languages,
  attributes) is a version 5 UUID of ``NAMESPACE`` and a natural key such as
  ``"schedule:<service id>:<start>"``. The namespace is fixed for ever: changing it would
  change every derived id.
"""

import hashlib
import uuid

NAMESPACE = uuid.UUID("8bee5f82-60e9-4679-93bc-bb9ef61a95c7")


def derived(*parts):
    """The version 5 UUID of ``NAMESPACE`` and ``parts`` joined with colons."""
    return uuid.uuid5(NAMESPACE, ":".join(str(part) for part in parts))


def derived_text(*parts):
    """``str(derived(*parts))``, written directly: a page of services holds a thousand derived
    ids, and building a UUID object for each only to print it cost as much as the rest of the
    record. The same bytes as ``uuid.uuid5`` (SHA-1 of the namespace and the name, version 5,
    RFC 4122 variant); tests/opendata/test_ids.py checks the two agree."""
    name = ":".join(str(part) for part in parts)
    digest = bytearray(hashlib.sha1(NAMESPACE.bytes + name.encode()).digest()[:16])  # noqa: S324
    digest[6] = (digest[6] & 0x0F) | 0x50
    digest[8] = (digest[8] & 0x3F) | 0x80
    text = digest.hex()
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


def taxonomy_id(name):
    """``name`` is the search package's filter name (art_form, format, access, language)."""
    return derived("taxonomy", name)


def location_id(activity):
    return activity.venue_key or derived("location", activity.translation_key)


def parse(value):
    """A UUID from text, or None if it is not one."""
    try:
        return uuid.UUID(str(value).strip())
    except (TypeError, ValueError, AttributeError):
        return None
