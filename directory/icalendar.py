"""An iCalendar (RFC 5545) file of an activity's dated sessions, so a teacher can add them to
their calendar. Small enough to write by hand: one VEVENT per session."""

from datetime import UTC

from django.utils import timezone


def _escape(text):
    return (
        str(text).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")
    )


def _fold(line):
    """Lines longer than 75 octets continue on the next line after a space (RFC 5545 3.1)."""
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    parts, current = [], b""
    for char in line:
        piece = char.encode("utf-8")
        if len(current) + len(piece) > (75 if not parts else 74):
            parts.append(current.decode("utf-8"))
            current = b""
        current += piece
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


def _stamp(moment):
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def activity_calendar(activity, sessions, url, host):
    now = _stamp(timezone.now())
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Arts Backpack//Activity directory//EN",
        "CALSCALE:GREGORIAN",
    ]
    address = activity.published_venue_address
    location = ", ".join(
        part for part in (activity.venue_name, address.street, address.postcode) if part
    )
    for session in sessions:
        lines += [
            "BEGIN:VEVENT",
            f"UID:activity-{activity.pk}-session-{session.pk}@{host}",
            f"DTSTAMP:{now}",
            f"DTSTART:{_stamp(session.start)}",
            f"DTEND:{_stamp(session.end_or_start)}",
            f"SUMMARY:{_escape(activity.title)}",
            f"DESCRIPTION:{_escape(activity.summary)}",
            f"URL:{url}",
        ]
        if location:
            lines.append(f"LOCATION:{_escape(location)}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"


# For other apps' calendars (the class backpack's feed): the same escaping and folding.
escape_text = _escape
fold_line = _fold
utc_stamp = _stamp
