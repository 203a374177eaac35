"""The page editor's form for every page type (``BasePage.base_form_class``).

Two things an editor met on every page type:

- Many-to-many choices of translatable snippets (art forms, places…) listed every language at
  once ("Ceol, Cerddoriaeth, Ceòl, Music"). Here they offer each snippet once, in the page's
  language where it has been translated and otherwise as it was entered (English), so a Welsh
  page is given Welsh terms and a place with no Welsh name can still be chosen.
- A slug already used by a sibling (typically a draft abandoned earlier, with the same title)
  was reported only beside the slug, on the Promote tab. Here the title says which page holds
  the address, with a link to it, and a free address is filled in so saving again just works.
"""

from django import forms
from django.db.models import Q
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Locale, Page, TranslatableMixin

# How many numbered alternatives ("-2", "-3"…) to look for before giving up on a suggestion.
SLUG_SUGGESTIONS = 100


def in_language(queryset, locale):
    """``queryset`` with each translatable object once: its version in ``locale`` where there
    is one, otherwise its version in the default language."""
    default = Locale.get_default()
    if locale.pk == default.pk:
        return queryset.filter(locale=locale)
    translated = queryset.model.objects.filter(locale=locale).values("translation_key")
    return queryset.filter(
        Q(locale=locale) | (Q(locale=default) & ~Q(translation_key__in=translated))
    )


def free_slug(parent, slug, page=None):
    """The first of ``slug-2``, ``slug-3``… that no other child of ``parent`` uses."""
    siblings = parent.get_children()
    if page is not None and page.pk:
        siblings = siblings.not_page(page)
    taken = set(siblings.filter(slug__startswith=f"{slug}-").values_list("slug", flat=True))
    for number in range(2, SLUG_SUGGESTIONS + 2):
        candidate = f"{slug}-{number}"
        if candidate not in taken:
            return candidate
    return None


class BasePageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale = self.content_locale
        if locale is None:
            return
        for name, field in self.fields.items():
            if not isinstance(field, forms.ModelMultipleChoiceField):
                continue
            model = field.queryset.model
            if not issubclass(model, TranslatableMixin) or issubclass(model, Page):
                continue
            field.queryset = in_language(field.queryset, locale)
            if not self.is_bound:
                self.initial[name] = self._same_in_language(field.queryset, name)

    @property
    def content_locale(self):
        """The language of the page being edited, or for a new page, its parent's."""
        if self.instance.locale_id:
            return self.instance.locale
        if self.parent_page is not None and self.parent_page.locale_id:
            return self.parent_page.locale
        return None

    def _same_in_language(self, queryset, name):
        """The page's current choices, as the versions the field now offers.

        wagtail-localize copies many-to-many choices to a translation unchanged, so a Welsh
        page may hold the English terms; the editor sees (and saving keeps) their Welsh
        versions, which every filter treats alike, since filters match on the slug or code.
        """
        current = self.initial.get(name) or []
        keys = [getattr(item, "translation_key", None) for item in current]
        if not keys or None in keys:
            return current
        return list(queryset.filter(translation_key__in=keys))

    def clean(self):
        slug = self.cleaned_data.get("slug")
        cleaned_data = super().clean()
        if slug and "slug" in self.errors and self.parent_page is not None:
            self._explain_slug_clash(slug)
        return cleaned_data

    def _explain_slug_clash(self, slug):
        siblings = self.parent_page.get_children()
        if self.instance.pk:
            siblings = siblings.not_page(self.instance)
        holder = siblings.filter(slug=slug).specific(defer=True).first()
        if holder is None:
            return
        if holder.live:
            state = _("published")
        elif holder.first_published_at:
            state = _("unpublished")
        else:
            state = _("a draft, never published")
        user = getattr(self, "for_user", None)
        if user is not None and holder.permissions_for_user(user).can_edit():
            holder_html = format_html(
                '<a href="{}">{}</a>',
                reverse("wagtailadmin_pages:edit", args=[holder.pk]),
                holder.get_admin_display_title(),
            )
        else:
            holder_html = format_html("“{}”", holder.get_admin_display_title())
        suggestion = free_slug(self.parent_page, slug, self.instance)
        if suggestion:
            # Shown in the slug field when the form comes back, so saving again uses it.
            self.data = self.data.copy()
            self.data[self.add_prefix("slug")] = suggestion
            advice = format_html(
                _(
                    "Open it to carry on with it, or save again to make this page at the "
                    "free address “{suggestion}” (filled in under Promote)."
                ),
                suggestion=suggestion,
            )
        else:
            advice = _("Open it to carry on with it, or give this page another slug.")
        message = format_html(
            _("The address “{slug}” is already used here by {holder} ({state}). {advice}"),
            slug=slug,
            holder=holder_html,
            state=state,
            advice=advice,
        )
        self.add_error("title", message)
        self.errors["slug"] = self.error_class(
            [
                _("“%(slug)s” is used by another page here; “%(suggestion)s” is free.")
                % {"slug": slug, "suggestion": suggestion}
                if suggestion
                else _("“%(slug)s” is used by another page here.") % {"slug": slug}
            ]
        )
