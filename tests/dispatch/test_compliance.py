"""Labour-law figures as pure functions (domain.md R3.1–R3.9)."""

import datetime as dt

from musubi.dispatch.compliance import (
    Month,
    WorkDay,
    cap_breaches,
    five_day_shortfall,
    longest_run,
    month_figures,
    night_minutes,
    paid_leave_granted,
    rest_day_shortfall,
)

MON = dt.date(2027, 4, 5)


def day(offset: int, start: str = "09:00", end: str = "18:00", brk: int = 60) -> WorkDay:
    h1, m1 = map(int, start.split(":"))
    h2, m2 = map(int, end.split(":"))
    return WorkDay(MON + dt.timedelta(days=offset), h1 * 60 + m1, h2 * 60 + m2, brk)


def test_time_beyond_eight_hours_a_day_is_overtime() -> None:
    m = month_figures([day(0, "08:00", "19:00")], MON, MON + dt.timedelta(days=6))
    assert m.worked == 600 and m.overtime == 120


def test_a_sixth_eight_hour_day_in_a_week_is_weekly_overtime() -> None:
    m = month_figures([day(i) for i in range(6)], MON, MON + dt.timedelta(days=6))
    assert m.overtime == 480 and m.holiday_work == 0 and m.rest_days == 1


def test_working_all_seven_days_makes_the_seventh_holiday_work() -> None:
    m = month_figures([day(i) for i in range(7)], MON, MON + dt.timedelta(days=6))
    assert m.holiday_work == 480
    assert m.longest_run == 7


def test_agriculture_days_count_hours_but_no_overtime() -> None:
    days = [day(0, "06:00", "19:00")]
    m = month_figures(days, MON, MON, exempt=frozenset({MON}))
    assert m.worked == 720 and m.overtime == 0


def test_night_minutes_are_those_between_ten_pm_and_five_am() -> None:
    assert night_minutes(20 * 60, 23 * 60) == 60
    assert night_minutes(4 * 60, 6 * 60) == 60
    assert night_minutes(9 * 60, 17 * 60) == 0


def test_a_short_rest_between_shifts_is_an_interval_breach() -> None:
    days = [day(0, "14:00", "23:00"), day(1, "07:00", "12:00", 0)]
    assert month_figures(days, MON, MON + dt.timedelta(days=1)).interval_breaches == 1


def test_longest_run_counts_consecutive_dates() -> None:
    dates = [MON + dt.timedelta(days=i) for i in (0, 1, 2, 4, 5)]
    assert longest_run(dates) == 3


def test_a_week_without_a_rest_day_is_short_and_four_in_four_weeks_is_counted_per_block() -> None:
    every_day = [MON + dt.timedelta(days=i) for i in range(28)]
    assert rest_day_shortfall(every_day, MON, MON + dt.timedelta(days=27)) == 4
    three_off = [d for d in every_day if d.day not in (10, 17, 24)]
    assert rest_day_shortfall(three_off, MON, MON + dt.timedelta(days=27), four_weeks_from=MON) == 1


def test_the_45_and_360_hour_caps_and_the_100_and_80_hour_rules() -> None:
    months = [Month(overtime=46 * 60)] + [Month(overtime=30 * 60)] * 11
    kinds = [c.kind for c in cap_breaches(months)]
    assert kinds == ["monthly_cap", "annual_cap"]
    heavy = [Month(overtime=70 * 60, holiday_work=31 * 60), Month(overtime=70 * 60)]
    kinds = {c.kind for c in cap_breaches(heavy, special_clause=True)}
    assert {"single_month_100", "average_80"} <= kinds


def test_paid_leave_is_granted_by_tenure_and_five_days_must_be_taken() -> None:
    hired = dt.date(2025, 4, 1)
    assert paid_leave_granted(hired, dt.date(2025, 9, 30)) == (None, 0)
    assert paid_leave_granted(hired, dt.date(2025, 10, 1)) == (dt.date(2025, 10, 1), 10)
    assert paid_leave_granted(hired, dt.date(2027, 1, 1)) == (dt.date(2026, 10, 1), 11)
    assert paid_leave_granted(dt.date(2010, 4, 1), dt.date(2027, 1, 1))[1] == 20
    assert five_day_shortfall(10, 2) == 3
    assert five_day_shortfall(7, 0) == 0


def test_the_annual_variable_system_lowers_the_caps_to_42_and_320_hours() -> None:
    from musubi.dispatch.compliance import overtime_caps

    assert overtime_caps(45, 360, annual_variable=False) == (45 * 60, 360 * 60)
    assert overtime_caps(45, 360, annual_variable=True) == (42 * 60, 320 * 60)
    assert overtime_caps(30, 300, annual_variable=True) == (30 * 60, 300 * 60)


def test_part_timers_get_proportional_paid_leave() -> None:
    hired = dt.date(2025, 4, 1)
    three_days = {"days_per_week": 3, "weekly_minutes": 3 * 360}
    assert paid_leave_granted(hired, dt.date(2025, 10, 1), **three_days)[1] == 5
    assert paid_leave_granted(dt.date(2015, 4, 1), dt.date(2027, 1, 1), **three_days)[1] == 11
    # 30 h a week or more is full-time whatever the days.
    assert paid_leave_granted(hired, dt.date(2025, 10, 1), days_per_week=4,
                              weekly_minutes=32 * 60)[1] == 10  # fmt: skip
