from typing import Any

from django import forms
from django.contrib.auth.password_validation import validate_password
from django.utils.translation import gettext_lazy as _
from django_scopes.forms import SafeModelChoiceField

from musubi.cooperatives.models import OvertimeAgreement
from musubi.core import japanese
from musubi.core.forms import BoundedDatesMixin, DateInput, JapaneseFieldsMixin
from musubi.core.models import Cooperative, Role
from musubi.members.models import MemberBusiness


class CooperativeSettingsForm(BoundedDatesMixin, JapaneseFieldsMixin, forms.ModelForm[Cooperative]):
    district_codes_text = forms.CharField(
        label=_("district (municipality codes)"),
        help_text=_("One or more 5-digit codes separated by commas, for example 11362, 11363."),
    )

    class Meta:
        model = Cooperative
        fields = [
            "name", "prefecture", "fiscal_year_start_month", "invoice_registration_number",
            "dispatch_notified_on", "working_time_system", "week_start", "legal_holiday",
            "rest_day_rule", "rest_day_start", "min_interval_hours", "night_start_hour",
            "night_end_hour", "video_base_url", "use_wareki",
        ]  # fmt: skip
        widgets = {"dispatch_notified_on": DateInput(), "rest_day_start": DateInput()}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["district_codes_text"] = ", ".join(self.instance.district_code_texts())

    def clean_district_codes_text(self) -> list[str]:
        raw = self.cleaned_data["district_codes_text"].replace("、", ",")
        codes = [japanese.validate_municipality_code(c) for c in raw.split(",") if c.strip()]
        if not codes:
            raise forms.ValidationError(_("Enter at least one municipality code."))
        return codes

    def save(self, commit: bool = True) -> Cooperative:
        self.instance.district_codes = self.cleaned_data["district_codes_text"]
        return super().save(commit)


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Email address"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    member_business = SafeModelChoiceField(
        label=_("Member business"), queryset=MemberBusiness.objects.none(), required=False
    )

    def __init__(self, *args: Any, cooperative: Cooperative, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["member_business"]
        field.queryset = MemberBusiness.objects.filter(cooperative=cooperative)  # type: ignore[attr-defined]


class AcceptInvitationForm(forms.Form):
    family_name = forms.CharField(label=_("Family name"), max_length=50)
    given_name = forms.CharField(label=_("Given name"), max_length=50)
    password = forms.CharField(
        label=_("Password"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        validate_password(password)
        return password


class OvertimeAgreementForm(forms.ModelForm[OvertimeAgreement]):
    class Meta:
        model = OvertimeAgreement
        fields = [
            "filed_on", "valid_from", "valid_to", "monthly_cap_hours", "annual_cap_hours",
            "holiday_work_allowed", "special_clause", "special_monthly_hours",
            "special_annual_hours", "special_months",
        ]  # fmt: skip
        widgets = {"filed_on": DateInput(), "valid_from": DateInput(), "valid_to": DateInput()}
