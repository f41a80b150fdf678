"""Reads for the dispatch pages: calendars, coverage, hours, compliance and demand charts."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from musubi.core.models import Cooperative, Role
from musubi.core.months import month_bounds, months_from
from musubi.core.tenancy import Viewer
from musubi.dispatch.findings import finding_text
from musubi.dispatch.labour import evaluate_workers
from musubi.dispatch.models import (
    RequestStatus,
    Roster,
    RosterRun,
    RosterStatus,
    Shift,
    StaffingRequest,
)
from musubi.engines.labour import Finding, LeaveYear, MonthFigures
from musubi.workforce.models import LeaveRequest, LeaveStatus, Worker


def requests_for(*, cooperative: Cooperative, viewer: Viewer | None) -> QuerySet[StaffingRequest]:
    """Staffing requests the viewer may see: coordinators all, member users their own."""
    queryset = StaffingRequest.objects.filter(cooperative=cooperative).select_related(
        "member", "site"
    )
    if viewer is not None and viewer.role == Role.MEMBER:
        queryset = queryset.filter(member_id=viewer.member_business_id)
    return queryset


def request_get_for(
    *, cooperative: Cooperative, viewer: Viewer | None, request_pk: int
) -> StaffingRequest:
    req = requests_for(cooperative=cooperative, viewer=viewer).filter(pk=request_pk).first()
    if req is None:
        raise Http404
    return req


def shifts_for(*, cooperative: Cooperative, viewer: Viewer | None) -> QuerySet[Shift]:
    """Shifts the viewer may see: coordinators all; once a roster is published, members the
    shifts at their sites and workers their own (before that, members may not see who, R2.7)."""
    queryset = Shift.objects.filter(cooperative=cooperative)
    if viewer is None or viewer.role == Role.COORDINATOR:
        return queryset
    queryset = queryset.exclude(roster__status=RosterStatus.DRAFT)
    if viewer.role == Role.MEMBER:
        return queryset.filter(site__member_id=viewer.member_business_id)
    if viewer.role == Role.WORKER and viewer.worker_id is not None:
        return queryset.filter(worker_id=viewer.worker_id)
    return queryset.none()


def shift_get_for(*, cooperative: Cooperative, viewer: Viewer | None, shift_pk: int) -> Shift:
    shift = (
        shifts_for(cooperative=cooperative, viewer=viewer)
        .select_related("roster", "site__member", "worker")
        .filter(pk=shift_pk)
        .first()
    )
    if shift is None:
        raise Http404
    return shift


def repair_diff(run: RosterRun) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """A repair proposal against the roster as it stands: the shifts it removes and adds."""
    roster = run.roster
    current = {(s.worker_id, s.date.isoformat(), s.request_id) for s in roster.shifts.all()}
    proposed = {(a["worker"], a["date"], a["request"]) for a in run.proposal}
    names = {w.pk: str(w) for w in Worker.objects.filter(cooperative=roster.cooperative)}
    titles = {r.pk: str(r) for r in StaffingRequest.objects.filter(cooperative=roster.cooperative)}

    def rows(items: set[tuple[int, str, int | None]]) -> list[dict[str, str]]:
        return [
            {"date": d, "worker": names.get(w, "?"), "request": titles.get(r or 0, "—")}
            for w, d, r in sorted(items, key=lambda x: (x[1], x[0]))
        ]

    added = proposed - current
    removed = rows(current - proposed)
    for row, (_w, d, r) in zip(
        removed, sorted(current - proposed, key=lambda x: (x[1], x[0])), strict=True
    ):
        row["reason"] = removal_reason(run, d, r, current, proposed, added, names)
    return removed, rows(added)


def removal_reason(
    run: RosterRun,
    day: str,
    request_id: int | None,
    current: set[tuple[int, str, int | None]],
    proposed: set[tuple[int, str, int | None]],
    added: set[tuple[int, str, int | None]],
    names: dict[int, str],
) -> str:
    """Why a shift the repair removes is, or is not, covered again: the replacement's name, or
    the optimiser's reason for the uncovered demand (its uncovered-demand reasons)."""
    before = sum(1 for _w, d, r in current if (d, r) == (day, request_id))
    after = sum(1 for _w, d, r in proposed if (d, r) == (day, request_id))
    if after >= before:
        by = [names.get(w, "?") for w, d, r in added if (d, r) == (day, request_id)]
        return (
            _("Covered again by %(names)s.") % {"names": "、".join(by)}
            if by else _("Still covered by the others that day.")
        )  # fmt: skip
    for u in run.summary.get("unmet", []):
        if u.get("date") == day and u.get("request") == request_id:
            return _("Not covered again: %(reason)s") % {"reason": u.get("reason", "")}
    return _("Not covered again: no one can take it without breaking a hard rule.")


@dataclass
class WorkerRow:
    """One worker's month on the compliance page, computed by the law module with history."""

    worker: Worker
    month: MonthFigures
    contract_minutes: int
    findings: list[Finding] = field(default_factory=list)
    year_overtime: int = 0
    leave: LeaveYear | None = None
    # The business year's months up to this one, for the yearly view.
    year_months: list[MonthFigures] = field(default_factory=list)

    @property
    def warnings(self) -> list[str]:
        return [finding_text(f) for f in self.findings]

    @property
    def hard(self) -> list[Finding]:
        return [f for f in self.findings if f.hard]


def business_year_months(cooperative: Cooperative, day: dt.date) -> list[dt.date]:
    return list(months_from(cooperative.business_year_start(day), day))


def compliance_rows(*, cooperative: Cooperative, month: dt.date) -> list[WorkerRow]:
    """One row per active worker: the month's figures and findings from the law module, with
    weeks and 4-week blocks that span months judged whole and the 36協定 windows looking back
    across business years."""
    first, last = month_bounds(month)
    workers = list(Worker.objects.filter(cooperative=cooperative, active=True))
    results = evaluate_workers(cooperative, workers, first, last, as_of=last)
    year = list(months_from(cooperative.business_year_start(first), first))
    rows = []
    for w in workers:
        r = results[w.pk]
        months = [r.month(m.year, m.month) for m in year]
        leave = [y for y in r.paid_leave if y.granted_on <= last]
        rows.append(
            WorkerRow(
                worker=w,
                month=r.month(first.year, first.month),
                contract_minutes=w.contracted_minutes_per_month,
                findings=list(r.findings),
                year_overtime=sum(m.overtime for m in months),
                leave=leave[-1] if leave else None,
                year_months=months,
            )
        )
    return rows


def calendar_grid(roster: Roster) -> dict[str, Any]:
    """Rows per worker and per member, columns per day; cells list the shifts."""
    dates = roster.dates
    shifts = list(roster.shifts.select_related("worker", "site__member", "request", "timesheet"))
    by_worker: dict[Worker, dict[dt.date, Shift]] = defaultdict(dict)
    by_member: dict[Any, dict[dt.date, list[Shift]]] = defaultdict(lambda: defaultdict(list))
    for s in shifts:
        by_worker[s.worker][s.date] = s
        by_member[s.site.member][s.date].append(s)
    workers = Worker.objects.filter(cooperative=roster.cooperative, active=True)
    return {
        "dates": dates,
        "workers": [
            {
                "worker": w,
                "cells": [by_worker[w].get(d) for d in dates],
                "minutes": sum(s.minutes for s in by_worker[w].values()),
                "contract": round(w.contracted_minutes_per_month * len(dates) / 30),
            }
            for w in workers
        ],
        "members": [
            {"member": m, "cells": [by_member[m].get(d, []) for d in dates]}
            for m in sorted(by_member, key=lambda m: m.name_kana)
        ],
    }


def coverage(roster: Roster) -> list[dict[str, Any]]:
    """Heat map rows per request: (wanted, assigned) per day."""
    shifts: dict[tuple[int | None, dt.date], int] = defaultdict(int)
    for s in roster.shifts.all():
        shifts[s.request_id, s.date] += 1
    rows = []
    requests = StaffingRequest.objects.filter(
        cooperative=roster.cooperative, status=RequestStatus.APPROVED, is_template=False,
        start_date__lte=roster.end_date, end_date__gte=roster.start_date,
    ).select_related("member")  # fmt: skip
    for req in requests:
        wanted = set(req.days(roster.start_date, roster.end_date))
        cells = []
        for d in roster.dates:
            need = req.headcount if d in wanted else 0
            got = shifts.get((req.pk, d), 0)
            level = "none" if not need else ("full" if got >= need else ("part" if got else "zero"))
            cells.append({"need": need, "got": got, "level": level})
        rows.append({"request": req, "cells": cells})
    return rows


def demand_vs_capacity(
    *, cooperative: Cooperative, start: dt.date, weeks: int = 52
) -> list[dict[str, Any]]:
    """Hours of approved demand per week against the workers' contracted hours."""
    monday = start - dt.timedelta(days=start.weekday())
    end = monday + dt.timedelta(weeks=weeks)
    demand: dict[dt.date, int] = defaultdict(int)
    for req in StaffingRequest.objects.filter(
        cooperative=cooperative, status=RequestStatus.APPROVED, is_template=False,
        start_date__lt=end, end_date__gte=monday,
    ):  # fmt: skip
        for d in req.days(monday, end):
            demand[d - dt.timedelta(days=d.weekday())] += req.minutes * req.headcount
    capacity = sum(
        w.contracted_minutes_per_month * 12 // 52
        for w in Worker.objects.filter(cooperative=cooperative, active=True)
        if w.may_be_dispatched
    )
    rows = []
    peak = max([capacity, *demand.values()]) or 1
    for i in range(weeks):
        week = monday + dt.timedelta(weeks=i)
        need = demand.get(week, 0)
        rows.append({
            "week": week, "demand_h": need // 60, "capacity_h": capacity // 60,
            "demand_pct": round(100 * need / peak), "capacity_pct": round(100 * capacity / peak),
            "over": need > capacity,
        })  # fmt: skip
    return rows


def published_shifts_of(worker: Worker, start: dt.date, end: dt.date) -> QuerySet[Shift]:
    """The worker's shifts between ``start`` and ``end`` on rosters already published."""
    return Shift.objects.filter(
        worker=worker, date__range=(start, end), roster__status=RosterStatus.PUBLISHED
    ).order_by("date")


def leaves_needing_repair(cooperative: Cooperative) -> list[dict[str, Any]]:
    """Approved leave that still has published shifts: each with the repair to propose
    (the worker and the first and last shift day, per roster)."""
    out = []
    leaves = LeaveRequest.objects.filter(
        cooperative=cooperative, status=LeaveStatus.APPROVED
    ).select_related("worker")
    for leave in leaves:
        by_roster: dict[int, list[Shift]] = defaultdict(list)
        for s in published_shifts_of(leave.worker, leave.start_date, leave.end_date):
            by_roster[s.roster_id].append(s)
        for roster_id, shifts in by_roster.items():
            out.append({
                "leave": leave, "roster_id": roster_id, "worker": leave.worker,
                "start": shifts[0].date, "end": shifts[-1].date,
                "days": [s.date for s in shifts],
            })  # fmt: skip
    return out


def month_is_published(cooperative: Cooperative, day: dt.date) -> bool:
    """A roster covering ``day`` was published (or closed): wishes for it come too late."""
    return (
        Roster.objects.filter(cooperative=cooperative, start_date__lte=day, end_date__gte=day)
        .exclude(status=RosterStatus.DRAFT)
        .exists()
    )
