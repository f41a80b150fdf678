"""Writes of the dispatch cycle: requests, rosters, shifts, publishing, timesheets, month close.

Every function validates first and writes in one transaction, raising ``ValidationError`` with
a message in the user's language; nothing is half-written.
"""

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, OperationalError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from musubi.core.audit import audit_record
from musubi.core.bounds import check_date, check_period
from musubi.core.models import AuditLogEntry, Cooperative, User
from musubi.core.months import month_bounds
from musubi.dispatch.findings import finding_text, hours
from musubi.dispatch.labour import findings_added, work_day
from musubi.dispatch.models import (
    MAX_HEADCOUNT,
    PROHIBITED_WORK,
    CalendarDay,
    RequestStatus,
    Roster,
    RosterRun,
    RosterStatus,
    Shift,
    StaffingRequest,
)
from musubi.dispatch.problem import (
    assignments_of,
    build_problem,
    dispatch_refusal,
    rule_label,
    shift_id,
    violation_text,
)
from musubi.dispatch.publishing import notify_repaired
from musubi.engines.labour.days import required_break
from musubi.engines.rostering import checker
from musubi.engines.rostering.model import Assignment
from musubi.members.models import MemberBusiness
from musubi.workforce.models import ContractType, Worker

# ---------------------------------------------------------------- staffing requests


def _request_bound_errors(req: StaffingRequest) -> dict[str, str]:
    """Checks that must pass before the request's days are built or its times compared.

    A period to 9000-12-31 would build three million days per request; a time with an offset
    cannot be compared with a local one. Forms and the API both arrive here.
    """
    errors: dict[str, str] = {}
    for name in ("start_date", "end_date"):
        try:
            check_date(getattr(req, name))
        except ValidationError as error:
            errors[name] = error.messages[0]
    if not errors:
        try:
            check_period(req.start_date, req.end_date)
        except ValidationError as error:
            errors["end_date"] = error.messages[0]
    for name in ("start_time", "end_time"):
        if getattr(req, name).tzinfo is not None:
            errors[name] = _("Enter a local time without a time-zone offset (Japan time).")
    if not 1 <= req.headcount <= MAX_HEADCOUNT:
        errors["headcount"] = _("The head-count is between 1 and %(max)s.") % {"max": MAX_HEADCOUNT}
    weekdays = req.weekdays if isinstance(req.weekdays, list) else [req.weekdays]
    if any(isinstance(d, bool) or d not in range(7) for d in weekdays):
        errors["weekdays"] = _("Weekdays are numbers from 0 (Monday) to 6 (Sunday).")
    dates = req.dates if isinstance(req.dates, list) else [req.dates]
    for text in dates:
        try:
            check_date(dt.date.fromisoformat(str(text)))
        except (ValueError, ValidationError):
            errors["dates"] = _("“%(value)s” is not a date (YYYY-MM-DD).") % {"value": text}
            break
    return errors


def _request_errors(req: StaffingRequest, coop: Cooperative) -> dict[str, str]:
    errors = _request_bound_errors(req)
    if errors:
        return errors
    if req.end_time <= req.start_time:
        errors["end_time"] = _("The end time must be after the start time.")
    if req.end_date < req.start_date:
        errors["end_date"] = _("The last day is before the first day.")
    if req.site.member_id != req.member_id:
        errors["site"] = _("This site does not belong to the member.")
    if req.site.municipality_code not in coop.district:
        errors["site"] = _(
            "%(site)s is outside the cooperative's district (地区); no worker may be dispatched "
            "there."
        ) % {"site": req.site.name}
    span = (req.end_time.hour * 60 + req.end_time.minute) - (
        req.start_time.hour * 60 + req.start_time.minute
    )
    need = required_break(span - req.break_minutes)
    if span > 0 and req.break_minutes < need:
        errors["break_minutes"] = _(
            "%(worked)s of work needs a break of at least %(need)s minutes (労基法34条)."
        ) % {"worked": hours(span - req.break_minutes), "need": need}
    if req.work_kind in PROHIBITED_WORK:
        errors["work_kind"] = _("%(work)s may not be dispatched (労働者派遣法4条).") % {
            "work": req.get_work_kind_display()
        }
    if not req.weekdays and not req.dates:
        errors["weekdays"] = _("Choose weekdays or list dates.")
    if errors or req.is_template:
        return errors
    member = req.member
    if not (member.is_member_on(req.start_date) and member.is_member_on(req.end_date)):
        errors["member"] = _(
            "%(member)s is not a member of the cooperative for the whole period; requests are "
            "accepted only from members (特定地域づくり推進法2条)."
        ) % {"member": member.name}
    if coop.dispatch_notified_on is None or req.start_date < coop.dispatch_notified_on:
        errors["start_date"] = _(
            "Dispatch is not allowed before the dispatch business notification date."
        )
    return errors


def _overlapping(req: StaffingRequest) -> StaffingRequest | None:
    others = StaffingRequest.objects.filter(
        cooperative=req.cooperative,
        site=req.site,
        title=req.title,
        skill=req.skill,
        is_template=req.is_template,
        start_date__lte=req.end_date,
        end_date__gte=req.start_date,
        start_time__lt=req.end_time,
        end_time__gt=req.start_time,
    ).exclude(status=RequestStatus.REJECTED)
    if req.pk:
        others = others.exclude(pk=req.pk)
    mine = set(req.days())
    for other in others:
        if mine & set(other.days()):
            return other
    return None


@transaction.atomic
def staffing_request_save(
    *, request: StaffingRequest, cooperative: Cooperative, actor: User | None
) -> StaffingRequest:
    """Save a member's request after every legal check; coordinators' saves approve it."""
    request.cooperative = cooperative
    errors = _request_errors(request, cooperative)
    if errors:
        raise ValidationError(errors)
    other = _overlapping(request)
    if other is not None:
        raise ValidationError(
            _(
                "This request overlaps request “%(other)s” (%(start)s–%(end)s) at the same site "
                "and time; change that request instead."
            )
            % {"other": other.title, "start": other.start_date, "end": other.end_date}
        )
    if request.pk is None:
        request.created_by = actor
    _save_audited(request, actor)
    return request


def staffing_request_submit(
    *,
    request: StaffingRequest,
    cooperative: Cooperative,
    actor: User,
    member: MemberBusiness | None,
) -> StaffingRequest:
    """A request entered by a person: a member user's (``member``) waits for the coordinator's
    approval; the coordinator's own entry needs none, so a pending one is approved at once."""
    if member is not None:
        request.member = member
        request.status = RequestStatus.PENDING
    elif request.status == RequestStatus.PENDING:
        request.status = RequestStatus.APPROVED
    return staffing_request_save(request=request, cooperative=cooperative, actor=actor)


def _save_audited(request: StaffingRequest, actor: User | None) -> None:
    # core.audit's snapshot cannot serialise times, so the request is logged with its own.
    creating = request.pk is None
    request.full_clean()
    request.save()
    audit_record(
        actor=actor, cooperative=request.cooperative,
        action=AuditLogEntry.Action.CREATE if creating else AuditLogEntry.Action.UPDATE,
        instance=request,
        changes={"period": f"{request.start_date}–{request.end_date}",
                 "time": f"{request.start_time:%H:%M}–{request.end_time:%H:%M}",
                 "headcount": request.headcount, "status": request.status},
    )  # fmt: skip


@transaction.atomic
def staffing_request_decide(*, request: StaffingRequest, approve: bool, actor: User) -> None:
    """The coordinator approves (or rejects) a pending request."""
    request.status = RequestStatus.APPROVED if approve else RequestStatus.REJECTED
    request.approved_by = actor if approve else None
    _save_audited(request, actor)


@transaction.atomic
def staffing_request_from_template(
    *, template: StaffingRequest, year: int, actor: User
) -> StaffingRequest:
    """A new pending request for ``year`` copied from a seasonal template."""

    def moved(day: dt.date) -> dt.date:
        target = year + (day.year - template.start_date.year)
        try:
            return day.replace(year=target)
        except ValueError:  # 29 February in a common year: the day before
            return day.replace(year=target, day=28)

    if not 2000 <= year <= 2100:
        raise ValidationError(_("Enter a year between 2000 and 2100."))

    copy = StaffingRequest(
        member=template.member,
        site=template.site,
        title=template.title,
        work_kind=template.work_kind,
        skill=template.skill,
        start_date=moved(template.start_date),
        end_date=moved(template.end_date),
        weekdays=list(template.weekdays),
        dates=[moved(dt.date.fromisoformat(d)).isoformat() for d in template.dates],
        start_time=template.start_time,
        end_time=template.end_time,
        break_minutes=template.break_minutes,
        headcount=template.headcount,
        priority=template.priority,
        note=template.note,
    )
    return staffing_request_save(request=copy, cooperative=template.cooperative, actor=actor)


# ---------------------------------------------------------------- rosters and shifts


@transaction.atomic
def roster_create(*, cooperative: Cooperative, month: dt.date, actor: User) -> Roster:
    """The draft roster of a calendar month (one per month)."""
    check_date(month)
    start, end = month_bounds(month)
    if Roster.objects.filter(
        cooperative=cooperative, start_date__lte=end, end_date__gte=start
    ).exists():
        raise ValidationError(_("A roster for this month already exists."))
    roster = Roster.objects.create(cooperative=cooperative, start_date=start, end_date=end)
    audit_record(
        actor=actor, cooperative=cooperative, action=AuditLogEntry.Action.CREATE, instance=roster
    )
    return roster


def _editable(roster: Roster) -> None:
    if roster.status == RosterStatus.CLOSED:
        raise ValidationError(_("This month is closed; its roster can no longer change."))


def worker_dispatch_refusal(worker: Worker) -> str | None:
    if worker.contract_type != ContractType.INDEFINITE:
        return _(
            "%(worker)s is on a fixed-term contract; only workers employed without a fixed term "
            "may be dispatched (特定地域づくり推進法18条)."
        ) % {"worker": worker}
    if not worker.active:
        return _("%(worker)s is not active.") % {"worker": worker}
    if worker.birth_date is None:
        return _(
            "%(worker)s has no date of birth; it is required before dispatch (労基法57条)."
        ) % {"worker": worker}
    return None


def shift_check(
    *,
    roster: Roster,
    add: tuple[Worker, StaffingRequest, dt.date] | None = None,
    remove: Shift | None = None,
) -> tuple[list[str], list[str]]:
    """(hard errors, soft warnings) of the roster after the edit, from the independent checker.

    Only what the edit makes worse is reported, so an old soft breach does not block new work.
    """
    built = build_problem(roster=roster)
    shifts = list(roster.shifts.exclude(pk=remove.pk) if remove else roster.shifts.all())
    before = assignments_of(built, roster.shifts.all())
    after = assignments_of(built, shifts)
    if add is not None:
        worker, req, day = add
        after += (Assignment(f"w{worker.pk}", built.day(day), shift_id(req.pk)),)
    old, new = checker.check(built.problem, before), checker.check(built.problem, after)
    hard = [violation_text(built, v) for v in new.violations if v not in set(old.violations)]
    old_terms = dict(old.terms)
    soft = [
        _("Soft rule “%(term)s” gets worse by %(delta)s.")
        % {"term": rule_label(k), "delta": v - old_terms.get(k, 0)}
        for k, v in new.terms
        if v > old_terms.get(k, 0) and k not in {"cover_under"}
    ]
    return hard, soft


def shift_problems(
    *, roster: Roster, worker: Worker, request: StaffingRequest, date: dt.date
) -> tuple[list[str], list[str]]:
    """(errors, warnings) of adding this shift: the law first, then the independent checker.

    Read-only, so the roster page can show them while the coordinator is still choosing.
    """
    refusal = worker_dispatch_refusal(worker) or dispatch_refusal(
        cooperative=roster.cooperative, request=request, day=date
    )
    if refusal:
        return [refusal], []
    if request.status != RequestStatus.APPROVED or request.is_template:
        return [_("Only approved requests can be staffed.")], []
    if not roster.start_date <= date <= roster.end_date:
        return [_("The date is outside the roster's period.")], []
    if request.skill and not worker.qualifications.filter(name=request.skill).exists():
        return [
            _("%(worker)s does not have the skill “%(skill)s”.")
            % {"worker": worker, "skill": request.skill}
        ], []
    if Shift.objects.filter(worker=worker, date=date).exists():
        return [
            _("%(worker)s already has a shift on %(day)s.") % {"worker": worker, "day": date}
        ], []
    # The law first, in its own words (musubi.engines.labour); then the roster's other rules.
    planned = work_day(
        date, request.start_time, request.end_time, request.break_minutes,
        exempt=request.site.member.exempt_41_1,
    )  # fmt: skip
    added = findings_added(roster.cooperative, worker, date, add=[planned])
    errors = [finding_text(f) for f in added if f.hard]
    warnings = [finding_text(f) for f in added if not f.hard]
    if errors:
        return errors, warnings
    hard, soft = shift_check(roster=roster, add=(worker, request, date))
    if hard:
        return [_("This change breaks a roster rule: %(rules)s") % {"rules": "; ".join(hard)}], soft
    return [], warnings + soft


def shift_assign(
    *, roster: Roster, worker: Worker, request: StaffingRequest, date: dt.date, actor: User
) -> tuple[Shift, list[str]]:
    """Add one shift after the legal checks and the independent checker; returns warnings.

    The unique (worker, date) index is the last line of defence: if another coordinator booked
    the same worker a moment earlier, the insert fails and nothing is saved.
    """
    try:
        return _shift_assign(roster=roster, worker=worker, request=request, date=date, actor=actor)
    except OperationalError as error:
        # SQLite without a busy timeout (tests, shared-cache memory) reports a concurrent writer
        # as a locked table instead of waiting; the edit is refused whole, so it is safe to retry.
        raise ValidationError(
            _("Another coordinator is changing this roster right now; please try again.")
        ) from error


@transaction.atomic
def _shift_assign(
    *, roster: Roster, worker: Worker, request: StaffingRequest, date: dt.date, actor: User
) -> tuple[Shift, list[str]]:
    # Serialises concurrent edits of one roster on PostgreSQL; SQLite locks the whole database.
    Roster.objects.select_for_update().filter(pk=roster.pk).first()
    _editable(roster)
    hard, soft = shift_problems(roster=roster, worker=worker, request=request, date=date)
    if hard:
        raise ValidationError(hard)
    taken = _("%(worker)s already has a shift on %(day)s.") % {"worker": worker, "day": date}
    try:
        with transaction.atomic():
            shift = Shift.objects.create(
                cooperative=roster.cooperative,
                roster=roster,
                request=request,
                worker=worker,
                site=request.site,
                date=date,
                start_time=request.start_time,
                end_time=request.end_time,
                break_minutes=request.break_minutes,
            )
    except IntegrityError as error:
        raise ValidationError(taken) from error
    audit_record(
        actor=actor,
        cooperative=roster.cooperative,
        action=AuditLogEntry.Action.CREATE,
        instance=shift,
    )
    return shift, soft


@transaction.atomic
def shift_remove(*, shift: Shift, actor: User) -> None:
    _editable(shift.roster)
    if hasattr(shift, "timesheet"):
        raise ValidationError(_("This shift already has actual hours; correct them instead."))
    audit_record(
        actor=actor,
        cooperative=shift.cooperative,
        action=AuditLogEntry.Action.DELETE,
        instance=shift,
    )
    shift.delete()


def shift_swap(*, shift: Shift, worker: Worker, actor: User) -> list[str]:
    """Give ``shift`` to ``worker``; if that worker already works that day in this roster, the
    two exchange their shifts. Every resulting shift passes the same checks as a new one, and
    on any refusal nothing changes. Returns the warnings."""
    try:
        return _shift_swap(shift=shift, worker=worker, actor=actor)
    except OperationalError as error:  # a concurrent writer on SQLite, as in shift_assign
        raise ValidationError(
            _("Another coordinator is changing this roster right now; please try again.")
        ) from error


@transaction.atomic
def _shift_swap(*, shift: Shift, worker: Worker, actor: User) -> list[str]:
    roster = shift.roster
    # Taken before anything is removed, so a concurrent edit of this roster waits (PostgreSQL).
    Roster.objects.select_for_update().filter(pk=roster.pk).first()
    if worker.pk == shift.worker_id:
        raise ValidationError(_("Choose another worker."))
    other = Shift.objects.filter(roster=roster, worker=worker, date=shift.date).first()
    plan = [(worker, shift.request)]
    if other is not None:
        plan.append((shift.worker, other.request))
    for s in [shift, *([other] if other else [])]:
        if s.request is None:
            raise ValidationError(_("This shift has no request; remove it and add a new one."))
        shift_remove(shift=s, actor=actor)
    warnings: list[str] = []
    for who, req in plan:
        assert req is not None
        _new, soft = _shift_assign(
            roster=roster, worker=who, request=req, date=shift.date, actor=actor
        )
        warnings += soft
    return warnings


class _Rehearsal(Exception):
    def __init__(self, warnings: list[str]) -> None:
        self.warnings = warnings


def shift_swap_problems(
    *, shift: Shift, worker: Worker, actor: User
) -> tuple[list[str], list[str]]:
    """(errors, warnings) of ``shift_swap``, found by rehearsing it and rolling it back, so the
    live check can never disagree with the real change."""
    try:
        with transaction.atomic():
            raise _Rehearsal(shift_swap(shift=shift, worker=worker, actor=actor))
    except _Rehearsal as done:
        return [], done.warnings
    except ValidationError as error:
        return error.messages, []


@transaction.atomic
def roster_replace_shifts(
    *, roster: Roster, assignments: list[dict[str, Any]], actor: User | None
) -> int:
    """Make the roster's shifts equal to ``assignments`` (a solve or repair), changing only the
    shifts that differ, so unchanged shifts keep their ids (and their calendar-feed UIDs).

    Each assignment is {"worker": id, "request": id, "date": iso}; shifts with actual hours
    are never touched. Returns the number of new shifts.
    """
    _editable(roster)
    wanted = {(a["worker"], dt.date.fromisoformat(a["date"]), a["request"]) for a in assignments}
    current = {
        (s.worker_id, s.date, s.request_id): s for s in roster.shifts.select_related("timesheet")
    }
    stale = [s.pk for k, s in current.items() if k not in wanted and not hasattr(s, "timesheet")]
    Shift.objects.filter(pk__in=stale).delete()
    kept = {(w, d) for (w, d, _r), s in current.items() if s.pk not in stale}
    requests = {r.pk: r for r in StaffingRequest.objects.filter(cooperative=roster.cooperative)}
    rows = []
    for worker_id, day, request_id in sorted(wanted - set(current)):
        if (worker_id, day) in kept:
            continue
        req = requests[request_id]
        rows.append(
            Shift(
                cooperative=roster.cooperative, roster=roster, request=req,
                worker_id=worker_id, site_id=req.site_id, date=day,
                start_time=req.start_time, end_time=req.end_time,
                break_minutes=req.break_minutes,
            )
        )  # fmt: skip
    Shift.objects.bulk_create(rows)
    audit_record(
        actor=actor, cooperative=roster.cooperative, action=AuditLogEntry.Action.UPDATE,
        instance=roster, changes={"removed": len(stale), "added": len(rows)},
    )  # fmt: skip
    return len(rows)


@transaction.atomic
def repair_accept(*, run: RosterRun, actor: User, base_url: str = "") -> int:
    """Apply a repair proposal the coordinator compared and accepted."""
    if run.kind != "repair" or run.status != "done":
        raise ValidationError(_("This repair proposal is not ready."))
    roster = run.roster
    old = list(roster.shifts.select_related("site", "request"))
    n = roster_replace_shifts(roster=roster, assignments=run.proposal, actor=actor)
    new = list(roster.shifts.select_related("site"))
    before = {(s.worker_id, s.date, s.site.member_id) for s in old}
    after = {(s.worker_id, s.date, s.site.member_id) for s in new}
    run.summary = {**run.summary, "accepted": True}
    run.save(update_fields=["summary"])
    if roster.status == RosterStatus.PUBLISHED:
        # Only the people whose shifts moved hear about the change; members first learn which
        # of their days no one covers any more.
        moved = before ^ after
        workers, members = {w for w, _d, _m in moved}, {m for _w, _d, m in moved}
        gaps = _unstaffed(run, old, new)
        rid, cid = roster.pk, roster.cooperative_id
        transaction.on_commit(lambda: notify_repaired(rid, cid, base_url, workers, gaps, members))
    return n


def _unstaffed(run: RosterRun, old: list[Shift], new: list[Shift]) -> dict[int, list[Any]]:
    """Per member: the slots (day and request) that have fewer workers after the repair."""
    count: dict[tuple[dt.date, int | None], int] = {}
    for s in new:
        count[s.date, s.request_id] = count.get((s.date, s.request_id), 0) + 1
    reasons = {(u.get("date"), u.get("request")): u.get("reason", "")
               for u in run.summary.get("unmet", [])}  # fmt: skip
    gaps: dict[int, list[Any]] = {}
    seen: set[tuple[dt.date, int | None]] = set()
    for s in old:
        key = (s.date, s.request_id)
        had = sum(1 for o in old if (o.date, o.request_id) == key)
        if key in seen or count.get(key, 0) >= had:
            continue
        seen.add(key)
        gaps.setdefault(s.site.member_id, []).append({
            "date": s.date, "start": s.start_time, "end": s.end_time,
            "title": str(s.request or s.site), "missing": had - count.get(key, 0),
            "reason": reasons.get((s.date.isoformat(), s.request_id), ""),
        })  # fmt: skip
    return gaps


# ---------------------------------------------------------------- annual calendar

CALENDAR_NOTICE_DAYS = 30


def _calendar_fixed(day: dt.date) -> None:
    if day < timezone.localdate() + dt.timedelta(days=CALENDAR_NOTICE_DAYS):
        raise ValidationError(
            _(
                "Rest days of the annual calendar are fixed 30 days ahead and can no longer "
                "change for %(day)s (労基法32条の4)."
            )
            % {"day": day.isoformat()}
        )


@transaction.atomic
def calendar_day_add(*, cooperative: Cooperative, date: dt.date, note: str, actor: User) -> None:
    _calendar_fixed(date)
    if CalendarDay.objects.filter(cooperative=cooperative, date=date).exists():
        raise ValidationError(_("This day is already a rest day of the calendar."))
    day = CalendarDay.objects.create(cooperative=cooperative, date=date, note=note)
    audit_record(
        actor=actor, cooperative=cooperative, action=AuditLogEntry.Action.CREATE, instance=day
    )


@transaction.atomic
def calendar_day_remove(*, day: CalendarDay, actor: User) -> None:
    _calendar_fixed(day.date)
    audit_record(
        actor=actor, cooperative=day.cooperative, action=AuditLogEntry.Action.DELETE, instance=day
    )
    day.delete()
