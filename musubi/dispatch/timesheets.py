"""Timesheets (勤怠実績) and the month close: actual hours confirmed by the member (R2.6),
locked when the month closes, corrected afterwards only with a logged reason."""

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from musubi.core.audit import audit_record
from musubi.core.japanese import format_date_ja
from musubi.core.models import AuditLogEntry, User
from musubi.dispatch.models import (
    Roster,
    RosterStatus,
    Shift,
    TimesheetCorrection,
    TimesheetEntry,
)


def unconfirmed_shifts(roster: Roster) -> QuerySet[Shift]:
    """The roster's shifts whose actual hours the member has not confirmed (or nobody entered)."""
    return (
        roster.shifts.filter(Q(timesheet__isnull=True) | Q(timesheet__confirmed_at__isnull=True))
        .select_related("worker", "site__member")
        .order_by("date", "worker__family_name_kana", "pk")
    )


@transaction.atomic
def roster_close(*, roster: Roster, actor: User, override_reason: str = "") -> int:
    """Close the month: every timesheet of the period is locked. Returns how many.

    Every shift's hours must be confirmed first; closing with unconfirmed hours takes an explicit
    override with a reason, which the audit log keeps with the number of shifts concerned.
    """
    if roster.status != RosterStatus.PUBLISHED:
        raise ValidationError(_("Only a published roster can be closed."))
    reason = override_reason.strip()
    unconfirmed = unconfirmed_shifts(roster).count()
    if unconfirmed and not reason:
        raise ValidationError(
            ngettext(
                "%(n)s shift has no confirmed actual hours. Have them confirmed first, or close "
                "anyway with a reason.",
                "%(n)s shifts have no confirmed actual hours. Have them confirmed first, or close "
                "anyway with a reason.",
                unconfirmed,
            )
            % {"n": unconfirmed}
        )
    roster.status = RosterStatus.CLOSED
    roster.closed_at = timezone.now()
    roster.save(update_fields=["status", "closed_at"])
    n = TimesheetEntry.objects.filter(shift__roster=roster).update(locked=True)
    changes: dict[str, Any] = {"status": [RosterStatus.PUBLISHED, RosterStatus.CLOSED]}
    if unconfirmed:
        changes |= {"unconfirmed_shifts": unconfirmed, "override_reason": reason}
    audit_record(
        actor=actor, cooperative=roster.cooperative, action=AuditLogEntry.Action.UPDATE,
        instance=roster, changes=changes,
    )  # fmt: skip
    return n


@transaction.atomic
def timesheet_enter(
    *,
    shift: Shift,
    actual_start: dt.time,
    actual_end: dt.time,
    break_minutes: int,
    actor: User,
    reason: str = "",
) -> TimesheetEntry:
    """Record actual hours; after the month closed only a correction with a reason is allowed.

    Hours are facts: a day that has not begun in Tokyo has none yet.
    """
    if actual_end <= actual_start:
        raise ValidationError({"actual_end": _("The end time is before the start time.")})
    span = (actual_end.hour * 60 + actual_end.minute) - (
        actual_start.hour * 60 + actual_start.minute
    )
    if break_minutes >= span:
        raise ValidationError({"break_minutes": _("The break is longer than the time worked.")})
    if shift.date > timezone.localdate():
        raise ValidationError(
            _("%(day)s has not come yet: actual hours can be entered from that day on.")
            % {"day": format_date_ja(shift.date)}
        )
    entry = TimesheetEntry.objects.filter(shift=shift).first()
    locked = shift.roster.status == RosterStatus.CLOSED or (entry is not None and entry.locked)
    if locked and not reason.strip():
        raise ValidationError(
            {"reason": _("The month is closed: give the reason for this correction.")}
        )
    before = _values(entry) if entry else None
    if entry is None:
        entry = TimesheetEntry(cooperative=shift.cooperative, shift=shift, entered_by=actor)
    entry.actual_start, entry.actual_end, entry.break_minutes = (
        actual_start,
        actual_end,
        break_minutes,
    )
    if not locked:
        # A changed entry needs the member's confirmation again.
        entry.confirmed_by, entry.confirmed_at = None, None
    entry.locked = locked
    entry.save()
    if locked:
        # An entry first made after the close is a correction too (before = nothing).
        TimesheetCorrection.objects.create(
            cooperative=shift.cooperative, entry=entry, before=before or {}, after=_values(entry),
            reason=reason.strip(), actor=actor,
        )  # fmt: skip
    audit_record(
        actor=actor, cooperative=shift.cooperative,
        action=AuditLogEntry.Action.UPDATE if before else AuditLogEntry.Action.CREATE,
        instance=entry, changes={"before": before, "after": _values(entry), "reason": reason},
    )  # fmt: skip
    return entry


def _values(entry: TimesheetEntry) -> dict[str, Any]:
    return {
        "actual_start": entry.actual_start.isoformat(timespec="minutes"),
        "actual_end": entry.actual_end.isoformat(timespec="minutes"),
        "break_minutes": entry.break_minutes,
    }


@transaction.atomic
def timesheet_confirm(*, entry: TimesheetEntry, actor: User) -> None:
    """The member (派遣先) confirms the actual hours (R2.6)."""
    if entry.locked:
        raise ValidationError(_("The month is closed."))
    entry.confirmed_by = actor
    entry.confirmed_at = timezone.now()
    entry.save(update_fields=["confirmed_by", "confirmed_at", "updated_at"])


@transaction.atomic
def timesheets_confirm(*, entries: Any, actor: Any) -> int:
    """The member confirms many days at once (a week, a month); locked or already confirmed
    entries are left as they are. Returns how many were confirmed."""
    n = 0
    for entry in entries:
        if entry.locked or entry.confirmed_at is not None:
            continue
        timesheet_confirm(entry=entry, actor=actor)
        n += 1
    return n
