"""Slots on the home page that other apps fill, without home depending on them.

An app registers a function for a slot (``featured_activities``, ``featured_stories``,
``featured_showcase``) in its ``AppConfig.ready``; the home page calls it with the request and
the home page and shows what it returns (a short list of pages).
"""

_providers = {}

SLOTS = ("featured_activities", "featured_stories", "featured_showcase")


def register(slot, provider):
    if slot not in SLOTS:
        raise ValueError(f"Unknown home page slot: {slot}")
    _providers[slot] = provider


def fill(request, home_page):
    return {
        slot: (_providers[slot](request, home_page) if slot in _providers else []) for slot in SLOTS
    }
