"""The coverage map: each local authority as a dot at its centroid, drawn on the server as
SVG. No tiles, scripts or other hosts; the table beside it says the same in words, so the
picture is only a quicker way to see where provision is thin."""

import math
from collections import defaultdict
from dataclasses import dataclass

WIDTH = 400
HEIGHT = 560
MARGIN = 16


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    r: float
    band: str  # "none", "few", "some"
    label: str


def band(total):
    if total == 0:
        return "none"
    if total < 5:
        return "few"
    return "some"


def map_dots(rows):
    """Dots from the report's rows: one per authority, sized and coloured by the activities
    offered there across the art forms shown."""
    places = {}
    totals = defaultdict(int)
    for row in rows:
        if row["latitude"] is None or row["longitude"] is None:
            continue
        places[row["code"]] = (row["authority"], row["latitude"], row["longitude"])
        totals[row["code"]] += row["total"]
    if not places:
        return []
    lats = [lat for _n, lat, _lon in places.values()]
    lons = [lon for _n, _lat, lon in places.values()]
    # Equirectangular, squeezed by the cosine of the middle latitude so Britain keeps its
    # shape at these latitudes.
    squeeze = math.cos(math.radians((min(lats) + max(lats)) / 2))
    span_x = max((max(lons) - min(lons)) * squeeze, 0.01)
    span_y = max(max(lats) - min(lats), 0.01)
    scale = min((WIDTH - 2 * MARGIN) / span_x, (HEIGHT - 2 * MARGIN) / span_y)
    dots = []
    for code, (name, lat, lon) in sorted(places.items()):
        total = totals[code]
        dots.append(
            Dot(
                x=round(MARGIN + (lon - min(lons)) * squeeze * scale, 1),
                y=round(MARGIN + (max(lats) - lat) * scale, 1),
                r=round(3 + min(math.sqrt(total), 6), 1),
                band=band(total),
                label=f"{name}: {total}",
            )
        )
    return dots
