"""The iCalendar (RFC 5545) feed of a backpack's planned dates, so a teacher's calendar shows
the class's experiences. Only experiences with a date are events (a term is not a date); each
is an all-day event, since a plan names the day, not the hour."""

from datetime import timedelta

from django.utils import timezone

from directory.icalendar import escape_text, fold_line, utc_stamp


def backpack_calendar(backpack, experiences, host):
    now = utc_stamp(timezone.now())
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Arts Backpack//Class backpack//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(backpack.class_name)}",
    ]
    for experience in experiences:
        if experience.date is None:
            continue
        title = experience.shown.title if experience.shown else experience.activity_title
        lines += [
            "BEGIN:VEVENT",
            f"UID:backpack-{backpack.pk}-experience-{experience.pk}@{host}",
            f"DTSTAMP:{now}",
            f"DTSTART;VALUE=DATE:{experience.date:%Y%m%d}",
            f"DTEND;VALUE=DATE:{experience.date + timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{escape_text(title)}",
            f"STATUS:{'CONFIRMED' if experience.status in ('booked', 'done') else 'TENTATIVE'}",
        ]
        if experience.shown is not None:
            lines.append(f"DESCRIPTION:{escape_text(experience.shown.summary)}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "\r\n".join(fold_line(line) for line in lines) + "\r\n"
