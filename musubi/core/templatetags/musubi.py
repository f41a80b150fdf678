import datetime as dt
from typing import Any

from django import template
from django.utils import timezone, translation
from django.utils.formats import date_format

from musubi.core.japanese import (
    format_date_ja,
    format_document_date,
    format_phone,
    format_wareki,
)

register = template.Library()


def _day(value: dt.date | dt.datetime) -> dt.date:
    """The calendar day of a date or a moment, in Asia/Tokyo (a moment's UTC date is a day early
    every morning before 09:00)."""
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


@register.filter
def jdate(value: dt.date | dt.datetime | None) -> str:
    """2027年4月1日(木) in Japanese; the locale's long date in English."""
    if value is None or value == "":
        return ""
    value = _day(value)
    if (translation.get_language() or "ja").startswith("ja"):
        return format_date_ja(value)
    return date_format(value, "D, j M Y")


@register.filter
def wareki(value: dt.date | None) -> str:
    return format_wareki(value) if value else ""


@register.filter
def docdate(value: dt.date | dt.datetime | None, cooperative: object = None) -> str:
    """A date on a document, in 和暦 when the cooperative chose it (``{{ d|docdate:coop }}``)."""
    if value is None or value == "":
        return ""
    value = _day(value)
    return format_document_date(value, wareki=bool(getattr(cooperative, "use_wareki", False)))


@register.filter
def docmonth(value: dt.date | None, cooperative: object = None) -> str:
    """The month on a document: 令和9年4月 or 2027年4月."""
    if value is None or value == "":
        return ""
    wareki = bool(getattr(cooperative, "use_wareki", False))
    return format_document_date(value, wareki=wareki, day=False)


@register.filter
def yen(value: object) -> str:
    """30000 → ¥30,000 (whole yen; anything else is shown as it is)."""
    try:
        return f"¥{int(str(value)):,}"
    except ValueError:
        return str(value)


@register.filter
def phone(value: str) -> str:
    return format_phone(value) if value else ""


@register.filter
def display(value: object) -> object:
    """Table cells: dates in the user's style, everything else as is."""
    if isinstance(value, dt.date):
        return jdate(value)
    return value


@register.filter
def checkbox_groups(field: Any) -> list[tuple[str, list[Any], bool]]:
    """A grouped multiple-choice field's checkboxes by group, and whether a group has a tick.

    Long lists (the 60 skills of the taxonomy) are then shown as closed groups with a search
    box instead of one long list or a Ctrl-click multi-select."""
    choices = list(getattr(field.field, "choices", []))
    if not any(isinstance(options, list | tuple) for _label, options in choices):
        return []
    boxes = {str(w.data["value"]): w for w in field}
    groups = []
    for label, options in choices:
        mine = [boxes[str(value)] for value, _text in options if str(value) in boxes]
        groups.append((str(label), mine, any(b.data["selected"] for b in mine)))
    return groups


@register.simple_tag
def task_wait_reason(queued_at: dt.datetime) -> str:
    """Why a queued background job has not started yet ("" while the wait is short)."""
    from musubi.core.background import wait_reason

    return wait_reason(queued_at)
