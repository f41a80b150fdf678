"""The roster engine and the law module agree (issue 11): on random rosters the engine's
independent checker judges legal overtime (労基法32条) and rest days (35条) on the fixed weekly
cycle, with the days before the period as history, exactly as musubi.engines.labour does; and
rosters the CP-SAT model finds stay within the 36協定 cap by the module's count (36条)."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from musubi.engines import labour as law
from musubi.engines.rostering.checker import check, legal_overtime
from musubi.engines.rostering.model import (
    Assignment,
    Cover,
    History,
    LabourRules,
    Problem,
    Rule,
    ShiftType,
    Worker,
)
from musubi.engines.rostering.solver import Options, solve

FIRST = dt.date(2027, 2, 1)  # a Monday; February 2027 has 28 days
H = 28
SHIFTS = (
    ShiftType("E", 360, 720, 0, site="a"),  # 6 h
    ShiftType("D", 480, 1020, 60, site="a"),  # 8 h
    ShiftType("L", 420, 1200, 60, site="a"),  # 12 h
    ShiftType("M", 540, 1140, 60, site="b"),  # 9 h
)
BY_ID = {s.id: s for s in SHIFTS}


def _rules(week_start: int, cap: int, need: int) -> LabourRules:
    offset = (FIRST.weekday() - week_start) % 7
    return LabourRules(
        rest_days=Rule("hard", need),
        monthly_overtime=Rule("hard", cap),
        month_days=H,
        week_start_day=-offset,
        block_start_day=-offset,
        legal_overtime=True,
    )


def _history(days: list[tuple[dt.date, str]], week_from: dt.date) -> History:
    week = [BY_ID[s].minutes for d, s in days if d >= week_from]
    return History(
        week_minutes=sum(week),
        week_within_minutes=sum(min(m, 480) for m in week),
        block_days_worked=len([d for d, _ in days if d >= week_from]),
    )


def _module(week_start: int, cap: int) -> law.Settings:
    return law.Settings(week_start=week_start, agreement=law.Agreement(month_hours=cap // 60))


def _work(days: list[tuple[dt.date, str]]) -> list[law.WorkDay]:
    out = []
    for d, sid in days:
        s = BY_ID[sid]
        out.append(law.WorkDay(d, s.start, s.end, s.break_minutes))
    return out


roster_days = st.lists(
    st.tuples(st.integers(-6, H - 1), st.sampled_from([s.id for s in SHIFTS])),
    max_size=34,
    unique_by=lambda t: t[0],
)


@given(roster_days, st.integers(0, 6), st.sampled_from([20, 45]))
@settings(max_examples=120, deadline=None)
def test_checker_and_law_module_count_the_same_legal_overtime_and_rest_days(
    spec: list[tuple[int, str]], week_start: int, cap_hours: int
) -> None:
    rules = _rules(week_start, cap_hours * 60, 1)
    week_from = FIRST + dt.timedelta(days=rules.week_start_day)
    past = [(FIRST + dt.timedelta(days=d), s) for d, s in spec if d < 0]
    past = [(d, s) for d, s in past if d >= week_from]  # only the first week's part is history
    now = [(d, s) for d, s in spec if d >= 0]
    worker = Worker("w0", history=_history(past, week_from))
    p = Problem(horizon=H, shifts=SHIFTS, workers=(worker,), labour=rules, exempt_edges=False)
    days = {d: [BY_ID[s]] for d, s in now}
    assignments = [Assignment("w0", d, s) for d, s in now]

    result = law.evaluate(
        _module(week_start, cap_hours * 60),
        law.Worker(hire_date=dt.date(2020, 4, 1), birth_date=dt.date(1990, 1, 1)),
        _work([(FIRST + dt.timedelta(days=d), s) for d, s in spec if d >= rules.week_start_day]),
        period=(FIRST, FIRST + dt.timedelta(days=H - 1)),
    )
    # Rest days: the same weeks fail (weeks reaching back into history included).
    report = check(p, assignments)
    checker_rest = sum(1 for v in report.violations if "rest_days" in v)
    module_rest = len([f for f in result.by_rule("R3.3") if f.code == "rest_day_weekly"])
    assert checker_rest == module_rest
    # Legal overtime per day, when no week was worked in full (the engine plans a rest day a
    # week, so it never plans legal-holiday work; the module would count that as 35% work).
    if module_rest == 0:
        by_day = {d.date: d.overtime for d in result.days}
        engine = legal_overtime(p, worker, days)
        assert engine == [by_day.get(FIRST + dt.timedelta(days=d), 0) for d in range(H)]
        over_cap = any("monthly_overtime" in v for v in report.violations)
        assert over_cap == (result.month(2027, 2).overtime > cap_hours * 60)


@given(st.integers(0, 6), st.sampled_from([0, 8, 20]), st.integers(0, 3))
@settings(max_examples=6, deadline=None)
def test_rosters_the_model_finds_are_within_the_cap_by_the_modules_count(
    week_start: int, cap_hours: int, seed: int
) -> None:
    # Demand for a 12-hour shift every day: the model must stop at the cap of legal overtime.
    rules = _rules(week_start, cap_hours * 60, 1)
    p = Problem(
        horizon=H,
        shifts=(SHIFTS[2], SHIFTS[1]),
        workers=(Worker("w0"),),
        cover=tuple(Cover(d, "L", 1, 100) for d in range(H)),
        labour=rules,
    )
    sol = solve(p, Options(time_limit=3, workers=1, seed=seed))
    assert sol.status in ("optimal", "feasible")
    assert check(p, sol.assignments).violations == ()
    work = _work([(FIRST + dt.timedelta(days=a.day), a.shift) for a in sol.assignments])
    result = law.evaluate(
        _module(week_start, cap_hours * 60),
        law.Worker(hire_date=dt.date(2020, 4, 1), birth_date=dt.date(1990, 1, 1)),
        work,
    )
    assert result.month(2027, 2).overtime <= cap_hours * 60
    assert result.by_rule("R3.3") == () and result.by_rule("R3.4") == ()
    # And it is not stricter than the law: it uses the overtime it may (4 h a 12-hour day).
    assert result.month(2027, 2).overtime > cap_hours * 60 - 240


def _april(week_start: int, history: History, cap: int) -> Problem:
    first = dt.date(2027, 4, 1)
    offset = (first.weekday() - week_start) % 7
    rules = LabourRules(
        rest_days=Rule("hard", 1),
        monthly_overtime=Rule("hard", cap),
        month_days=30,
        week_start_day=-offset,
        block_start_day=-offset,
        legal_overtime=True,
    )
    return Problem(horizon=30, shifts=SHIFTS, workers=(Worker("w0", history=history),),
                   labour=rules, exempt_edges=False)  # fmt: skip


def test_the_engine_checker_refuses_the_week_of_29_march_to_4_april_2027() -> None:
    # 35条 on Monday weeks: 29–31 March come in as history, 1–4 April are planned.
    p = _april(0, History(week_minutes=1440, week_within_minutes=1440, block_days_worked=3), 2700)
    report = check(p, [Assignment("w0", d, "D") for d in range(4)])
    assert [v for v in report.violations if "rest_days" in v]
    # Saturday 3 April passes 40 h in the week: 8 h of legal overtime on day 2.
    assert legal_overtime(p, p.workers[0], {d: [BY_ID["D"]] for d in range(3)})[2] == 480


def test_the_engine_checker_refuses_the_68_hour_month() -> None:
    # 36条: 17 twelve-hour days Monday–Thursday in April 2027 are 68 h of legal overtime.
    days = [d for d in range(30) if (dt.date(2027, 4, 1) + dt.timedelta(d)).weekday() < 4]
    p = _april(6, History(), 45 * 60)
    report = check(p, [Assignment("w0", d, "L") for d in days])
    assert any("monthly_overtime exceeded by 1380" in v for v in report.violations)
