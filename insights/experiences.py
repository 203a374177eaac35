"""Experiences per pupil, from the class backpacks: how far classes are from five cultural
experiences a year, per local authority and per nation, and what teachers said after visits,
per provider.

"On track for five" means the class has at least five experiences booked or done
(ON_TRACK): a booked visit is as good as planned-for, an idea or a request is not yet.
A class's local authority is its school postcode's district's; "Unknown" when the postcode is
missing or not a known district. No school or class name leaves this module.
"""

from collections import defaultdict

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce, Length, Substr

from backpack.models import Backpack, PlannedExperience, Status
from directory.models import ProviderPage
from places.models import Place
from places.postcodes import PostcodeError, find_district

ON_TRACK = 5
UNKNOWN = "Unknown"
WORDS_PER_PROVIDER = 5


def _count_of(*statuses):
    counted = (
        PlannedExperience.objects.filter(backpack=OuterRef("pk"), status__in=statuses)
        .order_by()
        .values("backpack")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def _grouped(by):
    """Classes, pupils, booked, done and on-track classes grouped by ``by``, in one query."""
    backpacks = Backpack.objects.annotate(
        booked=_count_of(Status.BOOKED),
        done=_count_of(Status.DONE),
        progress=_count_of(Status.BOOKED, Status.DONE),
    )
    return (
        backpacks.order_by()
        .values(by)
        .annotate(
            classes=Count("pk"),
            pupils_total=Sum("pupils"),
            booked_total=Sum("booked"),
            done_total=Sum("done"),
            on_track=Count("pk", filter=Q(progress__gte=ON_TRACK)),
        )
    )


def _row(name, figures):
    classes = figures["classes"]
    return {
        "name": name,
        "classes": classes,
        "pupils": figures["pupils"],
        "booked": figures["booked"],
        "done": figures["done"],
        "on_track": figures["on_track"],
        "on_track_share": round(100 * figures["on_track"] / classes) if classes else 0,
    }


def _authority_code(postcode):
    if not postcode:
        return ""
    try:
        return find_district(postcode).local_authority_code or ""
    except PostcodeError:
        return ""


def _merge(groups, key_of):
    merged = defaultdict(
        lambda: dict.fromkeys(("classes", "pupils", "booked", "done", "on_track"), 0)
    )
    for group in groups:
        into = merged[key_of(group)]
        into["classes"] += group["classes"]
        into["pupils"] += group["pupils_total"] or 0
        into["booked"] += group["booked_total"] or 0
        into["done"] += group["done_total"] or 0
        into["on_track"] += group["on_track"]
    return merged


def by_authority():
    """Rows per local authority (the database groups by postcode; each distinct postcode is
    then placed in its authority)."""
    merged = _merge(_grouped("school_postcode"), lambda g: _authority_code(g["school_postcode"]))
    names = dict(
        Place.objects.filter(
            locale__language_code="en", code__in=[code for code in merged if code]
        ).values_list("code", "name")
    )
    rows = [
        _row(names.get(code, code) if code else UNKNOWN, figures)
        for code, figures in merged.items()
    ]
    return sorted(rows, key=lambda row: (row["name"] == UNKNOWN, row["name"]))


def by_nation():
    merged = _merge(_grouped("nation"), lambda g: g["nation"])
    names = dict(
        Place.objects.filter(locale__language_code="en", kind=Place.Kind.NATION).values_list(
            "code", "name"
        )
    )
    rows = [
        _row(names.get(code, code) if code else UNKNOWN, figures)
        for code, figures in merged.items()
    ]
    return sorted(rows, key=lambda row: (row["name"] == UNKNOWN, row["name"]))


def provider_digest():
    """Per provider: completed visits, the shares that took part fully and would recommend
    (of those who answered), and the pupils' latest words, with no school or class beside
    them."""
    done = PlannedExperience.objects.filter(status=Status.DONE, activity__isnull=False).annotate(
        provider_path=Substr("activity__path", 1, Length("activity__path") - 4)
    )
    figures = (
        done.order_by()
        .values("provider_path")
        .annotate(
            completed=Count("pk"),
            answered_fully=Count("pk", filter=~Q(took_part_fully="")),
            fully=Count("pk", filter=Q(took_part_fully="yes")),
            answered_recommend=Count("pk", filter=Q(would_recommend__isnull=False)),
            recommend=Count("pk", filter=Q(would_recommend=True)),
        )
    )
    figures = {row["provider_path"]: row for row in figures}
    names = dict(ProviderPage.objects.filter(path__in=list(figures)).values_list("path", "title"))
    words = defaultdict(list)
    for path, said in (
        done.exclude(pupils_said="")
        .order_by("-answered_at", "-pk")
        .values_list("provider_path", "pupils_said")
    ):
        if len(words[path]) < WORDS_PER_PROVIDER:
            words[path].append(said)
    rows = []
    for path, row in figures.items():
        rows.append(
            {
                "provider": names.get(path, UNKNOWN),
                "completed": row["completed"],
                "took_part_fully_share": _share(row["fully"], row["answered_fully"]),
                "would_recommend_share": _share(row["recommend"], row["answered_recommend"]),
                "pupils_said": words[path],
            }
        )
    return sorted(rows, key=lambda row: row["provider"])


def _share(part, whole):
    return round(100 * part / whole) if whole else None
