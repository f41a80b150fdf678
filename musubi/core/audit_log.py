"""The audit log page: entries in people's words (model and field names, Tokyo time), filtered by
who, what and when, and exported as CSV."""

import datetime as dt
from typing import Any

from django import forms
from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_scopes import scopes_disabled

from musubi.core.forms import BoundedDatesMixin, DateInput
from musubi.core.models import AuditLogEntry, User

LIMIT = 200


def _model(object_type: str) -> Any:
    try:
        return apps.get_model(object_type)
    except (LookupError, ValueError):
        return None


def object_type_label(object_type: str) -> str:
    """ "dispatch.StaffingRequest" → 派遣依頼 (the model's verbose name), else the code itself."""
    model = _model(object_type)
    return str(model._meta.verbose_name) if model is not None else object_type


def field_label(object_type: str, name: str) -> str:
    model = _model(object_type)
    if model is not None:
        try:
            return str(model._meta.get_field(name).verbose_name)
        except FieldDoesNotExist:
            pass
    return name


def _entries(cooperative: Any) -> QuerySet[AuditLogEntry]:
    # The log is platform-wide (admins read it across cooperatives); filtered here explicitly.
    with scopes_disabled():
        return AuditLogEntry.objects.filter(cooperative=cooperative).select_related("actor")


class AuditFilterForm(BoundedDatesMixin, forms.Form):
    who = forms.ModelChoiceField(label=_("Who"), queryset=User.objects.none(), required=False)
    what = forms.ChoiceField(label=_("Kind of record"), required=False)
    action = forms.ChoiceField(label=_("What"), required=False)
    since = forms.DateField(label=_("From"), required=False, widget=DateInput())
    until = forms.DateField(label=_("Until"), required=False, widget=DateInput())

    def __init__(self, *args: Any, cooperative: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        entries = _entries(cooperative)
        with scopes_disabled():
            types = sorted(set(entries.values_list("object_type", flat=True)))
            actors = User.objects.filter(pk__in=entries.values("actor_id")).order_by("email")
            self.fields["who"].queryset = actors  # type: ignore[attr-defined]
        self.fields["what"].choices = [("", "—")] + [  # type: ignore[attr-defined]
            (t, object_type_label(t)) for t in types
        ]
        self.fields["action"].choices = [  # type: ignore[attr-defined]
            ("", "—"),
            *AuditLogEntry.Action.choices,
        ]


def filtered_entries(cooperative: Any, form: AuditFilterForm) -> QuerySet[AuditLogEntry]:
    """The cooperative's entries matching the valid filters (an invalid filter is ignored)."""
    entries = _entries(cooperative)
    data = form.cleaned_data if form.is_valid() else {}
    if data.get("who"):
        entries = entries.filter(actor=data["who"])
    if data.get("what"):
        entries = entries.filter(object_type=data["what"])
    if data.get("action"):
        entries = entries.filter(action=data["action"])
    tz = timezone.get_current_timezone()
    if data.get("since"):
        entries = entries.filter(at__gte=dt.datetime.combine(data["since"], dt.time(), tz))
    if data.get("until"):
        end = data["until"] + dt.timedelta(days=1)
        entries = entries.filter(at__lt=dt.datetime.combine(end, dt.time(), tz))
    return entries


def rows(entries: QuerySet[AuditLogEntry]) -> list[dict[str, Any]]:
    """Entries as the page and the CSV show them: Tokyo time, labels instead of codes."""
    out = []
    with scopes_disabled():
        for e in entries:
            changes = e.changes if isinstance(e.changes, dict) else {}
            out.append({
                "at": timezone.localtime(e.at),
                "who": str(e.actor) if e.actor else "—",
                "action": e.get_action_display(),
                "what": object_type_label(e.object_type),
                "record": e.object_repr,
                "changes": [
                    (field_label(e.object_type, name), *_pair(value))
                    for name, value in changes.items()
                ],
            })  # fmt: skip
    return out


def _pair(value: Any) -> tuple[str, str]:
    if isinstance(value, list | tuple) and len(value) == 2:
        return (
            "" if value[0] is None else str(value[0]),
            "" if value[1] is None else str(value[1]),
        )
    return "", "" if value is None else str(value)


CSV_HEADER = ["日時", "操作した人", "操作", "種類", "記録", "変更"]


def csv_rows(items: list[dict[str, Any]]) -> list[list[str]]:
    return [
        [
            f"{r['at']:%Y-%m-%d %H:%M:%S}",
            r["who"],
            str(r["action"]),
            r["what"],
            r["record"],
            "; ".join(f"{label}: {old} → {new}" for label, old, new in r["changes"]),
        ]
        for r in items
    ]
