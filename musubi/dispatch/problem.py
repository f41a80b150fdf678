"""Adapter between the database and the roster engine: models → ``Problem``, ``Solution`` → rows.

Only the legal dispatch goes into the problem (R1.3–R1.5, R1.7, 法4条): days on which the member
is not a member, sites outside the 地区, days before the 届出受理 date, prohibited work and
fixed-term workers are left out here, and each omission is reported with its reason, so the
engine never sees an assignment the law forbids.
"""

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from musubi.cooperatives.selectors import agreement_on
from musubi.core.models import Cooperative, RestDayRule, WorkingTimeSystem
from musubi.dispatch.labour import agreement, labour_settings
from musubi.dispatch.models import (
    PROHIBITED_WORK,
    CalendarDay,
    DesignatedPeriod,
    RequestStatus,
    Roster,
    Shift,
    StaffingRequest,
)
from musubi.engines.labour.caps import monthly_cap_minutes
from musubi.engines.labour.clock import is_under
from musubi.engines.labour.days import required_break
from musubi.engines.labour.hours import DAILY
from musubi.engines.rostering import model as m
from musubi.workforce.models import (
    Availability,
    ContractType,
    LeaveRequest,
    LeaveStatus,
    ShiftWish,
    Worker,
)

# Uncovered demand costs far more than any fairness term, so the solver only leaves demand
# unmet when the law or availability forces it; over-staffing is never wanted.
UNDER_WEIGHT = 1000
OVER_WEIGHT = 5000
WISH_WEIGHT = 50

ENGINE_REASONS = {
    "nobody qualified": gettext_noop("Nobody holds the required skill."),
    "everyone qualified is unavailable": gettext_noop(
        "Everyone qualified is on leave or unavailable."
    ),
    "everyone qualified is busy or unavailable": gettext_noop(
        "Everyone qualified is busy or unavailable."
    ),
    "everyone qualified is busy, unavailable or at a legal/contract limit": (
        gettext_noop("Everyone qualified is busy, unavailable or at a legal limit.")
    ),
    "a qualified worker is free but covering costs more (soft trade-off)": (
        gettext_noop("A qualified worker is free, but covering would break a soft rule.")
    ),
}


RULE_LABELS = {
    "daily_max": gettext_noop("Hours per day"),
    "weekly_max": gettext_noop("Hours per week"),
    "rest_days": gettext_noop("Rest days (労基法35条)"),
    "max_consecutive_days": gettext_noop("Consecutive working days"),
    "interval": gettext_noop("Rest between shifts (勤務間インターバル)"),
    "monthly_overtime": gettext_noop("Monthly overtime cap (36協定)"),
    "annual_days": gettext_noop("Working days per year"),
    "weekend_spread": gettext_noop("Fair share of weekends"),
    "request_on": gettext_noop("Wishes to work not met"),
    "request_off": gettext_noop("Wishes for a day off not met"),
    "cover_over": gettext_noop("Over-staffing"),
}


def rule_label(term: str) -> str:
    """A soft term or labour rule of the engine, in words."""
    key = term.removeprefix("labour_")
    return _(RULE_LABELS[key]) if key in RULE_LABELS else term


def violation_text(built: "Built", text: str) -> str:
    """An engine checker line with worker keys and day numbers replaced by names and dates."""
    match = re.match(r"(w\d+): (.*)", text)
    if not match:
        return text
    worker = built.workers.get(match.group(1))
    rest = match.group(2)
    rule = re.match(r"labour rule (\w+) exceeded by (\d+)", rest)
    if rule:
        rest = f"{rule_label(rule.group(1))} (+{rule.group(2)})"
    rest = re.sub(r"day (\d+)", lambda m: built.date(int(m.group(1))).isoformat(), rest)
    return f"{worker or match.group(1)}: {rest}"


def reason_text(reason: str) -> str:
    msgid = ENGINE_REASONS.get(reason)
    return _(msgid) if msgid else reason


def minutes(t: dt.time) -> int:
    return t.hour * 60 + t.minute


def shift_id(request_id: int) -> str:
    return f"r{request_id}"


@dataclass
class Built:
    """The engine problem plus the keys needed to turn its answer back into rows."""

    problem: m.Problem
    start: dt.date
    requests: dict[str, StaffingRequest]
    workers: dict[str, Worker]
    excluded: list[str] = field(default_factory=list)

    def day(self, d: dt.date) -> int:
        return (d - self.start).days

    def date(self, day: int) -> dt.date:
        return self.start + dt.timedelta(days=day)


def dispatch_refusal(
    *, cooperative: Cooperative, request: StaffingRequest, day: dt.date
) -> str | None:
    """Why no worker may be dispatched for ``request`` on ``day``, or None if one may."""
    if request.work_kind in PROHIBITED_WORK:
        return _("%(work)s may not be dispatched (労働者派遣法4条).") % {
            "work": request.get_work_kind_display()
        }
    if cooperative.dispatch_notified_on is None or day < cooperative.dispatch_notified_on:
        return _("Dispatch is not allowed before the dispatch business notification date.")
    if not request.member.is_member_on(day):
        return _("%(member)s is not a member of the cooperative on %(day)s.") % {
            "member": request.member.name,
            "day": day.isoformat(),
        }
    if request.site.municipality_code not in cooperative.district:
        return _("%(site)s is outside the cooperative's district (地区).") % {
            "site": request.site.name
        }
    return None


def _labour(coop: Cooperative, start: dt.date, horizon: int) -> m.LabourRules:
    variable = coop.working_time_system == WorkingTimeSystem.ANNUAL_VARIABLE
    rest = 4 if coop.rest_day_rule == RestDayRule.FOUR_IN_FOUR_WEEKS else 1
    designated = None
    end = start + dt.timedelta(days=horizon - 1)
    period = (
        DesignatedPeriod.objects.filter(cooperative=coop, start_date__lte=end, end_date__gte=start)
        .order_by("start_date")
        .first()
    )
    if variable and period is not None:
        a = max(0, (period.start_date - start).days)
        z = min(horizon, (period.end_date - start).days + 1)
        designated = (a, z)
    # No 36協定 in force: no overtime may be planned at all (32条, 36条1項).
    found = agreement_on(cooperative=coop, day=start)
    cap = monthly_cap_minutes(agreement(found) if found else None, variable=variable)
    return m.LabourRules(
        # Standard system: overtime beyond 8 h/40 h is lawful under the 36協定 but costs.
        daily_max=m.Rule("hard", 600, 0) if variable else m.Rule("soft", 480, 2),
        weekly_max=m.Rule("hard", 3120, 0) if variable else m.Rule("soft", 2400, 1),
        rest_days=m.Rule("hard", rest, 0),
        max_consecutive_days=m.Rule("hard" if variable else "soft", 6, 200),
        designated_period=designated,
        designated_max=12,
        interval=m.Rule("soft", coop.min_interval_hours * 60, 100),
        monthly_overtime=m.Rule("hard", cap, 0),
        month_days=horizon,
        # R3.5: at most 280 working days in the (one-year) variable period.
        annual_days=m.Rule("hard", 280, 0) if variable else m.Rule("off", 280),
        # Weeks and 4-week blocks on the cooperative's fixed cycle (R3.3), and the monthly cap
        # on legal overtime as the law module counts it (R3.1, R3.4).
        week_start_day=-week_offset(coop, start),
        block_start_day=-block_offset(coop, start),
        legal_overtime=True,
    )


def week_offset(coop: Cooperative, start: dt.date) -> int:
    """Days from the start of the fixed-cycle week holding ``start`` to ``start``."""
    return (start.weekday() - coop.week_start) % 7


def block_offset(coop: Cooperative, start: dt.date) -> int:
    """Days from the start of the rest-day block (week, or 4 weeks from the 起算日) to ``start``."""
    if coop.rest_day_rule != RestDayRule.FOUR_IN_FOUR_WEEKS:
        return week_offset(coop, start)
    origin = labour_settings(coop).rest_origin or start
    return (start - origin).days % 28


def _requests_in(coop: Cooperative, start: dt.date, end: dt.date) -> list[StaffingRequest]:
    return list(
        StaffingRequest.objects.filter(
            cooperative=coop,
            status=RequestStatus.APPROVED,
            is_template=False,
            start_date__lte=end,
            end_date__gte=start,
        ).select_related("member", "site")
    )


def _blocked_days(
    workers: Iterable[Worker], start: dt.date, end: dt.date
) -> dict[int, set[dt.date]]:
    out: dict[int, set[dt.date]] = {w.pk: set() for w in workers}
    for a in Availability.objects.filter(worker__in=out, date__range=(start, end)):
        out[a.worker_id].add(a.date)
    leaves = LeaveRequest.objects.filter(
        worker__in=out, status=LeaveStatus.APPROVED, start_date__lte=end, end_date__gte=start
    )
    for leave in leaves:
        day = max(leave.start_date, start)
        while day <= min(leave.end_date, end):
            out[leave.worker_id].add(day)
            day += dt.timedelta(days=1)
    return out


def _histories(coop: Cooperative, workers: list[Worker], start: dt.date) -> dict[int, m.History]:
    """What each worker did before the period, so runs, rests, weeks and 4-week blocks across
    months are checked whole."""
    year_start = coop.business_year_start(start)
    # Runs and rests look back across a year boundary too; the annual count does not.
    since = min(year_start, start - dt.timedelta(days=31))
    week_from = start - dt.timedelta(days=week_offset(coop, start))
    block_from = start - dt.timedelta(days=block_offset(coop, start))
    rows = Shift.objects.filter(worker__in=workers, date__gte=since, date__lt=start).values_list(
        "worker_id", "date", "start_time", "end_time", "break_minutes"
    )
    days: dict[int, dict[dt.date, tuple[dt.time, int]]] = {}
    for wid, day, begin, end, brk in rows:
        length = max(0, minutes(end) - minutes(begin) - brk)
        days.setdefault(wid, {})[day] = (end, length)
    out = {}
    for wid, worked in days.items():
        run = 0
        while start - dt.timedelta(days=run + 1) in worked:
            run += 1
        last = max(worked)
        week = [mins for d, (_, mins) in worked.items() if d >= week_from]
        out[wid] = m.History(
            consecutive_days_worked=run,
            consecutive_days_off=(start - last).days - 1,
            last_shift_end=(last - start).days * 1440 + minutes(worked[last][0]),
            days_worked_this_year=sum(1 for d in worked if d >= year_start),
            week_minutes=sum(week),
            week_within_minutes=sum(min(x, DAILY) for x in week),
            block_days_worked=sum(1 for d in worked if d >= block_from),
        )
    return out


def _holidays_closed(coop: Cooperative, start: dt.date, end: dt.date) -> set[dt.date]:
    """Fixed legal holidays on which no 36協定 in force allows work (35条, 36条1項)."""
    if coop.legal_holiday is None:
        return set()
    out, day = set(), start
    while day <= end:
        if day.weekday() == coop.legal_holiday:
            found = agreement_on(cooperative=coop, day=day)
            if found is None or not found.holiday_work_allowed:
                out.add(day)
        day += dt.timedelta(days=1)
    return out


def _minor_limits(
    coop: Cooperative, w: Worker, shifts: list[m.ShiftType], built: Built, horizon: int
) -> tuple[frozenset[int], tuple[m.Window, ...], tuple[tuple[str, int], ...]]:
    """For a worker under 18 on some days of the period (R3.10, 労基法60条・61条): no work
    between 22:00 and 05:00 on those days, no shift over 8 hours, no work on a fixed legal
    holiday. Returns (days off, unavailable windows, shift caps)."""
    assert w.birth_date is not None
    minor_days = [d for d in range(horizon) if is_under(w.birth_date, 18, built.date(d))]
    if not minor_days:
        return frozenset(), (), ()
    night = tuple(m.Window(d * 1440, d * 1440 + 300) for d in minor_days) + tuple(
        m.Window(d * 1440 + 1320, d * 1440 + 1440) for d in minor_days
    )
    off = frozenset(
        d for d in minor_days if coop.legal_holiday is not None
        and built.date(d).weekday() == coop.legal_holiday
    )  # fmt: skip
    # Over 8 h a day is overtime, which 36条 does not allow a minor; the 40 h week is left to
    # the add-shift check (the engine's weekly rule is the cooperative's, not the worker's).
    long = (
        tuple((s.id, 0) for s in shifts if s.minutes > DAILY) if len(minor_days) == horizon else ()
    )
    return off, night, long


def build_problem(*, roster: Roster, absent: dict[int, set[dt.date]] | None = None) -> Built:
    """The engine problem for ``roster``'s period; call inside the cooperative's scope."""
    coop = roster.cooperative
    start, end = roster.start_date, roster.end_date
    horizon = (end - start).days + 1
    built = Built(m.Problem(horizon=1, shifts=(), workers=()), start, {}, {})

    shifts: list[m.ShiftType] = []
    cover: list[m.Cover] = []
    for req in _requests_in(coop, start, end):
        sid = shift_id(req.pk)
        built.requests[sid] = req
        wanted = set(req.days(start, end))
        refused: dict[str, int] = {}
        for day in sorted(wanted):
            reason = dispatch_refusal(cooperative=coop, request=req, day=day)
            if reason is not None:
                refused[reason] = refused.get(reason, 0) + 1
                wanted.discard(day)
        worked = minutes(req.end_time) - minutes(req.start_time) - req.break_minutes
        if req.break_minutes < required_break(worked):
            # Saved before breaks were checked on requests: no roster may hold it (34条).
            refused[_("the break is too short for the hours (労基法34条)")] = len(wanted)
            wanted.clear()
        for reason, n in refused.items():
            built.excluded.append(f"{req}: {reason} ({n})")
        shifts.append(
            m.ShiftType(
                sid,
                minutes(req.start_time),
                minutes(req.end_time),
                req.break_minutes,
                f"s{req.site_id}",
                req.skill or None,
            )
        )
        for d in range(horizon):
            target = req.headcount if built.date(d) in wanted else 0
            cover.append(
                m.Cover(d, sid, target, UNDER_WEIGHT * req.priority if target else 0, OVER_WEIGHT)
            )

    all_workers = list(
        Worker.objects.filter(cooperative=coop, active=True).prefetch_related("qualifications")
    )
    workers = []
    for w in all_workers:
        if w.contract_type != ContractType.INDEFINITE:
            built.excluded.append(
                _("%(worker)s is on a fixed-term contract and may not be dispatched.")
                % {"worker": w}
            )
            continue
        if w.birth_date is None:
            built.excluded.append(
                _("%(worker)s has no date of birth; it is required before dispatch (労基法57条).")
                % {"worker": w}
            )
            continue
        workers.append(w)
    blocked = _blocked_days(workers, start, end)
    if coop.working_time_system == WorkingTimeSystem.ANNUAL_VARIABLE:
        rest = set(
            CalendarDay.objects.filter(cooperative=coop, date__range=(start, end)).values_list(
                "date", flat=True
            )
        )
        for days in blocked.values():
            days.update(rest)
    for wid, days in (absent or {}).items():
        blocked.setdefault(wid, set()).update(days)
    for days in blocked.values():
        days.update(_holidays_closed(coop, start, end))
    histories = _histories(coop, workers, start)
    engine_workers = []
    for w in workers:
        key = f"w{w.pk}"
        built.workers[key] = w
        skills = frozenset(q.name for q in w.qualifications.all() if q.is_valid_on(start))
        off = frozenset(built.day(d) for d in blocked.get(w.pk, ()) if start <= d <= end)
        contract = round(w.contracted_minutes_per_month * horizon / 30)
        history = histories.get(w.pk, m.History())
        minor_off, night, long_shifts = _minor_limits(coop, w, shifts, built, horizon)
        engine_workers.append(
            m.Worker(
                key, skills=skills, days_off=off | minor_off, contract_minutes=contract,
                history=history, unavailable=night, max_shifts=long_shifts,
            )
        )  # fmt: skip
    wishes = [
        m.Request(f"w{x.worker_id}", built.day(x.date), None, WISH_WEIGHT, x.wants_work)
        for x in ShiftWish.objects.filter(worker__in=workers, date__range=(start, end))
    ]
    built.problem = m.Problem(
        horizon=horizon,
        shifts=tuple(shifts),
        workers=tuple(engine_workers),
        cover=tuple(cover),
        requests=tuple(wishes),
        first_weekday=start.weekday(),
        labour=_labour(coop, start, horizon),
        weights=m.Weights(weekend_spread=10),
        # The law counts runs and rests across months: the days before the period are history.
        exempt_edges=False,
        name=f"{coop.slug}-{start:%Y-%m}",
    )
    return built


def assignments_of(built: Built, shifts: Iterable[Shift]) -> tuple[m.Assignment, ...]:
    """Stored shifts as engine assignments (shifts without a request in the problem are kept
    out: they were entered by hand for demand outside the period's requests)."""
    out = []
    for s in shifts:
        sid = shift_id(s.request_id) if s.request_id else ""
        key = f"w{s.worker_id}"
        if sid in built.requests and key in built.workers:
            out.append(m.Assignment(key, built.day(s.date), sid))
    return tuple(out)
