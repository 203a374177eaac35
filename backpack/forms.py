"""The teacher's forms. Every field is bounded and checked, so a wrong or hostile post gets a
message back, never an error page."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from backpack.models import (
    Answer,
    Backpack,
    BookingRequest,
    PlannedExperience,
    School,
    Term,
)
from places.stages import year_groups_for


def current_school_year(today=None):
    """A school year starts in September: in November 2026 it is 2026 (to 2027)."""
    today = today or timezone.localdate()
    return today.year if today.month >= 8 else today.year - 1


class BackpackForm(forms.ModelForm):
    class Meta:
        model = Backpack
        fields = ["class_name", "school_year", "year_group", "pupils", "school_postcode"]
        widgets = {
            "pupils": forms.NumberInput(attrs={"min": 1, "max": 400, "inputmode": "numeric"}),
            "school_postcode": forms.TextInput(attrs={"autocomplete": "postal-code"}),
        }

    def __init__(self, *args, nation=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.nation = nation
        this_year = current_school_year()
        years = sorted({this_year, this_year + 1} | {self.instance.school_year or this_year})
        self.fields["school_year"] = forms.TypedChoiceField(
            label=_("School year"),
            choices=[(year, f"{year}–{(year + 1) % 100:02d}") for year in years],
            coerce=int,
            initial=this_year,
        )
        self.fields["year_group"] = forms.ChoiceField(
            label=_("Year group"),
            choices=[("", _("Choose a year group"))]
            + [(group.slug, group.label) for group in year_groups_for(nation)],
        )
        if self.instance.pk and self.instance.year_group not in dict(
            self.fields["year_group"].choices
        ):
            # Planned on another nation's site: keep its year group selectable.
            self.fields["year_group"].choices.append(
                (self.instance.year_group, self.instance.year_group)
            )
        self.fields["class_name"].error_messages["required"] = _(
            "Give the class a name, such as Year 3 Oak."
        )
        self.fields["pupils"].error_messages["required"] = _(
            "Say how many pupils are in the class."
        )

    def clean_school_postcode(self):
        return self.cleaned_data["school_postcode"].strip().upper()


class ExperienceForm(forms.ModelForm):
    """When an experience happens and how far along it is."""

    class Meta:
        model = PlannedExperience
        fields = ["term", "date", "status"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["term"].choices = [("", _("Not chosen yet"))] + list(Term.choices)
        self.fields["date"].input_formats = ["%Y-%m-%d", "%d/%m/%Y"]

    def clean_date(self):
        date = self.cleaned_data.get("date")
        if date and not (2000 <= date.year <= 2100):
            raise forms.ValidationError(_("Enter a date in this school year or the next."))
        return date


class AfterVisitForm(forms.ModelForm):
    """The three optional questions asked when an experience is marked done."""

    would_recommend = forms.TypedChoiceField(
        label=_("Would you recommend it to another school?"),
        choices=[("", _("Rather not say")), ("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: {"yes": True, "no": False}.get(value),
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = PlannedExperience
        fields = ["took_part_fully", "would_recommend", "pupils_said"]
        widgets = {
            "took_part_fully": forms.RadioSelect,
            "pupils_said": forms.Textarea(attrs={"rows": 4, "maxlength": 2000}),
        }
        help_texts = {
            "pupils_said": _(
                "Their words help the programme. Please leave out names and anything that "
                "identifies a pupil or the school."
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["took_part_fully"].choices = [("", _("Rather not say"))] + list(Answer.choices)
        self.fields["took_part_fully"].required = False
        if self.instance.would_recommend is not None:
            self.initial["would_recommend"] = "yes" if self.instance.would_recommend else "no"


class AddActivitiesForm(forms.Form):
    """Saved activities to add to a backpack, chosen by their translation keys."""

    activities = forms.MultipleChoiceField(
        label=_("Saved activities"), widget=forms.CheckboxSelectMultiple, required=True
    )

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activities"].choices = list(choices)
        self.fields["activities"].error_messages["required"] = _(
            "Choose at least one saved activity."
        )


class EmailLinkForm(forms.Form):
    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        help_text=_("We send the link once and do not keep the address."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class SchoolForm(forms.ModelForm):
    class Meta:
        model = School
        fields = ["name"]
        labels = {"name": _("School name")}


class JoinSchoolForm(forms.Form):
    """A class backpack is added to a school link by pasting the class's private link (which
    proves the right to change it)."""

    link = forms.CharField(label=_("The class backpack's private link"), max_length=300)

    def clean_link(self):
        text = self.cleaned_data["link"].strip().rstrip("/")
        token = text.rsplit("/", 1)[-1]
        backpack = Backpack.objects.filter(edit_token=token).first() if token else None
        if backpack is None:
            raise forms.ValidationError(
                _("That is not a class backpack's private link. Copy it from the backpack page.")
            )
        return backpack


class BookingRequestForm(forms.ModelForm):
    # Automated spam fills every field it finds; people never see this one.
    website_address = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    class Meta:
        model = BookingRequest
        fields = [
            "school_name",
            "contact_name",
            "email",
            "phone",
            "preferred_dates",
            "pupils",
            "adults",
            "year_group",
            "access_needs",
            "message",
        ]
        widgets = {
            "school_name": forms.TextInput(attrs={"autocomplete": "organization"}),
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "pupils": forms.NumberInput(attrs={"min": 1, "max": 400}),
            "adults": forms.NumberInput(attrs={"min": 0, "max": 100}),
            "access_needs": forms.Textarea(attrs={"rows": 3}),
            "message": forms.Textarea(attrs={"rows": 4}),
        }

    def clean(self):
        cleaned_data = super().clean()
        self.is_spam = bool(cleaned_data.pop("website_address", ""))
        return cleaned_data
