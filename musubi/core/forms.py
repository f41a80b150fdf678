"""Form helpers shared by every app: Japanese field normalisation and login."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth import authenticate
from django.core.validators import MaxLengthValidator
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from musubi.core import japanese
from musubi.core.bounds import check_date, check_past_date
from musubi.core.months import parse_month

NORMALIZERS: dict[str, Callable[[str], str]] = {
    "postal_code": japanese.normalize_postal_code,
    "phone": japanese.normalize_phone,
    "corporate_number": japanese.normalize_corporate_number,
    "invoice_registration_number": japanese.normalize_invoice_registration_number,
    "municipality_code": japanese.validate_municipality_code,
}


class JapaneseFieldsMixin:
    """Normalise known Japanese fields by name, so every form validates them the same way."""

    cleaned_data: dict[str, Any]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Typed input may carry hyphens or full-width digits that normalising removes; the model's
        # max_length applies to the stored form, so the raw input gets room.
        for name, field in self.fields.items():  # type: ignore[attr-defined]
            if name in NORMALIZERS and isinstance(field, forms.CharField):
                field.max_length = None
                field.validators = [
                    v for v in field.validators if not isinstance(v, MaxLengthValidator)
                ]
                field.widget.attrs.pop("maxlength", None)
        # Show stored phone digits the way people write them.
        for name, value in list(self.initial.items()):  # type: ignore[attr-defined]
            if name == "phone" and isinstance(value, str) and value:
                self.initial[name] = japanese.format_phone(value)  # type: ignore[attr-defined]

    def _post_clean(self) -> None:
        for name, value in list(self.cleaned_data.items()):
            if not isinstance(value, str) or not value:
                continue
            normalizer = NORMALIZERS.get(name) or (
                japanese.normalize_katakana if name.endswith("_kana") else None
            )
            if normalizer is None:
                continue
            try:
                self.cleaned_data[name] = normalizer(value)
            except forms.ValidationError as error:
                self.add_error(name, error)  # type: ignore[attr-defined]
                self.cleaned_data.pop(name, None)
        super()._post_clean()  # type: ignore[misc]


# Dates of a person's past; every other date is a business date (2000–2100).
PAST_DATE_FIELDS = {"birth_date", "acquired_on"}


class BoundedDatesMixin:
    """Keep every date and date-time field of the form inside the sane range (core/bounds.py)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():  # type: ignore[attr-defined]
            if isinstance(field, forms.DateField | forms.DateTimeField):
                field.validators.append(check_past_date if name in PAST_DATE_FIELDS else check_date)


class MonthField(forms.CharField):
    """``YYYY-MM`` in the sane range, cleaned to the month's first day."""

    def __init__(self, **kwargs: Any) -> None:
        # No max_length: its validator would run on the cleaned date; parse_month bounds it.
        kwargs.setdefault("widget", forms.TextInput(attrs={"type": "month"}))
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> Any:
        text = super().to_python(value)
        if text in self.empty_values:
            return None
        return parse_month(str(text))


class IdsField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    """Several objects by id; an id that is not a whole number in the database's range is
    refused as "not a valid value" before the query (SQLite cannot even bind 10**20)."""

    def _check_values(self, value: Any) -> Any:
        for pk in value:
            text = str(pk)
            if not text.isdigit() or not 0 < int(text) < 2**63:
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"], code="invalid_pk_value",
                    params={"pk": text[:20]},
                )  # fmt: skip
        return super()._check_values(value)  # type: ignore[misc]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class LoginForm(forms.Form):
    email = forms.EmailField(label=_("Email address"), widget=forms.EmailInput(
        attrs={"autocomplete": "email", "autofocus": True}))  # fmt: skip
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, request: Any, *args: Any, locked: bool = False, **kwargs: Any) -> None:
        self.request = request
        self.user: Any = None
        self.locked = locked
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        email, password = data.get("email"), data.get("password")
        if self.locked:
            # The password is not even checked: a locked account must not confirm a guess.
            raise forms.ValidationError(
                _("Too many failed attempts. Please wait 15 minutes and try again, "
                  "or reset your password."), code="locked",
            )  # fmt: skip
        if email and password:
            self.user = authenticate(self.request, email=email.lower(), password=password)
            if self.user is None or not self.user.is_active:
                raise forms.ValidationError(
                    _("The email address or password is not correct."), code="invalid_login"
                )
        return data


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("6-digit code from your authenticator app"),
        max_length=6,
        min_length=6,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "autofocus": True}
        ),
    )


def add_validation_error(form: forms.BaseForm, error: "forms.ValidationError") -> None:
    """Show a service's ValidationError on the form: per field where it names fields."""
    if hasattr(error, "error_dict"):
        for field, texts in error.message_dict.items():
            form.add_error(field if field in form.fields else None, texts)
    else:
        form.add_error(None, error)


def flash_errors(request: HttpRequest, error: "forms.ValidationError") -> None:
    """A service's refusal as one error message per reason, for pages that redirect."""
    for message in error.messages:
        messages.error(request, message)
