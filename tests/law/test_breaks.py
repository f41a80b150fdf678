"""R3.2 breaks — 労働基準法34条1項: over 6 h of work needs 45 minutes, over 8 h needs 60."""

from musubi.engines.labour import WorkDay, evaluate
from musubi.engines.labour.days import break_shortfall, required_break

from .cases import ADULT, SETTINGS, D, codes, day


def test_a_ten_hour_shift_with_no_break_is_a_breach_of_article_34():
    # The case: 10 h with a 0-minute break was saved with a soft warning only.
    r = evaluate(SETTINGS, ADULT, [day(D(2027, 4, 5), "08:00", "18:00", brk=0)])
    [f] = r.by_rule("R3.2")
    assert f.date == D(2027, 4, 5) and f.hard
    assert "60 minutes required" in f.detail
    assert break_shortfall(WorkDay(D(2027, 4, 5), 480, 1080, 0)) == 60


def test_exactly_six_hours_needs_no_break_and_exactly_eight_needs_45_minutes():
    # 34条: "6時間を超える場合" / "8時間を超える場合" — the boundaries themselves are not over.
    assert required_break(360) == 0
    assert required_break(361) == 45
    assert required_break(480) == 45
    assert required_break(481) == 60
    ok = [
        day(D(2027, 4, 5), "09:00", "15:00", brk=0),  # 6:00
        day(D(2027, 4, 6), "09:00", "17:45", brk=45),  # 8:00 worked
    ]
    assert evaluate(SETTINGS, ADULT, ok).by_rule("R3.2") == ()


def test_a_45_minute_break_is_short_once_work_passes_eight_hours():
    # 9:00–18:00 with 45 minutes is 8 h 15 min of work: 34条 asks for 60.
    r = evaluate(SETTINGS, ADULT, [day(D(2027, 4, 5), "09:00", "18:00", brk=45)])
    assert codes(r, "R3.2") == [("break", D(2027, 4, 5))]


def test_two_spans_on_one_day_add_up_and_the_gap_between_them_is_break_time():
    # 34条 counts the day's working time; free time between two spans is rest.
    d = D(2027, 4, 5)
    split = [day(d, "08:00", "12:00", brk=0), day(d, "13:00", "18:00", brk=0)]
    assert evaluate(SETTINGS, ADULT, split).by_rule("R3.2") == ()
    tight = [day(d, "08:00", "12:00", brk=0), day(d, "12:30", "17:00", brk=0)]
    assert codes(evaluate(SETTINGS, ADULT, tight), "R3.2") == [("break", d)]


def test_farm_days_under_article_41_have_no_break_rule():
    # 41条1号 excludes 34条 for agriculture.
    r = evaluate(SETTINGS, ADULT, [day(D(2027, 4, 5), "06:00", "17:00", brk=0, exempt=True)])
    assert r.by_rule("R3.2") == ()
