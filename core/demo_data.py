"""Reading the demo's content, which each app keeps as data in its own ``demo/`` folder.

The words of the demo (providers, stories, pages, translations) are content, not code: an
editor can read and change them in one TOML file without touching the loader, and the loader
keeps only what it does with them.
"""

import tomllib
from functools import cache
from pathlib import Path

from django.apps import apps


@cache
def read_demo_data(app_label, name):
    """The parsed ``<app>/demo/<name>.toml``."""
    folder = Path(apps.get_app_config(app_label).path) / "demo"
    return tomllib.loads((folder / f"{name}.toml").read_text(encoding="utf-8"))


# What a block's stored value holds that the data may leave out.
BLOCK_DEFAULTS = {
    "heading": {"level": "h2"},
    "quote": {"attribution": "", "role": ""},
    "image": {"caption": "", "credit": ""},
    "video": {"poster": None, "audio_described_url": "", "captions": True},
    "document": {"title": ""},
}
ITEM_DEFAULTS = {"figures": {"source_url": ""}, "links": {"url": ""}, "link": {"url": ""}}
REFERENCES = ("page", "image", "document")


def stream_blocks(blocks, refs):
    """StreamField data from the demo's blocks: rich text may be ``paragraphs`` (or ``html``);
    a ``page``, ``image`` or ``document`` is a name looked up in ``refs``."""
    return [_block(dict(block), refs) for block in blocks]


def _block(block, refs):
    kind = block.pop("type")
    if kind == "rich_text":
        value = block.get("html") or "".join(f"<p>{text}</p>" for text in block["paragraphs"])
        return {"type": kind, "value": value}
    value = {**BLOCK_DEFAULTS.get(kind, {}), **_resolve(block, refs)}
    return {"type": kind, "value": value}


def _resolve(value, refs, defaults=None):
    resolved = dict(defaults or {})
    for name, item in value.items():
        if name in REFERENCES and isinstance(item, str):
            item = refs[item].pk
        elif isinstance(item, dict):
            item = _resolve(item, refs, ITEM_DEFAULTS.get(name))
        elif isinstance(item, list) and item and isinstance(item[0], dict):
            item = [_resolve(each, refs, ITEM_DEFAULTS.get(name)) for each in item]
        resolved[name] = item
    return resolved
