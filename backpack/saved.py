"""The teacher's saved activities: a short list kept in their session (no account), as the
activities' translation keys, so an activity saved in English is saved in Welsh too.

Reading the count never opens a session the visitor does not have: a page seen by someone
who has saved nothing stays the same for everyone (and so can be cached).
"""

import uuid

from django.conf import settings

SESSION_KEY = "backpack_saved"
MAX_SAVED = 60


def _has_session(request):
    return settings.SESSION_COOKIE_NAME in request.COOKIES or request.session.modified


def saved_keys(request):
    """The saved activities' translation keys (strings), oldest first."""
    if not hasattr(request, "session") or not _has_session(request):
        return []
    keys = request.session.get(SESSION_KEY, [])
    return [key for key in keys if isinstance(key, str)] if isinstance(keys, list) else []


def saved_uuids(request):
    """The saved translation keys as UUIDs, oldest first (anything unreadable left out)."""
    return [key for key in (parse_key(value) for value in saved_keys(request)) if key]


def is_saved(request, activity):
    return str(activity.translation_key) in saved_keys(request)


def save(request, activity):
    keys = saved_keys(request)
    key = str(activity.translation_key)
    if key not in keys:
        keys = (keys + [key])[-MAX_SAVED:]
        request.session[SESSION_KEY] = keys


def remove(request, key):
    keys = [saved for saved in saved_keys(request) if saved != str(key)]
    request.session[SESSION_KEY] = keys


def parse_key(value):
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError, AttributeError):
        return None
