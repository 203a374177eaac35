from django import template

from core.sections import search_box_for, sections_for

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
