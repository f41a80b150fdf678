"""The talent sign-up and profile forms: skills from the engine's taxonomy plus free text."""

from typing import Any

from django import forms
from django.contrib.auth.password_validation import validate_password
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from musubi.core.forms import IdsField
from musubi.core.japanese import PREFECTURE_CHOICES
from musubi.core.models import Cooperative
from musubi.talent.models import Motivation, Talent, Window

LANGUAGE_CHOICES = [("ja", "日本語"), ("en", "English"), ("zh", "中文"), ("ko", "한국어")]

PROFILE_FIELDS = [
    "headline",
    "career_summary",
    "skills",
    "skills_free",
    "industries",
    "certifications",
    "languages",
    "hours_per_month",
    "time_windows",
    "onsite_visits_per_month",
    "home_prefecture",
    "motivations",
    "fee_preference",
    "side_job_permission",
    "regions_of_interest",
    "visibility",
]


def skill_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Taxonomy skills grouped by category; the stored value is the Japanese label."""
    from musubi.engines.matching.taxonomy import taxonomy_choices

    english = (get_language() or "ja").startswith("en")
    return [
        (
            c.en if english else c.ja,
            [(s.ja, s.en if english else s.ja) for s in c.skills],
        )
        for c in taxonomy_choices()
    ]


class ProfileForm(forms.ModelForm[Talent]):
    skills = forms.MultipleChoiceField(
        label=_("Skills"), required=False, widget=forms.CheckboxSelectMultiple
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=LANGUAGE_CHOICES,
        initial=["ja"],
        widget=forms.CheckboxSelectMultiple,
    )
    time_windows = forms.MultipleChoiceField(
        label=_("Times you can work (Japan time)"),
        choices=Window.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    motivations = forms.MultipleChoiceField(
        label=_("Why you want to help"),
        choices=Motivation.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    regions_of_interest = forms.MultipleChoiceField(
        label=_("Regions of interest"),
        choices=PREFECTURE_CHOICES,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )

    class Meta:
        model = Talent
        fields = PROFILE_FIELDS
        widgets = {
            "career_summary": forms.Textarea(attrs={"rows": 5}),
            "hours_per_month": forms.NumberInput(
                attrs={"min": 1, "max": 80, "inputmode": "numeric"}
            ),
        }
        help_texts = {
            "career_summary": _(
                "Your career in a few sentences: what you did, for whom, with what result."
            ),
            "skills_free": _("Anything not in the list, separated by commas."),
            "hours_per_month": _("Hours a month you can give to local businesses."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["skills"].choices = skill_choices()  # type: ignore[attr-defined]
        self.fields["hours_per_month"].min_value = 1  # type: ignore[attr-defined]

    def skill_groups(self) -> list[tuple[str, list[Any], bool]]:
        """The skill checkboxes by taxonomy category, and whether any in a group is ticked."""
        widgets = {w.data["value"]: w for w in self["skills"]}
        groups = []
        for label, options in self.fields["skills"].choices:  # type: ignore[attr-defined]
            boxes = [widgets[value] for value, _label in options if value in widgets]
            groups.append((label, boxes, any(b.data["selected"] for b in boxes)))
        return groups

    def clean_hours_per_month(self) -> int:
        hours = int(self.cleaned_data["hours_per_month"] or 0)
        if not 1 <= hours <= 80:
            raise forms.ValidationError(_("Enter between 1 and 80 hours a month."))
        return hours

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("skills") and not (data.get("skills_free") or "").strip():
            self.add_error("skills", _("Choose at least one skill, or write one in other skills."))
        return data

    def profile(self) -> dict[str, Any]:
        return {
            name: self.cleaned_data[name] for name in PROFILE_FIELDS if name in self.cleaned_data
        }


class SignUpForm(ProfileForm):
    family_name = forms.CharField(label=_("Family name"), max_length=50)
    given_name = forms.CharField(label=_("Given name"), max_length=50)
    email = forms.EmailField(label=_("Email address"))
    password = forms.CharField(
        label=_("Password"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )
    cooperatives = IdsField(
        label=_("Share my profile with these cooperatives"),
        required=False,
        queryset=Cooperative.objects.all(),
        widget=forms.CheckboxSelectMultiple,
    )
    purpose_consent = forms.BooleanField(
        label=_("I agree to the purpose of use shown above."), required=False
    )

    field_order = ["family_name", "given_name", "email", "password", *PROFILE_FIELDS]

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        validate_password(password)
        return password


class ConsentForm(forms.Form):
    cooperative = forms.ModelChoiceField(
        queryset=Cooperative.objects.all(), widget=forms.HiddenInput
    )
    action = forms.ChoiceField(
        choices=[("grant", "grant"), ("revoke", "revoke")], widget=forms.HiddenInput
    )
