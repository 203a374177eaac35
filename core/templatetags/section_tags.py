from django import template
from wagtail import hooks

from core.sections import (
    ACTIVITY_ACTIONS,
    HEADER_LINKS,
    render_sections,
    search_box_for,
    sections_for,
)

register = template.Library()


@register.simple_tag(takes_context=True)
def page_sections(context, hook_name, page):
    """The sections other apps registered under ``hook_name`` for this page (core/sections.py)."""
    return sections_for(hook_name, context.get("request"), page)


@register.inclusion_tag("core/includes/directory_search.html", takes_context=True)
def directory_search(context, heading="", heading_level="h2", id_prefix="search"):
    """The quick activity search (postcode or place, art form), sent by GET to the site's
    directory page; nothing when the site has none. ``id_prefix`` keeps field ids unique when
    a page shows the form twice."""
    request = context.get("request")
    return {
        "box": search_box_for(request, context.get("page")),
        "heading": heading,
        "heading_level": heading_level,
        "id_prefix": id_prefix,
    }


@register.simple_tag(takes_context=True)
def activity_actions(context, activity, place="card"):
    """Other apps' controls for this activity (core/sections.py ``ACTIVITY_ACTIONS``)."""
    request = context.get("request")
    if request is None or activity is None:
        return ""
    sections = []
    for hook in hooks.get_hooks(ACTIVITY_ACTIONS):
        section = hook(request, activity, place)
        if section is not None and section.items:
            sections.append(section)
    return render_sections(sections, context, keep_for=activity, activity=activity)


@register.simple_tag(takes_context=True)
def header_links(context):
    """Other apps' links in the site header (core/sections.py ``HEADER_LINKS``)."""
    request = context.get("request")
    if request is None:
        return ""
    sections = []
    for hook in hooks.get_hooks(HEADER_LINKS):
        section = hook(request)
        if section is not None and section.items:
            sections.append(section)
    return render_sections(sections, context)
