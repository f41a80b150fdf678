"""R3.5 the annual variable system — 労働基準法32条の4, 則12条の4: overtime against the calendar's
scheduled hours, 10 h/52 h, weeks over 48 h, 280 days, 6 (or 12) consecutive days; 42/320 h caps."""

import datetime as dt

from musubi.engines.labour import Agreement, Settings, VariableCalendar, Worker, evaluate

from .cases import D, day, span

START, END = D(2027, 4, 1), D(2028, 3, 31)


def calendar(scheduled: dict[dt.date, int], **kw: object) -> Settings:
    cal = VariableCalendar(START, END, tuple(sorted(scheduled.items())))
    return Settings(variable=cal, agreement=Agreement(), **kw)  # type: ignore[arg-type]


VARIABLE = Worker(hire_date=D(2025, 4, 1), birth_date=D(1990, 5, 1), variable=True)


def test_a_day_scheduled_at_9_hours_has_overtime_only_beyond_9_hours():
    # 平成6年基発1号: a day scheduled above 8 h is measured against its schedule.
    d = D(2027, 4, 5)
    s = calendar({d: 540})
    r = evaluate(s, VARIABLE, [day(d, "08:00", "18:00")])  # 9 h
    assert r.days[0].overtime == 0
    r = evaluate(s, VARIABLE, [day(d, "08:00", "19:00")])  # 10 h
    assert r.days[0].overtime == 60
    # A day scheduled at 7 h is measured against 8 h, not 7.
    r = evaluate(calendar({d: 420}), VARIABLE, [day(d, "08:00", "18:00")])
    assert r.days[0].overtime == 60


def test_a_week_scheduled_at_45_hours_has_overtime_only_beyond_45_hours():
    week = span(D(2027, 4, 4), D(2027, 4, 9))  # Sun–Fri, 6 days × 7h30 = 45 h
    s = calendar({d: 450 for d in week})
    r = evaluate(s, VARIABLE, [day(d, "08:00", "16:30") for d in week])
    assert sum(x.overtime for x in r.days) == 0
    standard = Worker(hire_date=D(2025, 4, 1), birth_date=D(1990, 5, 1))
    r = evaluate(s, standard, [day(d, "08:00", "16:30") for d in week])
    assert sum(x.overtime for x in r.days) == 300  # 5 h beyond 40 h outside the system


def test_calendar_limits_of_the_variable_system_are_reported():
    # 則12条の4第4項: ≤10 h a day, ≤52 h a week; over 3 months ≤3 consecutive weeks over 48 h.
    long_day = {D(2027, 4, 5): 660}
    r = evaluate(calendar(long_day), VARIABLE, [day(D(2027, 4, 5), "08:00", "20:00")])
    assert [f.code for f in r.by_rule("R3.5")] == ["day_10h"]
    heavy = {}
    for w in range(4):
        first = D(2027, 4, 4) + dt.timedelta(weeks=w)
        heavy.update({first + dt.timedelta(days=i): 540 for i in range(6)})  # 54 h weeks
    codes = [f.code for f in evaluate(calendar(heavy), VARIABLE, []).by_rule("R3.5")]
    assert codes == []  # no work: findings come with work
    r = evaluate(calendar(heavy), VARIABLE, [day(D(2027, 4, 5))])
    codes = [f.code for f in r.by_rule("R3.5")]
    assert codes.count("week_52h") == 4 and "weeks_48h_run" in codes and "weeks_48h_block" in codes


def test_more_than_280_scheduled_days_in_a_year_is_a_breach():
    every_day = {d: 420 for d in span(START, END)}
    r = evaluate(calendar(every_day), VARIABLE, [day(D(2027, 4, 5))])
    assert "days_280" in [f.code for f in r.by_rule("R3.5")]


def test_at_most_six_consecutive_working_days():
    # 則12条の4第5項: 6 consecutive days, 12 inside a 特定期間.
    work = [day(d) for d in span(D(2027, 4, 4), D(2027, 4, 10))]
    s = calendar({x.date: 480 for x in work})
    [f] = [f for f in evaluate(s, VARIABLE, work).by_rule("R3.5") if f.code == "consecutive"]
    assert f.date == D(2027, 4, 10)


def test_caps_are_42_and_320_hours_under_a_variable_period_over_3_months():
    # 36条4項: 42 h a month under 32条の4 with a period over 3 months.
    days = [d for d in span(D(2027, 4, 1), D(2027, 4, 30)) if d.weekday() < 4]
    s = calendar({d: 480 for d in days})
    work = [day(d, "08:00", "19:45") for d in days]  # 2h45 × 17 = 46h45
    codes = [f.code for f in evaluate(s, VARIABLE, work).by_rule("R3.4")]
    assert codes == ["month_cap"]


def test_the_period_total_above_40_hours_a_week_on_average_is_overtime_at_the_end():
    # 32条の4: time within the daily and weekly limits that still passes 40 h × days/7 over the
    # period is overtime, counted when the period ends. Two weeks scheduled 48 h + 40 h = 88 h
    # against 80 h: 8 h of overtime on the last day, though no day or week passed its schedule.
    week1 = span(D(2027, 4, 4), D(2027, 4, 9))  # Sun–Fri
    week2 = span(D(2027, 4, 12), D(2027, 4, 16))  # Mon–Fri
    cal = VariableCalendar(D(2027, 4, 4), D(2027, 4, 17), tuple((d, 480) for d in week1 + week2))
    s = Settings(variable=cal, agreement=Agreement())
    work = [day(d) for d in week1 + week2]
    r = evaluate(s, VARIABLE, work, as_of=D(2027, 4, 30))
    assert [(d.date, d.overtime) for d in r.days if d.overtime] == [(D(2027, 4, 17), 480)]
    # Before the period ends the figure is not final and is not counted.
    assert evaluate(s, VARIABLE, work, as_of=D(2027, 4, 16)).month(2027, 4).overtime == 0
