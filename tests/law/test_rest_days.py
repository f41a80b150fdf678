"""R3.3 rest days — 労働基準法35条: one a week, or four in every 4 weeks counted from the 起算日
the 就業規則 states (35条2項, 則12条の2第2項)."""

import datetime as dt

from musubi.engines.labour import Leave, RestRule, Settings, evaluate

from .cases import ADULT, AGREED, SETTINGS, D, day, days


def four_weeks(origin: dt.date) -> Settings:
    return Settings(rest_rule=RestRule.FOUR_WEEKS, rest_origin=origin, agreement=AGREED)


def test_a_year_without_a_rest_day_flags_every_four_week_block():
    # Issue 11: the engine counted blocks from the roster's first day and flagged 1 of 13.
    origin = D(2027, 4, 4)
    r = evaluate(four_weeks(origin), ADULT, days(origin, 364, brk=60))
    blocks = r.by_rule("R3.3")
    rest = [f for f in blocks if f.code == "rest_days_four_weeks"]
    assert len(rest) == 13
    assert [f.date for f in rest] == [origin + dt.timedelta(days=28 * i) for i in range(13)]


def test_blocks_start_on_the_origin_not_on_the_first_worked_day():
    # 則12条の2第2項: blocks run from the 起算日. 28 days worked from 15 April straddle the
    # blocks 1–28 April and 29 April–26 May, each with 14 free days: lawful. Counted from the
    # first worked day they would have made one block without any rest day.
    origin = D(2027, 4, 1)
    assert evaluate(four_weeks(origin), ADULT, days(D(2027, 4, 15), 28)).by_rule("R3.3") == ()
    # Shift the origin to 15 April and the same days are one block with no rest day.
    r = evaluate(four_weeks(D(2027, 4, 15)), ADULT, days(D(2027, 4, 15), 28))
    assert [f.date for f in r.by_rule("R3.3")] == [D(2027, 4, 15)]


def test_four_rest_days_anywhere_in_the_block_satisfy_the_rule():
    origin = D(2027, 4, 4)
    work = days(origin + dt.timedelta(days=4), 24)  # 4 free days at the start
    assert evaluate(four_weeks(origin), ADULT, work).by_rule("R3.3") == ()


def test_the_weekly_rule_uses_the_fixed_week_and_judges_weeks_across_months():
    # 35条1項 on Sunday weeks: 28 Feb (Sun) – 6 Mar 2027 worked in full spans two months.
    r = evaluate(SETTINGS, ADULT, days(D(2027, 2, 28), 7))
    [f] = r.by_rule("R3.3")
    assert f.date == D(2027, 2, 28) and f.last == D(2027, 3, 6)
    # Judging March alone still sees the whole week.
    march = evaluate(
        SETTINGS, ADULT, days(D(2027, 2, 28), 7), period=(D(2027, 3, 1), D(2027, 3, 31))
    )
    assert [x.date for x in march.by_rule("R3.3")] == [D(2027, 2, 28)]


def test_a_paid_leave_day_is_a_working_day_not_a_rest_day():
    # 39条 leave is taken on 労働日: a week of six worked days and one leave day had no 休日.
    work = days(D(2027, 4, 4), 6)
    r = evaluate(SETTINGS, ADULT, work, [Leave(D(2027, 4, 10))])
    assert [f.date for f in r.by_rule("R3.3")] == [D(2027, 4, 4)]


def test_farm_days_under_article_41_count_as_worked_days():
    # Issue 11: 41条1号 days were counted as rest days. They are days of work.
    work = [
        *days(D(2027, 4, 4), 5),
        day(D(2027, 4, 9), exempt=True),
        day(D(2027, 4, 10), exempt=True),
    ]
    r = evaluate(SETTINGS, ADULT, work)
    assert [f.date for f in r.by_rule("R3.3")] == [D(2027, 4, 4)]


def test_work_past_midnight_takes_the_next_calendar_day_as_well():
    # A 休日 is a calendar day free of work (昭和23年基発535号): a night shift ending Sunday
    # morning leaves no rest day in a week worked Monday–Saturday.
    work = [*days(D(2027, 4, 5), 5), day(D(2027, 4, 10), "22:00", "06:00")]
    # Sunday 4 April is free: the Sunday week 4–10 April has a rest day …
    assert evaluate(SETTINGS, ADULT, work).by_rule("R3.3") == ()
    # … but a week Monday–Sunday loses Sunday 11 April to the night shift's tail.
    r = evaluate(Settings(week_start=0, agreement=AGREED), ADULT, work)
    assert [f.date for f in r.by_rule("R3.3")] == [D(2027, 4, 5)]
