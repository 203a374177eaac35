from django import forms
from django.conf import settings
from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import is_ratelimited
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.blocks import RICH_TEXT_FEATURES
from core.models import BasePage

HONEYPOT_FIELD = "website_address"
RATE_LIMIT_GROUP = "home.FormPage.submit"


class HoneypotForm(forms.Form):
    """Adds a field people never see or fill; automated spam fills every field it finds.

    A filled honeypot is not an error shown to the sender (that would teach the bot): the page
    thanks them as usual and stores nothing.
    """

    website_address = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def clean(self):
        cleaned_data = super().clean()
        self.is_spam = bool(cleaned_data.pop(HONEYPOT_FIELD, ""))
        return cleaned_data


class FormField(AbstractFormField):
    page = ParentalKey("home.FormPage", on_delete=models.CASCADE, related_name="form_fields")


class FormPage(AbstractEmailForm, BasePage):
    """An editor-built form, such as the mailing-list sign-up, with spam and flood protection."""

    introduction = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)
    thank_you_text = RichTextField(_("thank-you text"), blank=True, features=RICH_TEXT_FEATURES)
    confirm_by_email = models.BooleanField(
        _("mailing list: confirm by email"),
        default=False,
        help_text=_(
            "For a mailing-list sign-up. The address gets an email with a link to confirm, and "
            "is added only when the link is followed. Confirmed addresses are under Reports › "
            "Mailing list, not in this form's submissions. Needs an email field."
        ),
    )

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = []

    content_panels = [
        *BasePage.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("introduction"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        FieldPanel("confirm_by_email"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("Email a copy of each submission"),
        ),
    ]

    search_fields = [*BasePage.search_fields, index.SearchField("introduction")]

    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("introduction"),
        TranslatableField("thank_you_text"),
        TranslatableField("form_fields"),
        SynchronizedField("confirm_by_email"),
        SynchronizedField("to_address"),
        SynchronizedField("from_address"),
        TranslatableField("subject"),
    ]

    class Meta:
        verbose_name = _("form page")

    def get_form_class(self):
        return type("PageForm", (HoneypotForm, super().get_form_class()), {})

    def is_rate_limited(self, request, increment=False):
        return is_ratelimited(
            request,
            group=RATE_LIMIT_GROUP,
            key="ip",
            rate=settings.FORM_SUBMISSION_RATE,
            increment=increment,
        )

    def email_field_name(self):
        field = self.get_form_fields().filter(field_type="email").first()
        return field.clean_name if field else None

    def serve(self, request, *args, **kwargs):
        if request.method != "POST":
            if self.confirm_by_email and "confirm" in request.GET:
                return self.serve_confirmation(request, request.GET["confirm"])
            return super().serve(request, *args, **kwargs)

        form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        if not form.is_valid():
            status = 400
        elif self.is_rate_limited(request, increment=True):
            # Only accepted sign-ups count towards the limit, so someone correcting a typo is
            # never locked out. Their answers stay in the bound form, ready to send again.
            form.add_error(
                None,
                _(
                    "We have received several sign-ups from your connection in the last few "
                    "minutes, so we have paused new ones for a short while. Your answers are "
                    "still below: please try again in ten minutes."
                ),
            )
            status = 429
        elif self.confirm_by_email and self.email_field_name():
            return self.ask_for_confirmation(request, form)
        else:
            submission = None if form.is_spam else self.process_form_submission(form)
            return self.render_landing_page(request, submission, *args, **kwargs)

        context = self.get_context(request, *args, **kwargs)
        context["form"] = form
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def ask_for_confirmation(self, request, form):
        """Double opt-in: email a signed link and store nothing (home/mailing_list.py)."""
        from home import mailing_list

        answers = mailing_list.answers_for_link(form, self.email_field_name())
        if not form.is_spam:
            language = get_language() or ""
            mailing_list.send_confirmation(request, self, answers, answers["email"], language)
        context = self.get_context(request)
        context["email"] = answers["email"]
        context["days"] = mailing_list.CONFIRMATION_DAYS
        return TemplateResponse(request, "home/form_page_check_email.html", context)

    def serve_confirmation(self, request, token):
        from home import mailing_list

        context = self.get_context(request)
        try:
            context["subscriber"] = mailing_list.confirm(request, self, token)
        except mailing_list.BadLink as problem:
            context["expired"] = problem.expired
            context["days"] = mailing_list.CONFIRMATION_DAYS
            return TemplateResponse(request, "home/form_page_bad_link.html", context, status=400)
        return TemplateResponse(request, "home/form_page_confirmed.html", context)
