from django import template

from core.sections import sections_for

register = template.Library()


@register.simple_tag(takes_context=True)
def page_sections(context, hook_name, page):
    """The sections other apps registered under ``hook_name`` for this page (core/sections.py)."""
    return sections_for(hook_name, context.get("request"), page)
