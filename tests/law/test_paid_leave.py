"""R3.9 annual paid leave — 労働基準法39条: grants on the 基準日 (6 months, then yearly), 比例付与
(39条3項, 則24条の3) by scheduled days a week, leave per working day with half days, and the
employer's duty to see 5 days taken within a year of a grant of 10 days or more (39条7項)."""

from musubi.engines.labour import Leave, Worker, evaluate
from musubi.engines.labour.leave import grants, paid_leave, working_days

from .cases import SETTINGS, D, day


def test_four_days_of_six_hours_a_week_is_granted_seven_days_not_five():
    # Issue 11: 比例付与 was picked from monthly minutes. 24 h/week and 4 days → 7 days.
    w = Worker(hire_date=D(2026, 4, 1), days_per_week=4, weekly_minutes=24 * 60)
    assert grants(w, D(2026, 10, 1)) == [(D(2026, 10, 1), 7)]


def test_four_days_of_eight_hours_is_full_time_because_it_reaches_30_hours():
    w = Worker(hire_date=D(2026, 4, 1), days_per_week=4, weekly_minutes=32 * 60)
    assert grants(w, D(2026, 10, 1)) == [(D(2026, 10, 1), 10)]


def test_grants_follow_the_table_and_stay_at_20_days_after_six_and_a_half_years():
    w = Worker(hire_date=D(2019, 4, 1))
    got = [days for _, days in grants(w, D(2027, 10, 1))]
    assert got == [10, 11, 12, 14, 16, 18, 20, 20, 20]
    assert grants(w, D(2019, 9, 30)) == []


def test_friday_to_tuesday_leave_is_three_working_days():
    # Issue 11: counted in calendar days it was 5. Leave is taken on working days only.
    dates = working_days(D(2027, 4, 2), D(2027, 4, 6), rest_weekdays=(5, 6))
    assert dates == [D(2027, 4, 2), D(2027, 4, 5), D(2027, 4, 6)]
    w = Worker(hire_date=D(2026, 4, 1))
    years, _ = paid_leave(w, [Leave(d) for d in dates], D(2027, 4, 30))
    assert years[0].taken == 3


def test_half_days_count_as_half_and_one_date_never_counts_more_than_a_day():
    w = Worker(hire_date=D(2026, 4, 1))
    leave = [Leave(D(2027, 1, 5), 0.5), Leave(D(2027, 1, 6), 0.5), Leave(D(2027, 1, 6), 1)]
    years, _ = paid_leave(w, leave, D(2027, 4, 30))
    assert years[0].taken == 1.5


def test_the_five_day_obligation_is_reported_on_the_grant_date_once_the_year_is_over():
    w = Worker(hire_date=D(2026, 4, 1), birth_date=D(1990, 1, 1))
    leave = [Leave(D(2027, 1, 5)), Leave(D(2027, 1, 6), 0.5)]
    during = evaluate(SETTINGS, w, [day(D(2027, 1, 4))], leave, as_of=D(2027, 9, 30))
    assert during.paid_leave[0].five_day_shortfall == 3.5
    assert during.by_rule("R3.9") == ()
    after = evaluate(SETTINGS, w, [day(D(2027, 1, 4))], leave, as_of=D(2027, 10, 1))
    [f] = after.by_rule("R3.9")
    assert f.date == D(2026, 10, 1) and "3.5 short" in f.detail


def test_no_five_day_duty_under_a_grant_of_fewer_than_ten_days():
    w = Worker(hire_date=D(2026, 4, 1), days_per_week=4, weekly_minutes=24 * 60)
    years, findings = paid_leave(w, [], D(2027, 10, 2))
    assert years[0].days == 7 and years[0].five_day_shortfall == 0 and findings == []
