"""The cooperative's records in the law module's terms (musubi.engines.labour): settings, workers,
worked days with their history, and paid leave. Every dispatch surface that judges working time
goes through here, so the law is computed in one place and fed the same way everywhere."""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence

from django.db.models import QuerySet

from musubi.cooperatives.models import OvertimeAgreement
from musubi.cooperatives.selectors import agreements_for
from musubi.core.models import Cooperative, RestDayRule
from musubi.core.models import WorkingTimeSystem as WTS
from musubi.core.months import month_bounds, month_start
from musubi.dispatch.models import Shift
from musubi.engines import labour as law
from musubi.engines.labour.leave import paid_leave, working_days
from musubi.workforce.models import LeaveKind, LeaveRequest, LeaveStatus, Worker

# Months of history loaded before a period: the 2–6-month averages of 36条6項3号 need six.
HISTORY_MONTHS = 6
DAY = dt.timedelta(days=1)


def agreement(a: OvertimeAgreement) -> law.Agreement:
    return law.Agreement(
        month_hours=a.monthly_cap_hours,
        year_hours=a.annual_cap_hours,
        special_clause=a.special_clause,
        special_month_hours=a.special_monthly_hours,
        special_year_hours=a.special_annual_hours,
        special_months=a.special_months,
        holiday_work=a.holiday_work_allowed,
        valid_from=a.effective_from,
        valid_to=a.valid_to,
    )


def labour_settings(
    cooperative: Cooperative, *, variable: law.VariableCalendar | None = None
) -> law.Settings:
    four = cooperative.rest_day_rule == RestDayRule.FOUR_IN_FOUR_WEEKS
    return law.Settings(
        week_start=cooperative.week_start,
        legal_holiday=cooperative.legal_holiday,
        rest_rule=law.RestRule.FOUR_WEEKS if four else law.RestRule.WEEKLY,
        # The settings form asks for the 起算日 under 4週4休; older records fall back to the
        # first business year's start so blocks stay fixed rather than follow the roster.
        rest_origin=(
            cooperative.rest_day_start or dt.date(2000, cooperative.fiscal_year_start_month, 1)
        )
        if four
        else None,
        agreements=tuple(agreement(a) for a in agreements_for(cooperative=cooperative)),
        business_year_start=(cooperative.fiscal_year_start_month, 1),
        interval_minutes=cooperative.min_interval_hours * 60,
        variable=variable,
    )


def labour_worker(worker: Worker, *, variable: bool = False) -> law.Worker:
    return law.Worker(
        hire_date=worker.hire_date,
        birth_date=worker.birth_date,
        days_per_week=worker.days_per_week,
        # Contracted minutes a month → a week (52 weeks in 12 months).
        weekly_minutes=max(1, worker.contracted_minutes_per_month * 12 // 52),
        variable=variable,
        age_certificate=worker.age_certificate,
    )


def minutes(t: dt.time) -> int:
    return t.hour * 60 + t.minute


def work_day(
    day: dt.date, start: dt.time, end: dt.time, break_minutes: int, *, exempt: bool = False
) -> law.WorkDay:
    """A span as the module reads it: an end at or before the start is the next morning."""
    a, b = minutes(start), minutes(end)
    if b <= a:
        b += 1440
    return law.WorkDay(day, a, b, min(break_minutes, b - a - 1), exempt)


def shift_day(shift: Shift, *, actual: bool = True) -> law.WorkDay:
    """Actual hours where a timesheet exists (and ``actual``), planned hours otherwise."""
    ts = getattr(shift, "timesheet", None) if actual else None
    exempt = shift.site.member.exempt_41_1
    if ts is not None:
        return work_day(shift.date, ts.actual_start, ts.actual_end, ts.break_minutes, exempt=exempt)
    return work_day(
        shift.date, shift.start_time, shift.end_time, shift.break_minutes, exempt=exempt
    )


def history_start(cooperative: Cooperative, first: dt.date) -> dt.date:
    """Where to load from: the business year's start or six months back, whichever is earlier,
    and then back to the start of the week or 4-week block holding that day."""
    back = month_start(first)
    for _ in range(HISTORY_MONTHS):
        back = month_start(back - DAY)
    return min(back, cooperative.business_year_start(first)) - dt.timedelta(days=27)


def leave_days(
    leaves: Iterable[LeaveRequest], worker: Worker, legal_holiday: int | None
) -> list[law.Leave]:
    """Approved paid leave, one entry per working day between its dates (R3.9)."""
    rest = set(worker.rest_weekdays or [])
    if legal_holiday is not None:
        rest.add(legal_holiday)
    out = []
    for leave in leaves:
        for d in working_days(leave.start_date, leave.end_date, rest):
            out.append(law.Leave(d, 0.5 if leave.half_day else 1.0))
    return out


def variable_calendar(cooperative: Cooperative, day: dt.date) -> law.VariableCalendar | None:
    """The business year as the variable period. The calendar records rest days only, not each
    day's scheduled hours, so days and weeks are measured on 8 h / 40 h (the safe side)."""
    if cooperative.working_time_system != WTS.ANNUAL_VARIABLE:
        return None
    start = cooperative.business_year_start(day)
    end = start.replace(year=start.year + 1) - DAY
    return law.VariableCalendar(start, end, ())


def paid_leave_of(workers: Iterable[Worker]) -> dict[int, list[LeaveRequest]]:
    out: dict[int, list[LeaveRequest]] = defaultdict(list)
    for leave in LeaveRequest.objects.filter(
        worker__in=list(workers), kind=LeaveKind.PAID, status=LeaveStatus.APPROVED
    ):
        out[leave.worker_id].append(leave)
    return out


def shifts_between(cooperative: Cooperative, first: dt.date, last: dt.date) -> QuerySet[Shift]:
    return Shift.objects.filter(cooperative=cooperative, date__range=(first, last)).select_related(
        "timesheet", "site__member"
    )


def evaluate_workers(
    cooperative: Cooperative,
    workers: Sequence[Worker],
    first: dt.date,
    last: dt.date,
    *,
    as_of: dt.date,
    extra: dict[int, list[law.WorkDay]] | None = None,
    without: set[int] | None = None,
    actual: bool = True,
) -> dict[int, law.Result]:
    """Each worker's figures and findings for [first, last], with history loaded so weeks,
    4-week blocks and the 2–6-month averages reaching outside the period are judged whole.
    ``extra`` adds planned days (a shift being added), ``without`` leaves shifts out by id."""
    lo = history_start(cooperative, first)
    hi = month_bounds(last)[1] + dt.timedelta(days=27)
    by_worker: dict[int, list[law.WorkDay]] = defaultdict(list)
    for s in shifts_between(cooperative, lo, hi).filter(worker__in=[w.pk for w in workers]):
        if without and s.pk in without:
            continue
        by_worker[s.worker_id].append(shift_day(s, actual=actual))
    for wid, days in (extra or {}).items():
        by_worker[wid].extend(days)
    leaves = paid_leave_of(workers)
    cal = variable_calendar(cooperative, first)
    settings = labour_settings(cooperative, variable=cal)
    out = {}
    for w in workers:
        out[w.pk] = law.evaluate(
            settings,
            labour_worker(w, variable=cal is not None),
            by_worker.get(w.pk, []),
            leave_days(leaves.get(w.pk, []), w, cooperative.legal_holiday),
            as_of=as_of,
            period=(first, last),
        )
    return out


def _key(f: law.Finding) -> tuple[str, str, dt.date]:
    return (f.rule, f.code, f.date)


def findings_added(
    cooperative: Cooperative,
    worker: Worker,
    day: dt.date,
    *,
    add: Sequence[law.WorkDay] = (),
    without: set[int] | None = None,
) -> list[law.Finding]:
    """Findings of ``day``'s month (weeks and blocks reaching into it included) that adding
    ``add`` and dropping the shifts ``without`` would create: an old breach does not block new
    work, a new one does."""
    first, last = month_bounds(day)
    before = evaluate_workers(cooperative, [worker], first, last, as_of=last)[worker.pk]
    after = evaluate_workers(
        cooperative,
        [worker],
        first,
        last,
        as_of=last,
        extra={worker.pk: list(add)},
        without=without,
    )[worker.pk]
    old = {_key(f) for f in before.findings}
    # Paid leave is not what a shift changes; its findings are the home page's to show.
    return [f for f in after.findings if _key(f) not in old and f.rule != "R3.9"]


def day_findings(cooperative: Cooperative, worker: Worker, day: dt.date) -> list[law.Finding]:
    """The findings that judge ``day`` itself or a week, block or month holding it, on actual
    hours where recorded (timesheets)."""
    first, last = month_bounds(day)
    result = evaluate_workers(cooperative, [worker], first, last, as_of=last)[worker.pk]
    return [f for f in result.findings if f.first <= day <= f.last and f.rule != "R3.9"]


def leave_book(cooperative: Cooperative, today: dt.date) -> list[tuple[Worker, law.LeaveYear]]:
    """年次有給休暇管理簿 (労基則24条の7): every grant of the last three years per worker, with
    the dates taken in its year; former workers stay, the book is kept for three years."""
    workers = list(Worker.objects.filter(cooperative=cooperative))
    leaves = paid_leave_of(workers)
    since = today.replace(year=today.year - 3)
    out = []
    for w in workers:
        years, _ = paid_leave(
            labour_worker(w),
            leave_days(leaves.get(w.pk, []), w, cooperative.legal_holiday),
            today,
        )
        out += [(w, y) for y in years if y.year_end >= since]
    return out
