"""A confirmation step for irreversible actions that works without JavaScript.

The action's button posts to the action's URL; without ``confirmed=1`` the view answers with a
page that says what will happen and asks again (a second form carrying ``confirmed=1``). Only
that second post acts. Extra fields (a reason, an override) ride on the confirmation form.
"""

from collections.abc import Iterable
from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


class ConfirmedForm(forms.Form):
    confirmed = forms.BooleanField(required=False, widget=forms.HiddenInput)


def confirmed(request: HttpRequest) -> bool:
    form = ConfirmedForm(request.POST)
    return form.is_valid() and bool(form.cleaned_data["confirmed"])


def confirm_page(
    request: HttpRequest,
    *,
    title: str,
    question: str,
    action: str,
    cancel_url: str,
    confirm_label: str,
    lines: Iterable[str] = (),
    warning: str = "",
    form: forms.Form | None = None,
    status: int = 200,
) -> HttpResponse:
    context: dict[str, Any] = {
        "title": title, "question": question, "action": action, "cancel_url": cancel_url,
        "confirm_label": confirm_label, "lines": list(lines), "warning": warning, "form": form,
    }  # fmt: skip
    return render(request, "core/confirm.html", context, status=status)
