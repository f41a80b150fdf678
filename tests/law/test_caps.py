"""R3.4 36協定 limits — 労働基準法36条4項〜6項: 45 h/360 h (42/320 under a long variable
period), the special clause (≤6 months over, ≤720 h), and <100 h / ≤80 h averages always."""

import datetime as dt

from musubi.engines.labour import Agreement, Settings, evaluate

from .cases import ADULT, AGREED, SETTINGS, D, day, span


def mon_to_thu(year: int, month: int, start: str, end: str, brk: int = 60) -> list:
    first = D(year, month, 1)
    last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return [day(d, start, end, brk) for d in span(first, last) if d.weekday() < 4]


def test_four_twelve_hour_days_a_week_are_68_hours_of_overtime_above_a_45_hour_cap():
    # Issue 11: the engine capped total hours and passed this month as clean. April 2027 has
    # 17 Mondays–Thursdays; 12 h each is 4 h of daily overtime (32条2項): 68 h.
    work = mon_to_thu(2027, 4, "07:00", "20:00")
    r = evaluate(SETTINGS, ADULT, work)
    m = r.month(2027, 4)
    assert m.overtime == 68 * 60
    assert m.over_60h == 8 * 60
    [f] = [f for f in r.by_rule("R3.4") if f.code == "month_cap"]
    assert f.date == D(2027, 4, 1)
    assert "68h00" in f.detail


def test_a_special_clause_allows_a_month_over_45_hours_but_not_a_seventh():
    # 36条5項: months over the normal cap at most 6 in the agreement's year.
    special = Settings(agreement=Agreement(special_clause=True, special_month_hours=80))
    work = []
    for month in (4, 5, 6, 7, 8, 9, 10):  # 2027-04 … 2027-10, ~64–76 h each
        work += mon_to_thu(2027, month, "07:00", "20:00")
    r = evaluate(special, ADULT, work)
    assert [f.code for f in r.by_rule("R3.4") if f.code == "month_cap"] == []
    [seventh] = [f for f in r.by_rule("R3.4") if f.code == "special_months"]
    assert seventh.date == D(2027, 10, 1)


def test_100_hours_of_overtime_and_holiday_work_in_a_month_is_a_breach_even_when_agreed():
    # 36条6項2号: under 100 h including legal-holiday work, special clause or not.
    work = mon_to_thu(2027, 3, "06:00", "23:00", brk=60)  # 19 days × 16 h = 8 h OT each
    r = evaluate(Settings(agreement=Agreement(special_clause=True)), ADULT, work)
    assert r.month(2027, 3).overtime == 19 * 8 * 60
    assert [f.date for f in r.by_rule("R3.4") if f.code == "month_100h"] == [D(2027, 3, 1)]


def test_the_80_hour_average_reaches_back_across_the_business_year_boundary():
    # 36条6項3号: every 2–6-month window, regardless of the 36協定 year starting in April.
    # March 2027: 19 days × 5 h = 95 h; April 2027: 17 days × 4 h = 68 h → (95+68)/2 = 81.5 h.
    march = mon_to_thu(2027, 3, "06:00", "20:00", brk=60)  # 13 h: 5 h overtime
    april = mon_to_thu(2027, 4, "07:00", "20:00")  # 12 h: 4 h overtime
    r = evaluate(Settings(agreement=Agreement(special_clause=True)), ADULT, march + april,
                 period=(D(2027, 4, 1), D(2027, 4, 30)))  # fmt: skip
    [f] = [f for f in r.by_rule("R3.4") if f.code == "average_80h"]
    assert f.date == D(2027, 4, 1) and "81.5 h over 2 months" in f.detail


def test_the_annual_cap_is_counted_from_the_business_year_start():
    # 360 h a year from 1 April: 9 months of ~41–45 h stay under 45 h a month but pass 360 h.
    agreed = Settings(agreement=Agreement(month_hours=45, year_hours=360))
    work = []
    for y, m in [(2027, x) for x in range(4, 13)] + [(2028, 1)]:
        first = D(y, m, 1)
        for d in span(first, first + dt.timedelta(days=27)):
            if d.weekday() < 5 and len([x for x in work if x.date.month == m]) < 20:
                work.append(day(d, "08:00", "19:15", brk=60))  # 10h15: 2h15 overtime
    r = evaluate(agreed, ADULT, work)
    assert all(x.overtime <= 45 * 60 for x in r.months)
    [f] = [f for f in r.by_rule("R3.4") if f.code == "year_cap"]
    total = 0
    for x in r.months:
        total += x.overtime
        if total > 360 * 60:
            assert f.date == D(x.year, x.month, 1)
            break


def test_holiday_work_is_not_overtime_for_the_45_hour_cap():
    # 36条 caps count overtime only; legal-holiday work is its own count (R3.4).
    sundays = [d for d in span(D(2027, 4, 1), D(2027, 4, 30)) if d.weekday() == 6]
    holiday = Settings(legal_holiday=6, agreement=AGREED)
    r = evaluate(holiday, ADULT, [day(d, "06:00", "23:00", brk=60) for d in sundays])
    assert r.month(2027, 4).overtime == 0 and r.month(2027, 4).holiday == 4 * 16 * 60
    assert r.by_rule("R3.4") == ()
