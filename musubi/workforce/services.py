"""Writes of the worker side: unavailable days, on/off wishes and leave requests."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from musubi.core.audit import audited_save
from musubi.core.models import User
from musubi.workforce.models import (
    Availability,
    LeaveKind,
    LeaveRequest,
    LeaveStatus,
    ShiftWish,
    Worker,
)


@transaction.atomic
def day_preference_set(*, worker: Worker, date: dt.date, choice: str, actor: User) -> None:
    """Set one day to "unavailable" (hard), "on" / "off" (wishes) or "" (no preference)."""
    if choice not in {"", "unavailable", "on", "off"}:
        raise ValidationError(_("Unknown choice."))
    Availability.objects.filter(worker=worker, date=date).delete()
    ShiftWish.objects.filter(worker=worker, date=date).delete()
    if choice == "unavailable":
        Availability.objects.create(cooperative=worker.cooperative, worker=worker, date=date)
    elif choice in {"on", "off"}:
        ShiftWish.objects.create(
            cooperative=worker.cooperative, worker=worker, date=date, wants_work=choice == "on"
        )


@transaction.atomic
def leave_request_create(
    *,
    worker: Worker,
    kind: str,
    start_date: dt.date,
    end_date: dt.date,
    reason: str,
    actor: User,
    half_day: bool = False,
) -> LeaveRequest:
    if end_date < start_date:
        raise ValidationError({"end_date": _("The last day is before the first day.")})
    if half_day and end_date != start_date:
        raise ValidationError({"half_day": _("A half day of leave is one date.")})
    if kind not in LeaveKind.values:
        raise ValidationError({"kind": _("Unknown kind of leave.")})
    overlap = LeaveRequest.objects.filter(
        worker=worker, start_date__lte=end_date, end_date__gte=start_date
    ).exclude(status=LeaveStatus.REJECTED)
    if overlap.exists():
        raise ValidationError(_("You already asked for leave on some of these days."))
    leave = LeaveRequest(
        cooperative=worker.cooperative, worker=worker, kind=kind, start_date=start_date,
        end_date=end_date, reason=reason, half_day=half_day,
    )  # fmt: skip
    audited_save(instance=leave, actor=actor, cooperative=worker.cooperative)
    return leave


@transaction.atomic
def leave_request_decide(*, leave: LeaveRequest, approve: bool, actor: User) -> None:
    leave.status = LeaveStatus.APPROVED if approve else LeaveStatus.REJECTED
    audited_save(instance=leave, actor=actor, cooperative=leave.cooperative)
