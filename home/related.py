"""Panels that other apps add to a page they do not own, without that page's app depending on
them.

The directory must not import stories (stories depend on the directory, not the other way
round), yet a provider's page should list the stories about it. An app registers a function in
its ``AppConfig.ready``; page templates render whatever the registered functions return for the
page being shown, through ``{% related_panels page as panels %}`` (``home/templatetags``).

Each function takes ``(request, page)`` and returns ``None`` (nothing to add) or a
``RelatedPanel``.
"""

from dataclasses import dataclass

_providers = []


@dataclass(frozen=True)
class RelatedPanel:
    key: str  # stable, used for the heading's id
    heading: str
    items: list  # pages built on BasePage, shown as cards


def register(provider):
    if provider not in _providers:
        _providers.append(provider)


def panels_for(request, page):
    panels = []
    for provider in _providers:
        panel = provider(request, page)
        if panel is not None and panel.items:
            panels.append(panel)
    return panels
