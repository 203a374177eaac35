"""``{% kept_fragment %}``: a part of a page that every visitor of it sees the same, rendered
once per site generation and kept (core/fragments.py says when and for how long)::

    {% load kept_fragments %}
    {% kept_fragment "story-body" page %} ... {% endkept_fragment %}
    {% kept_fragment "results" by_address %} ... {% endkept_fragment %}
    {% kept_fragment "header" by_address when=page.pk %} ... {% endkept_fragment %}

The quoted name and the values after it make the key (with the scheme, host and language,
always); ``by_address`` adds the path and query string; ``when`` keeps it only while its value
is true (base.html keeps its parts only on Wagtail's pages, never on a view's own page such as
a class backpack's). What a fragment shows must follow from its key and the site's content
alone: nothing about the visitor (no form, no session, no typed input) goes inside one.
"""

from django import template

from core import fragments

register = template.Library()


class KeptFragmentNode(template.Node):
    def __init__(self, nodelist, name, parts, by_address, when):
        self.nodelist = nodelist
        self.name = name
        self.parts = parts
        self.by_address = by_address
        self.when = when

    def render(self, context):
        if self.when is not None and not self.when.resolve(context):
            return self.nodelist.render(context)
        request = context.get("request")
        parts = [part.resolve(context) for part in self.parts]
        key = fragments.key_parts(request, self.name, parts, by_address=self.by_address)
        if key is None:
            return self.nodelist.render(context)
        kept = fragments.recall(request, key)
        if kept is not None:
            return kept
        html = self.nodelist.render(context)
        fragments.keep(request, key, html)
        return html


@register.tag("kept_fragment")
def kept_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][-1] != bits[1][0]:
        raise template.TemplateSyntaxError(
            f"'{bits[0]}' needs a quoted name first: {{% kept_fragment \"name\" ... %}}"
        )
    name = bits[1][1:-1]
    parts, by_address, when = [], False, None
    for bit in bits[2:]:
        if bit == "by_address":
            by_address = True
        elif bit.startswith("when="):
            when = parser.compile_filter(bit.removeprefix("when="))
        else:
            parts.append(parser.compile_filter(bit))
    nodelist = parser.parse(("endkept_fragment",))
    parser.delete_first_token()
    return KeptFragmentNode(nodelist, name, parts, by_address, when)
