"""Demo searches for ``make run``: six weeks of generated directory searches, so the insights
reports have something to show. Deterministic (a fixed seed), quick (one bulk insert), and
only once: a log that already holds searches is left alone.

Most searches are in the local authorities the demo activities are offered in (the pilot
areas), some elsewhere; a search "finds" activities when the demo has a live one in that
authority and art form, and finds nothing otherwise, as a real search there would.
"""

import random
from datetime import timedelta

from django.utils import timezone

from directory.models import ActivityPage, ArtForm
from insights.models import SearchLog, as_stored
from places.models import Place
from places.stages import stages_for

SEARCHES = 420
DAYS = 42
SEED = 16
KEYWORDS = ["", "", "", "", "zumba", "ballet", "steel pans", "puppets", "poetry", "samba"]
NATIONS_BY_PREFIX = {"E": "GB-ENG", "W": "GB-WLS", "S": "GB-SCT", "N": "GB-NIR"}


def load(stdout=None):
    if SearchLog.objects.exists():
        return 0
    rng = random.Random(SEED)  # demo data, not a secret
    authorities = {
        code: (name, lineage)
        for code, name, lineage in Place.objects.filter(kind="local_authority").values_list(
            "code", "name", "lineage"
        )
    }
    if not authorities:
        return 0
    live = ActivityPage.objects.live().public()
    # (authority code, art form slug) pairs the demo offers: one query.
    offered = set(
        live.filter(places__kind="local_authority").values_list("places__code", "art_forms__slug")
    )
    pilots = sorted({code for code, _form in offered if code in authorities})
    others = sorted(set(authorities) - set(pilots))
    art_forms = sorted(ArtForm.objects.values_list("slug", flat=True))
    now = timezone.now()
    rows = []
    for _n in range(SEARCHES):
        pool = pilots if pilots and (rng.random() < 0.75 or not others) else others
        code = rng.choice(pool)
        chosen = [rng.choice(art_forms)] if art_forms and rng.random() < 0.8 else []
        nation = NATIONS_BY_PREFIX.get(code[:1], "GB-ENG")
        stage = rng.choice(stages_for(nation)).slug if rng.random() < 0.5 else ""
        keywords = rng.choice(KEYWORDS)
        found = (
            any((code, form) in offered for form in chosen)
            if chosen
            else any(pair[0] == code for pair in offered)
        )
        # Keywords narrow a search: now and then they match nothing even where there is an offer.
        if keywords and rng.random() < 0.5:
            found = False
        rows.append(
            SearchLog(
                searched_at=now - timedelta(days=rng.uniform(0, DAYS)),
                language="en",
                place_code=code,
                local_authority_code=code,
                art_forms=as_stored(chosen),
                stage=stage,
                keywords=keywords,
                result_count=rng.randint(1, 12) if found else 0,
            )
        )
    SearchLog.objects.bulk_create(rows)
    if stdout is not None:
        nothing = sum(1 for row in rows if row.result_count == 0)
        stdout.write(f"Demo searches: {len(rows)} logged, {nothing} of them found nothing.")
    return len(rows)
