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

import uuid

NAMESPACE = uuid.UUID("8bee5f82-60e9-4679-93bc-bb9ef61a95c7")


def derived(*parts):
    """The version 5 UUID of ``NAMESPACE`` and ``parts`` joined with colons."""
    return uuid.uuid5(NAMESPACE, ":".join(str(part) for part in parts))


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
