"""R3.10 minors — 労働基準法56〜64条: no employment before the end of compulsory schooling (56条),
age certificate (57条), no variable system, overtime or legal-holiday work (60条), no night work
22:00–05:00 (61条); the age is judged on the date of each shift."""

from musubi.engines.labour import Agreement, Settings, VariableCalendar, Worker, evaluate

from .cases import SETTINGS, D, day, days

SIXTEEN = Worker(hire_date=D(2027, 4, 1), birth_date=D(2011, 1, 10), age_certificate=True)


def codes(r):
    return [(f.code, f.date) for f in r.by_rule("R3.10")]


def test_a_sixteen_year_old_working_until_23_30_is_a_breach_of_article_61():
    # Issue 11: 15:00–23:30 was given to a 16-year-old with no error.
    r = evaluate(SETTINGS, SIXTEEN, [day(D(2027, 5, 8), "15:00", "23:30")])
    assert codes(r) == [("night", D(2027, 5, 8))]
    assert "15:00–23:30" in r.by_rule("R3.10")[0].detail


def test_the_age_is_judged_on_each_shifts_date():
    # Born 10 January 2011: 17 on 9 January 2029, 18 on 10 January 2029.
    work = [day(D(2029, 1, 9), "15:00", "23:30"), day(D(2029, 1, 10), "15:00", "23:30")]
    assert codes(evaluate(SETTINGS, SIXTEEN, work)) == [("night", D(2029, 1, 9))]


def test_minors_may_not_work_overtime_or_on_the_legal_holiday_even_under_a_36_agreement():
    # 60条1項: 36条 does not apply to minors.
    s = Settings(legal_holiday=6, agreement=Agreement())
    work = [day(D(2027, 5, 9)), day(D(2027, 5, 10), "08:00", "19:00")]  # Sunday, then 10 h
    assert codes(evaluate(s, SIXTEEN, work)) == [
        ("holiday", D(2027, 5, 9)),
        ("overtime", D(2027, 5, 10)),
    ]


def test_an_age_certificate_is_required_and_the_variable_system_is_refused():
    w = Worker(hire_date=D(2027, 4, 1), birth_date=D(2011, 1, 10), variable=True)
    cal = VariableCalendar(D(2027, 4, 1), D(2028, 3, 31), ())
    r = evaluate(Settings(variable=cal, agreement=Agreement()), w, [day(D(2027, 5, 10))])
    assert codes(r) == [("age_certificate", D(2027, 5, 10)), ("variable", D(2027, 5, 10))]


def test_no_work_before_the_31_march_after_the_fifteenth_birthday():
    # 56条1項. Born 1 April 2012 reaches 15 at the end of 31 March 2027 (年齢計算ニ関スル法律):
    # school ends that day. Born 2 April 2012 stays at school until 31 March 2028.
    early = Worker(hire_date=D(2027, 4, 1), birth_date=D(2012, 4, 1), age_certificate=True)
    late = Worker(hire_date=D(2027, 4, 1), birth_date=D(2012, 4, 2), age_certificate=True)
    work = [day(D(2027, 4, 5), "09:00", "15:00", brk=0)]
    assert codes(evaluate(SETTINGS, early, work)) == []
    assert codes(evaluate(SETTINGS, late, work)) == [("child", D(2027, 4, 5))]


def test_a_missing_birth_date_is_reported():
    w = Worker(hire_date=D(2027, 4, 1))
    assert codes(evaluate(SETTINGS, w, days(D(2027, 4, 5), 1))) == [
        ("birth_date_missing", D(2027, 4, 5))
    ]
