from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from musubi.core.forms import BoundedDatesMixin, DateInput, JapaneseFieldsMixin
from musubi.workforce.models import Qualification, Worker

CENT = Decimal("0.01")

LANGUAGE_CHOICES = [
    ("ja", _("Japanese")), ("en", _("English")), ("zh", _("Chinese")), ("ko", _("Korean")),
    ("vi", _("Vietnamese")), ("fr", _("French")), ("es", _("Spanish")),
]  # fmt: skip


WEEKDAY_CHOICES = [
    (0, _("Monday")), (1, _("Tuesday")), (2, _("Wednesday")), (3, _("Thursday")),
    (4, _("Friday")), (5, _("Saturday")), (6, _("Sunday")),
]  # fmt: skip


class WorkerForm(BoundedDatesMixin, JapaneseFieldsMixin, forms.ModelForm[Worker]):
    rest_weekdays = forms.TypedMultipleChoiceField(
        label=_("fixed weekly rest days"),
        choices=WEEKDAY_CHOICES,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave over a period counts only the working days between them."),
    )
    # Typed in hours (160, 137.5); stored in minutes, which the law figures work in.
    contracted_hours_per_month = forms.DecimalField(
        label=_("contracted hours per month"),
        min_value=Decimal(0), max_value=Decimal(300), decimal_places=2, initial=160,
        help_text=_("In hours, for example 160 or 137.5."),
    )  # fmt: skip
    languages = forms.MultipleChoiceField(
        label=_("languages"),
        choices=LANGUAGE_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Worker
        fields = [
            "family_name", "given_name", "family_name_kana", "given_name_kana", "email", "phone",
            "postal_code", "address", "birth_date", "sex", "hire_date", "contract_type",
            "contract_end", "days_per_week", "rest_weekdays", "age_certificate", "languages",
            "active",
        ]  # fmt: skip
        widgets = {
            "birth_date": DateInput(),
            "hire_date": DateInput(),
            "contract_end": DateInput(),
        }

    field_order = [
        "family_name", "given_name", "family_name_kana", "given_name_kana", "email", "phone",
        "postal_code", "address", "birth_date", "sex", "hire_date", "contract_type",
        "contract_end", "contracted_hours_per_month", "days_per_week", "rest_weekdays",
        "age_certificate", "languages", "active",
    ]  # fmt: skip

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Left empty, the scheduled days stay as they are (5 for a new worker).
        self.fields["days_per_week"].required = False
        if self.instance.pk:
            minutes = self.instance.contracted_minutes_per_month
            self.initial["contracted_hours_per_month"] = (
                minutes // 60 if minutes % 60 == 0 else (Decimal(minutes) / 60).quantize(CENT)
            )

    def clean_days_per_week(self) -> int:
        days = self.cleaned_data.get("days_per_week")
        return int(days) if days else self.instance.days_per_week

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        hours = data.get("contracted_hours_per_month")
        if isinstance(hours, Decimal):
            self.instance.contracted_minutes_per_month = int(
                (hours * 60).to_integral_value(rounding=ROUND_HALF_UP)
            )
        if data.get("contract_type") != "fixed_term" and data.get("contract_end"):
            self.add_error("contract_end", _("Only a fixed-term contract has an end date."))
        return data


class QualificationForm(BoundedDatesMixin, forms.ModelForm[Qualification]):
    class Meta:
        model = Qualification
        fields = ["kind", "name", "level", "acquired_on", "expires_on"]
        widgets = {"acquired_on": DateInput(), "expires_on": DateInput()}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        acquired, expires = data.get("acquired_on"), data.get("expires_on")
        if acquired and expires and expires < acquired:
            self.add_error("expires_on", _("The expiry date is before the date it was acquired."))
        return data
