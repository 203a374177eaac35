"""Admin forms: artwork editing, safeguarding review, withdrawal and erasure."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Site

from showcase.images import clean_upload


class ArtworkForm(WagtailAdminModelForm):
    """Cleans the picture as it is uploaded (so a bad file is a form error, not a crash) and
    never lets an edited work keep its approval: any change goes back through review."""

    ready_for_review = forms.BooleanField(
        label=_("Ready for safeguarding review"),
        required=False,
        help_text=_(
            "Tick when the work is complete. A reviewer must approve it before it appears; "
            "saving any change to an approved work takes it down until it is approved again."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from showcase.models import Artwork

        waiting = self.instance.status == Artwork.Status.AWAITING_REVIEW
        self.fields["ready_for_review"].initial = waiting

    def clean_image(self):
        image = self.cleaned_data.get("image")
        if isinstance(image, UploadedFile):
            return clean_upload(image)
        return image

    def save(self, commit=True):
        from showcase.models import Artwork

        artwork = super().save(commit=False)
        if self.cleaned_data.get("ready_for_review"):
            artwork.status = Artwork.Status.AWAITING_REVIEW
        elif artwork.status != Artwork.Status.APPROVED or self.has_changed():
            artwork.status = Artwork.Status.DRAFT
        if artwork.status != Artwork.Status.APPROVED:
            artwork.reviewed_by = None
            artwork.reviewed_at = None
        if commit:
            artwork.save()
            self.save_m2m()
        return artwork


class ReviewForm(forms.Form):
    """The safeguarding reviewer's checklist. Approval needs every box ticked."""

    CHECKLIST = [
        ("children_consent", _("Every child in the work has consent recorded for the web.")),
        ("no_surnames", _("There are no surnames or school names anywhere in the work.")),
        ("no_location", _("Nothing shows where a child lives or goes to school.")),
        ("faces", _("Faces appear only where consent covers them (or there are none).")),
    ]

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve for publication")), ("reject", _("Send back"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(label=_("Note for the editor"), required=False, widget=forms.Textarea)

    def __init__(self, *args, artwork, **kwargs):
        super().__init__(*args, **kwargs)
        self.artwork = artwork
        for name, label in self.CHECKLIST:
            self.fields[name] = forms.BooleanField(label=label, required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") != "approve":
            return cleaned
        missing = [name for name, _label in self.CHECKLIST if not cleaned.get(name)]
        for name in missing:
            self.add_error(name, _("Tick this to approve, or send the work back."))
        problems = consent_problems(self.artwork)
        if problems:
            raise ValidationError(problems)
        return cleaned


def consent_problems(artwork):
    """Reasons the work could not be shown on any site, whatever the reviewer decides."""
    from showcase.models.artworks import children_consented_for

    children = list(artwork.children.all())
    if not children:
        return [_("Add the children who made this work before approving it.")]
    from django.utils import timezone

    now = timezone.now()
    consented = set()
    for site in Site.objects.all():
        consented |= set(children_consented_for(site, now).values_list("pk", flat=True))
    problems = []
    for child in children:
        if child.do_not_publish:
            problems.append(_("%(child)s is marked “do not publish”.") % {"child": child.reference})
        elif child.pk not in consented:
            problems.append(
                _("%(child)s has no consent in force for the website.") % {"child": child.reference}
            )
    return problems


class WithdrawForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("The family (or responsible authority) has withdrawn consent"), required=True
    )


class EraseForm(forms.Form):
    reference = forms.CharField(
        label=_("Type the child's reference to confirm"),
        help_text=_("This cannot be undone."),
    )

    def __init__(self, *args, child, **kwargs):
        super().__init__(*args, **kwargs)
        self.child = child

    def clean_reference(self):
        value = self.cleaned_data["reference"].strip().upper()
        if value != self.child.reference:
            raise ValidationError(_("That is not this child's reference."))
        return value


class WithdrawalRequestForm(forms.ModelForm):
    """What a family fills in to have a work taken down. Nothing in it is checked against the
    programme's records (see showcase.models.withdrawals)."""

    # Automated spam fills every field it finds; people never see this one.
    website_address = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    class Meta:
        from showcase.models.withdrawals import WithdrawalRequest

        model = WithdrawalRequest
        fields = [
            "work_reference",
            "request_all",
            "relationship",
            "name",
            "email",
            "phone",
            "details",
        ]
        labels = {
            "work_reference": _("Which work should we take down?"),
            "request_all": _("Take down every work by this child and withdraw consent"),
            "relationship": _("Who are you?"),
            "name": _("Your name"),
            "email": _("Your email address"),
            "phone": _("Your phone number (optional)"),
            "details": _("Anything else we should know (optional)"),
        }
        help_texts = {
            "work_reference": _(
                "The title of the work, the address of its page, or the child's first name "
                "and the project. Please do not give a surname or a school."
            ),
            "request_all": _("Leave this unticked to take down only the work named above."),
            "relationship": "",
            "email": _("We reply to this address to tell you what we have done."),
            "phone": _("Only if you would like us to call you."),
            "details": "",
        }
        widgets = {
            "relationship": forms.RadioSelect,
            "details": forms.Textarea(attrs={"rows": 4}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A model choice field offers an empty "---------" radio; a family must choose.
        self.fields["relationship"].choices = list(self.fields["relationship"].choices)[1:]
        self.fields["work_reference"].error_messages["required"] = _(
            "Tell us which work you mean: its title, its page address or the child's first name."
        )
        self.fields["relationship"].error_messages["required"] = _(
            "Choose who you are, so we know how to act on the request."
        )
        self.fields["name"].error_messages["required"] = _("Enter your name.")
        self.fields["email"].error_messages["required"] = _(
            "Enter your email address, so we can tell you what we have done."
        )

    def clean(self):
        cleaned_data = super().clean()
        self.is_spam = bool(cleaned_data.pop("website_address", ""))
        return cleaned_data
