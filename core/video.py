"""Turn a public video link into a privacy-enhanced embed address, without asking the host.

Wagtail's embed finders fetch oEmbed data from the video host when a page is saved or rendered.
That is a request to a third party the reader never chose, and this site must not make one
(and cannot, offline). The two hosts programme partners use have stable embed addresses that
can be derived from the link itself, so the page ships a play button and the iframe address,
and the browser contacts the host only after the reader presses play.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_VIMEO_ID = re.compile(r"^\d{1,12}$")


@dataclass(frozen=True)
class VideoEmbed:
    provider: str  # the host's name, shown to the reader before they choose to play
    embed_url: str
    watch_url: str


def video_embed_for(url):
    """Return a VideoEmbed for a YouTube or Vimeo link, or None if the link is not one."""
    try:
        parts = urlsplit(url.strip())
    except (AttributeError, ValueError):
        return None
    if parts.scheme not in ("http", "https"):
        return None
    host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    path = [segment for segment in parts.path.split("/") if segment]

    video_id = None
    if host in ("youtube.com", "youtube-nocookie.com"):
        if path[:1] == ["watch"]:
            video_id = parse_qs(parts.query).get("v", [None])[0]
        elif len(path) >= 2 and path[0] in ("embed", "shorts", "live"):
            video_id = path[1]
    elif host == "youtu.be" and path:
        video_id = path[0]
    if video_id and _YOUTUBE_ID.match(video_id):
        return VideoEmbed(
            provider="YouTube",
            embed_url=f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1",
            watch_url=f"https://www.youtube.com/watch?v={video_id}",
        )

    if host in ("vimeo.com", "player.vimeo.com") and path:
        video_id = path[-1]
        if _VIMEO_ID.match(video_id):
            return VideoEmbed(
                provider="Vimeo",
                embed_url=f"https://player.vimeo.com/video/{video_id}?dnt=1&autoplay=1",
                watch_url=f"https://vimeo.com/{video_id}",
            )
    return None
