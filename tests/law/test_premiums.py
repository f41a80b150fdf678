"""R3.8 premium hours — 労働基準法37条: overtime (25%), beyond 60 h a month (50%, 37条1項ただし書,
SMEs too since 2023-04-01), legal-holiday work (35%), night 22:00–05:00 (+25%, 37条4項), and
their combinations (60 h+ at night 75%, holiday at night 60%)."""

from musubi.engines.labour import Settings, evaluate

from .cases import ADULT, AGREED, SETTINGS, D, day, span


def test_night_minutes_are_counted_between_22_and_5_with_the_break_mid_span():
    # 22:00–07:00 with a 60-minute break in the middle (02:00–03:00): 6 h of night work.
    r = evaluate(SETTINGS, ADULT, [day(D(2027, 4, 5), "22:00", "07:00")])
    [d] = r.days
    assert d.worked == 480 and d.night == 360


def test_overtime_at_night_is_the_last_minutes_of_the_day():
    # 13:00–24:00 with 60 minutes: 10 h worked, the last 2 h (22:00–24:00) are overtime at night.
    r = evaluate(SETTINGS, ADULT, [day(D(2027, 4, 5), "13:00", "00:00")])
    [d] = r.days
    assert (d.overtime, d.night, d.overtime_night) == (120, 120, 120)


def test_overtime_past_60_hours_in_a_month_and_its_night_part():
    # 17 April days × 4 h overtime ending at 23:00: the last 8 h of the month pass 60 h.
    work = [
        day(d, "10:00", "23:00") for d in span(D(2027, 4, 1), D(2027, 4, 30)) if d.weekday() < 4
    ]
    m = evaluate(SETTINGS, ADULT, work).month(2027, 4)
    assert m.overtime == 68 * 60 and m.over_60h == 8 * 60
    assert m.night == 17 * 60  # 22:00–23:00 each day
    assert m.overtime_night == 17 * 60
    assert m.over_60h_night == 2 * 60  # the two days past 60 h, one night hour each


def test_holiday_work_at_night_and_the_60_hour_count_excluding_legal_holidays():
    # The 60 h count excludes 法定休日 work but includes 所定休日 work (Saturday here).
    sunday_holiday = Settings(legal_holiday=6, agreement=AGREED)
    r = evaluate(sunday_holiday, ADULT, [day(D(2027, 4, 4), "18:00", "03:00")])  # Sunday
    [d] = r.days
    # Break 22:00–23:00 (mid-span). Sunday 18:00–22:00 and 23:00–24:00 are holiday work; the
    # hours after midnight fall on Monday, an ordinary day.
    assert (d.holiday, d.holiday_night, d.night, d.overtime) == (300, 60, 240, 0)
    sat = evaluate(sunday_holiday, ADULT, [day(D(2027, 4, 3), "08:00", "20:00")])
    assert sat.days[0].overtime == 180 and sat.days[0].holiday == 0


def test_night_work_of_farm_days_still_counts():
    # 41条 excludes hours and holidays, not the night premium (41条, 昭和63年基発150号).
    r = evaluate(SETTINGS, ADULT, [day(D(2027, 4, 5), "03:00", "14:00", exempt=True)])
    [d] = r.days
    assert d.night == 120 and d.overtime == 0
