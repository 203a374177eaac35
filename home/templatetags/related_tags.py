from django import template

from home.related import panels_for

register = template.Library()


@register.simple_tag(takes_context=True)
def related_panels(context, page):
    """Panels other apps registered for this page (see home/related.py)."""
    return panels_for(context.get("request"), page)
