from django import template
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from places.stages import stage_labels_for_ages

register = template.Library()


@register.simple_tag
def stage_labels(activity, nation_code=None):
    """The school stages an activity's ages cover, as the site's nation names them."""
    return [
        stage.label
        for stage in stage_labels_for_ages(nation_code, activity.age_min, activity.age_max)
    ]


@register.simple_tag
def prepare_card(activity):
    """Load what the result cards of this activity's page of results show, if not yet loaded
    (directory/search/cards.py ``CardBatch``): placed inside the card's kept part, so a card
    kept rendered loads nothing."""
    batch = getattr(activity, "card_batch", None)
    if batch is not None:
        batch.load()
    return ""


@register.filter
def localized_names(items):
    """Names of taxonomy items in the reader's language (falling back to the stored one)."""
    return ", ".join(item.localized.name for item in items)


@register.simple_tag
def cost_label(activity):
    if activity.is_free:
        return _("Free")
    if activity.price is None:
        return _("Ask the provider")
    unit = activity.get_price_unit_display()
    return f"£{activity.price:,.2f} {unit}".strip()


@register.filter
def distance_label(km):
    miles = km / 1.609344
    if miles < 1:
        return _("Under a mile away")
    return _("%(miles).1f miles away") % {"miles": miles}


# "In English" and its kin, whole, because each language words "in <language>" its own way
# (Welsh "yn Saesneg", Irish "i mBéarla"): a card shows it on an activity found in a language
# other than the reader's.
CONTENT_LANGUAGE_LABELS = {
    "en": gettext_lazy("In English"),
    "cy": gettext_lazy("In Welsh"),
    "gd": gettext_lazy("In Scottish Gaelic"),
    "ga": gettext_lazy("In Irish"),
}


@register.filter
def content_language_label(code):
    """What a card says about an activity shown in the language ``code`` (empty for none)."""
    return CONTENT_LANGUAGE_LABELS.get(code, code) if code else ""


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def json_ld(data):
    """Schema.org data as a JSON-LD script, escaped so text can never close the tag."""
    import json

    from django.core.serializers.json import DjangoJSONEncoder
    from django.utils.safestring import mark_safe

    if not data:
        return ""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308
