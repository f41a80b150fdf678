"""Reads for the dispatch pages: calendars, coverage, hours, compliance and demand charts."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from musubi.core.models import Cooperative, RestDayRule, Role, WorkingTimeSystem
from musubi.core.months import month_bounds, months_from
from musubi.core.tenancy import Viewer
from musubi.dispatch import compliance as c
from musubi.dispatch.models import (
    RequestStatus,
    Roster,
    RosterRun,
    RosterStatus,
    Shift,
    StaffingRequest,
)
from musubi.workforce.models import LeaveKind, LeaveRequest, LeaveStatus, Worker


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

    return rows(current - proposed), rows(proposed - current)


def work_days(shifts: QuerySet[Shift]) -> dict[int, list[c.WorkDay]]:
    """Per worker: actual hours where recorded, planned hours otherwise."""
    out: dict[int, list[c.WorkDay]] = defaultdict(list)
    for s in shifts.select_related("timesheet", "site__member"):
        ts = getattr(s, "timesheet", None)
        start, end, brk = (
            (ts.actual_start, ts.actual_end, ts.break_minutes)
            if ts
            else (s.start_time, s.end_time, s.break_minutes)
        )
        out[s.worker_id].append(
            c.WorkDay(s.date, start.hour * 60 + start.minute, end.hour * 60 + end.minute, brk)
        )
    return out


def _exempt_dates(shifts: QuerySet[Shift]) -> dict[int, frozenset[dt.date]]:
    out: dict[int, set[dt.date]] = defaultdict(set)
    for s in shifts.filter(site__member__exempt_41_1=True):
        out[s.worker_id].add(s.date)
    return {k: frozenset(v) for k, v in out.items()}


@dataclass
class WorkerRow:
    worker: Worker
    month: c.Month
    contract_minutes: int
    year_overtime: int = 0
    caps: list[c.CapCheck] = field(default_factory=list)
    rest_shortfall: int = 0
    leave_granted: int = 0
    leave_base: dt.date | None = None
    leave_taken: float = 0
    leave_due: float = 0
    # The business year's months up to this one, for the yearly view.
    year_months: list[c.Month] = field(default_factory=list)

    @property
    def warnings(self) -> list[str]:
        w = []
        if self.month.interval_breaches:
            w.append(_("%(n)s rests between shifts are shorter than the interval setting.")
                     % {"n": self.month.interval_breaches})  # fmt: skip
        if self.rest_shortfall:
            w.append(_("Too few rest days in %(n)s week(s).") % {"n": self.rest_shortfall})
        for cap in self.caps:
            w.append(_("36協定 limit exceeded (%(kind)s: %(detail)s).")
                     % {"kind": cap.kind, "detail": cap.detail})  # fmt: skip
        if self.month.longest_run > 6:
            w.append(_("%(n)s working days in a row.") % {"n": self.month.longest_run})
        return w


def business_year_months(cooperative: Cooperative, day: dt.date) -> list[dt.date]:
    return list(months_from(cooperative.business_year_start(day), day))


def compliance_rows(*, cooperative: Cooperative, month: dt.date) -> list[WorkerRow]:
    """One row per dispatchable worker: the month's figures and the business year's caps."""
    first, last = month_bounds(month)
    year_start = cooperative.business_year_start(first)
    shifts = Shift.objects.filter(cooperative=cooperative, date__range=(year_start, last))
    days = work_days(shifts)
    exempt = _exempt_dates(shifts)
    interval = cooperative.min_interval_hours * 60
    night = (cooperative.night_start_hour, cooperative.night_end_hour)
    four = (
        cooperative.rest_day_start or first
        if cooperative.rest_day_rule == RestDayRule.FOUR_IN_FOUR_WEEKS
        else None
    )
    monthly_cap, annual_cap = c.overtime_caps(
        cooperative.overtime_monthly_cap_hours,
        cooperative.overtime_annual_cap_hours,
        annual_variable=cooperative.working_time_system == WorkingTimeSystem.ANNUAL_VARIABLE,
    )
    rows = []
    for w in Worker.objects.filter(cooperative=cooperative, active=True):
        mine = days.get(w.pk, [])
        ex = exempt.get(w.pk, frozenset())
        months = []
        for m0 in months_from(year_start, first):
            a, z = month_bounds(m0)
            months.append(
                c.month_figures(mine, a, z, min_interval_minutes=interval, night=night, exempt=ex)
            )
        # The worker record has no scheduled days a week yet: estimated from the contracted
        # hours at 8 h a day, which only matters below 30 h a week (比例付与).
        weekly = w.contracted_minutes_per_month * 12 // 52
        base, granted = c.paid_leave_granted(
            w.hire_date, last, days_per_week=min(5, -(-weekly // 480)), weekly_minutes=weekly
        )
        taken = _paid_leave_taken(w, base, last) if base else 0
        rows.append(
            WorkerRow(
                worker=w,
                month=months[-1],
                contract_minutes=w.contracted_minutes_per_month,
                year_overtime=sum(m.overtime for m in months),
                caps=c.cap_breaches(
                    months,
                    monthly_cap=monthly_cap,
                    annual_cap=annual_cap,
                    special_clause=cooperative.special_clause,
                ),
                rest_shortfall=c.rest_day_shortfall(
                    [d.date for d in mine if d.date not in ex], first, last, four_weeks_from=four
                ),
                leave_granted=granted,
                leave_base=base,
                leave_taken=taken,
                leave_due=c.five_day_shortfall(granted, int(taken)),
                year_months=months,
            )
        )
    return rows


def _paid_leave_taken(worker: Worker, base: dt.date, until: dt.date) -> int:
    total = 0
    for leave in LeaveRequest.objects.filter(
        worker=worker, kind=LeaveKind.PAID, status=LeaveStatus.APPROVED,
        start_date__lte=until, end_date__gte=base,
    ):  # fmt: skip
        lo, hi = max(leave.start_date, base), min(leave.end_date, until)
        total += (hi - lo).days + 1
    return total


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
