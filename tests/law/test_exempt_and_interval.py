"""R3.6 労働基準法41条1号 (agriculture): no hours, breaks or holidays, but night premium and leave
still apply, and the days are days of work. R3.7 勤務間インターバル (労働時間等設定改善法2条): a
duty of effort — a warning, not a breach."""

from musubi.engines.labour import Settings, evaluate

from .cases import ADULT, AGREED, SETTINGS, D, day, days


def test_farm_days_have_no_overtime_or_holiday_work():
    work = [day(d.date, "05:00", "19:00", exempt=True) for d in days(D(2027, 4, 4), 7)]
    r = evaluate(Settings(legal_holiday=6, agreement=AGREED), ADULT, work)
    m = r.month(2027, 4)
    assert (m.overtime, m.holiday) == (0, 0)
    assert m.worked == 7 * 13 * 60
    # No break or overtime findings; still no rest day that week (the days are days of work).
    assert {f.rule for f in r.findings if f.date.year == 2027} == {"R3.3"}


def test_farm_hours_do_not_count_toward_the_40_hours_of_a_mixed_week():
    # [U] in domain.md: how to split a mixed week. The module counts only non-exempt hours.
    work = [*days(D(2027, 4, 5), 4), day(D(2027, 4, 9), exempt=True), day(D(2027, 4, 10))]
    r = evaluate(SETTINGS, ADULT, work)
    assert r.month(2027, 4).overtime == 0


def test_less_than_the_set_interval_between_two_days_is_a_warning_on_the_later_day():
    work = [day(D(2027, 4, 5), "13:00", "23:00"), day(D(2027, 4, 6), "08:00", "17:00")]
    r = evaluate(SETTINGS, ADULT, work)
    [f] = r.by_rule("R3.7")
    assert f.date == D(2027, 4, 6) and not f.hard
    assert "9h00" in f.detail
    relaxed = Settings(agreement=AGREED, interval_minutes=9 * 60)
    assert evaluate(relaxed, ADULT, work).by_rule("R3.7") == ()
