"""`{% site_stylesheets %}`: the site's screen CSS in the <head> (core/inline_styles.py)."""

from django import template
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from core.inline_styles import SITE_STYLESHEETS, inline_stylesheet

register = template.Library()


@register.simple_tag
def site_stylesheets():
    """A <style> element per site stylesheet, or a <link> to one that cannot be inlined."""
    elements = []
    for name in SITE_STYLESHEETS:
        sheet = inline_stylesheet(name)
        if sheet is None:
            elements.append(format_html('<link rel="stylesheet" href="{}">', static(name)))
        else:
            # Our own file, byte for byte: its CSP hash is of exactly this text (no escaping).
            elements.append(mark_safe(f"<style>{sheet.text}</style>"))  # noqa: S308
    return mark_safe("\n".join(elements))  # noqa: S308 (each part made safe above)
