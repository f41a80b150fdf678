"""The roster grid (勤務表): one row per worker, one column per day, read for the screen, the
print layout, the PDF and the exports, so all four show the same figures."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from musubi.core.japanese import WEEKDAYS_JA, holiday_name
from musubi.dispatch.models import CalendarDay, RequestStatus, Roster, Shift, StaffingRequest
from musubi.dispatch.selectors import WorkerRow, compliance_rows
from musubi.members.models import MemberBusiness
from musubi.workforce.models import LeaveRequest, LeaveStatus, Worker

# Light backgrounds that keep black text readable (WCAG AA) and print in grey distinctly.
PALETTE = (
    "#cfe8d5", "#fde2b8", "#cfe0f7", "#f7d0d8", "#e3d7f5", "#fff3a8", "#c9ece8", "#f3d9c4",
    "#dfe8c0", "#e0e0e0", "#f5c9ef", "#c6d7e8",
)  # fmt: skip


@dataclass(frozen=True)
class Day:
    date: dt.date
    weekday: str
    holiday: str | None  # 国民の祝日 by name (jpholiday)
    rest_day: str | None  # a rest day of the cooperative's annual calendar

    @property
    def kind(self) -> str:
        if self.holiday or self.date.weekday() == 6:
            return "sun"
        return "sat" if self.date.weekday() == 5 else ""


@dataclass
class Cell:
    date: dt.date
    shift: Shift | None = None
    colour: str = ""
    leave: str = ""  # the approved leave's kind label, if the worker is off that day
    kind: str = ""  # "sat" or "sun" (Sundays and national holidays), for the column colour
    code: str = ""  # the site's mark from the legend


@dataclass
class Row:
    worker: Worker
    cells: list[Cell]
    worked: int  # minutes: confirmed actual hours where recorded, planned otherwise
    contract: int  # contracted minutes for the month, as on the compliance page

    @property
    def over(self) -> bool:
        return self.worked > self.contract

    @property
    def shifts(self) -> int:
        return sum(1 for c in self.cells if c.shift)


@dataclass
class SiteKey:
    code: str  # a short mark shown in the cells (A, B, …), so the month fits one screen
    name: str


@dataclass
class Legend:
    member: MemberBusiness
    colour: str
    sites: list[SiteKey] = field(default_factory=list)


@dataclass
class Grid:
    roster: Roster
    days: list[Day]
    rows: list[Row]
    legend: list[Legend]


def member_colours(cooperative: Any) -> dict[int, str]:
    """A stable colour per member business (by reading order), the same on every page."""
    members = MemberBusiness.objects.filter(cooperative=cooperative).order_by("name_kana", "pk")
    return {m.pk: PALETTE[i % len(PALETTE)] for i, m in enumerate(members)}


def roster_days(roster: Roster) -> list[Day]:
    rest = {
        d.date: d.note or "休日"
        for d in CalendarDay.objects.filter(
            cooperative=roster.cooperative, date__range=(roster.start_date, roster.end_date)
        )
    }
    return [
        Day(date=d, weekday=WEEKDAYS_JA[d.weekday()], holiday=holiday_name(d), rest_day=rest.get(d))
        for d in roster.dates
    ]


def hours_against_contract(
    *, cooperative: Any, month: dt.date, rows: list[WorkerRow] | None = None
) -> dict[int, tuple[int, int]]:
    """Per worker id: (minutes worked, contracted minutes) for the month.

    Taken from the compliance rows, which the law module (engines/labour) computes, so the grid,
    its exports and the compliance page can never disagree (they once showed 165 h and 160 h for
    the same worker).
    """
    return {
        r.worker.pk: (r.month.worked, r.contract_minutes)
        for r in (
            rows if rows is not None else compliance_rows(cooperative=cooperative, month=month)
        )
    }


def _code(i: int) -> str:
    """A, B, … Z, AA, AB, …"""
    out = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        out = chr(65 + r) + out
    return out


def roster_grid(roster: Roster, *, compliance: list[WorkerRow] | None = None) -> Grid:
    days = roster_days(roster)
    colours = member_colours(roster.cooperative)
    shifts = roster.shifts.select_related("worker", "site__member", "request", "timesheet")
    by_worker: dict[int, dict[dt.date, Shift]] = defaultdict(dict)
    legend: dict[int, Legend] = {}
    sites: dict[int, Any] = {}
    for s in shifts:
        by_worker[s.worker_id][s.date] = s
        sites[s.site_id] = s.site
    codes: dict[int, str] = {}
    ordered_sites = sorted(sites.values(), key=lambda x: (x.member.name_kana, x.member_id, x.name))
    for i, site in enumerate(ordered_sites):
        codes[site.pk] = _code(i)
        m = site.member
        entry = legend.setdefault(m.pk, Legend(m, colours.get(m.pk, PALETTE[0])))
        entry.sites.append(SiteKey(codes[site.pk], site.name))
    leave: dict[tuple[int, dt.date], str] = {}
    for lr in LeaveRequest.objects.filter(
        cooperative=roster.cooperative, status=LeaveStatus.APPROVED,
        start_date__lte=roster.end_date, end_date__gte=roster.start_date,
    ):  # fmt: skip
        day = max(lr.start_date, roster.start_date)
        while day <= min(lr.end_date, roster.end_date):
            leave[lr.worker_id, day] = lr.get_kind_display()
            day += dt.timedelta(days=1)
    # The roster page has the month's law figures already; computing them twice doubled its cost.
    hours = hours_against_contract(
        cooperative=roster.cooperative, month=roster.start_date, rows=compliance
    )
    workers = list(
        Worker.objects.filter(cooperative=roster.cooperative, active=True).order_by(
            "family_name_kana", "given_name_kana", "pk"
        )
    )
    listed = {w.pk for w in workers}
    # A worker made inactive after being rostered still appears: the month's shifts are real.
    extra = Worker.objects.filter(pk__in=set(by_worker) - listed)
    rows = []
    for w in [*workers, *extra]:
        mine = by_worker.get(w.pk, {})
        cells = [
            Cell(
                date=d.date,
                shift=mine.get(d.date),
                code=codes[mine[d.date].site_id] if d.date in mine else "",
                colour=colours.get(mine[d.date].site.member_id, "") if d.date in mine else "",
                leave=leave.get((w.pk, d.date), ""),
                kind=d.kind,
            )
            for d in days
        ]
        worked, contract = hours.get(w.pk, (sum(s.minutes for s in mine.values()), 0))
        if w.pk not in hours:
            contract = w.contracted_minutes_per_month
        rows.append(Row(worker=w, cells=cells, worked=worked, contract=contract))
    ordered = sorted(legend.values(), key=lambda e: (e.member.name_kana, e.member.pk))
    return Grid(roster=roster, days=days, rows=rows, legend=ordered)


def requests_on(roster: Roster, day: dt.date) -> list[dict[str, Any]]:
    """Approved requests that want people on ``day``, with how many are already assigned."""
    out = []
    reqs = StaffingRequest.objects.filter(
        cooperative=roster.cooperative, status=RequestStatus.APPROVED, is_template=False,
        start_date__lte=day, end_date__gte=day,
    ).select_related("member", "site")  # fmt: skip
    for req in reqs:
        if day not in req.days(day, day):
            continue
        got = Shift.objects.filter(request=req, date=day).count()
        out.append({"request": req, "need": req.headcount, "got": got})
    return out
