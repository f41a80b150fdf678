"""The issue's four cases on the Django surfaces: request, shift, timesheet, compliance page and
CSV all ask the law module and refuse or report the same thing (労基法32条, 34〜36条, 61条)."""

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django_scopes import scopes_disabled

from musubi.cooperatives.models import OvertimeAgreement
from musubi.dispatch.models import Roster, Shift, StaffingRequest
from musubi.dispatch.services import shift_assign, shift_problems, staffing_request_save
from tests import factories as f
from tests.conftest import Town
from tests.dispatch.factories import StaffingRequestFactory

APRIL = dt.date(2027, 4, 1)


@pytest.fixture
def town(town_a: Town) -> Town:
    with scopes_disabled():
        coop = town_a.cooperative
        coop.dispatch_notified_on = dt.date(2024, 4, 1)
        coop.save()
    return town_a


def _request(town: Town, start: int, end: int, brk: int, **kw: Any) -> StaffingRequest:
    req: StaffingRequest = StaffingRequestFactory(
        site=town.site,
        skill="",
        start_time=dt.time(start),
        end_time=dt.time(end) if end < 24 else dt.time(23, 30),
        break_minutes=brk,
        start_date=dt.date(2027, 3, 1),
        end_date=dt.date(2027, 5, 31),
        **kw,
    )
    return req


def _roster(town: Town, first: dt.date, last: dt.date) -> Roster:
    return Roster.objects.create(cooperative=town.cooperative, start_date=first, end_date=last)


def test_a_request_of_ten_hours_with_no_break_is_refused(town: Town) -> None:
    # 34条: over 8 h of work needs 60 minutes. A hard error, not a warning.
    with scopes_disabled():
        req = StaffingRequest(
            member=town.member, site=town.site, title="通し", start_date=APRIL,
            end_date=dt.date(2027, 4, 30), weekdays=[0], start_time=dt.time(8),
            end_time=dt.time(18), break_minutes=0, headcount=1,
        )  # fmt: skip
        with pytest.raises(ValidationError) as refused:
            staffing_request_save(request=req, cooperative=town.cooperative, actor=None)
        assert "break_minutes" in refused.value.message_dict
        assert "60分" in refused.value.message_dict["break_minutes"][0]
        assert not StaffingRequest.objects.filter(title="通し").exists()


def test_a_sixteen_year_old_is_refused_a_shift_until_23_30(town: Town) -> None:
    # 61条: no work between 22:00 and 05:00 under 18.
    with scopes_disabled():
        young = f.WorkerFactory(
            cooperative=town.cooperative, birth_date=dt.date(2011, 1, 10), age_certificate=True
        )
        late = _request(town, 15, 24, 60)
        roster = _roster(town, APRIL, dt.date(2027, 4, 30))
        errors, _ = shift_problems(
            roster=roster, worker=young, request=late, date=dt.date(2027, 4, 10)
        )
        assert any("22時から5時" in e for e in errors)
        with pytest.raises(ValidationError):
            shift_assign(roster=roster, worker=young, request=late, date=dt.date(2027, 4, 10),
                         actor=None)  # fmt: skip
        assert not Shift.objects.filter(worker=young).exists()


def test_a_worker_without_a_birth_date_is_not_dispatched(town: Town) -> None:
    with scopes_disabled():
        unknown = f.WorkerFactory(cooperative=town.cooperative, birth_date=None)
        req = _request(town, 9, 17, 60)
        roster = _roster(town, APRIL, dt.date(2027, 4, 30))
        errors, _ = shift_problems(roster=roster, worker=unknown, request=req, date=APRIL)
        assert any("生年月日" in e for e in errors)


def test_overtime_past_the_36_agreement_cap_is_refused_shift_by_shift(town: Town) -> None:
    # The 68 h case: 12-hour days Mon–Thu. 4 h of legal overtime each; the 12th passes 45 h.
    with scopes_disabled():
        long_day = _request(town, 7, 20, 60)
        roster = _roster(town, APRIL, dt.date(2027, 4, 30))
        days = [d for d in (APRIL + dt.timedelta(n) for n in range(30)) if d.weekday() < 4]
        booked = []
        refused = None
        for d in days:
            try:
                shift_assign(roster=roster, worker=town.worker, request=long_day, date=d,
                             actor=None)  # fmt: skip
                booked.append(d)
            except ValidationError as e:
                refused = (d, " ".join(e.messages))
                break
        assert len(booked) == 11  # 44 h of overtime
        assert refused is not None and "36協定の上限45時間" in refused[1]


def test_no_overtime_is_planned_without_a_36_agreement(town: Town) -> None:
    with scopes_disabled():
        OvertimeAgreement.objects.filter(cooperative=town.cooperative).delete()
        ten = _request(town, 8, 19, 60)  # 10 h of work
        roster = _roster(town, APRIL, dt.date(2027, 4, 30))
        errors, _ = shift_problems(roster=roster, worker=town.worker, request=ten, date=APRIL)
        assert any("有効な36協定がない" in e for e in errors)


def _week_across_months(town: Town) -> None:
    req = _request(town, 9, 18, 60)
    march = _roster(town, dt.date(2027, 3, 1), dt.date(2027, 3, 31))
    april = _roster(town, APRIL, dt.date(2027, 4, 30))
    for n in range(7):
        d = dt.date(2027, 3, 29) + dt.timedelta(n)
        Shift.objects.create(
            cooperative=town.cooperative, roster=march if d.month == 3 else april, request=req,
            worker=town.worker, site=town.site, date=d, start_time=req.start_time,
            end_time=req.end_time, break_minutes=60,
        )  # fmt: skip


def test_the_compliance_page_judges_the_week_across_march_and_april_whole(
    town: Town, as_user: Any
) -> None:
    with scopes_disabled():
        town.cooperative.week_start = 0  # the 就業規則 starts weeks on Monday
        town.cooperative.save()
        _week_across_months(town)
    client = as_user(town.coordinator)
    page = client.get(f"/c/{town.cooperative.slug}/dispatch/compliance/?month=2027-04")
    text = page.content.decode()
    assert "2027-03-29からの週：休日がありません" in text
    csv = client.get(f"/c/{town.cooperative.slug}/dispatch/compliance.csv?month=2027-04")
    row = next(r for r in csv.content.decode("utf-8-sig").splitlines() if str(town.worker) in r)
    cells = row.split(",")
    assert cells[3] == "8.0"  # legal overtime on Saturday 3 April
    assert cells[5] == "8.0"  # Sunday 4 April, the last day of a week worked in full
    # March alone sees the same week from its side.
    march = client.get(f"/c/{town.cooperative.slug}/dispatch/compliance/?month=2027-03")
    assert "2027-03-29からの週：休日がありません" in march.content.decode()


def test_the_compliance_page_is_not_shown_to_another_cooperative(
    town: Town, town_b: Town, as_user: Any
) -> None:
    client = as_user(town_b.coordinator)
    page = client.get(f"/c/{town.cooperative.slug}/dispatch/compliance/?month=2027-04")
    assert page.status_code == 404


def test_a_timesheet_of_ten_hours_without_a_break_is_saved_with_a_clear_finding(
    town: Town, as_user: Any
) -> None:
    with scopes_disabled():
        req = _request(town, 9, 18, 60)
        roster = _roster(town, APRIL, dt.date(2027, 4, 30))
        shift = Shift.objects.create(
            cooperative=town.cooperative, roster=roster, request=req, worker=town.worker,
            site=town.site, date=dt.date(2027, 4, 5), start_time=req.start_time,
            end_time=req.end_time, break_minutes=60,
        )  # fmt: skip
    url = f"/c/{town.cooperative.slug}/dispatch/shifts/{shift.pk}/timesheet/"
    # Actual hours exist only once the day has come (Tokyo time): enter them that evening.
    evening = dt.datetime(2027, 4, 5, 19, tzinfo=ZoneInfo("Asia/Tokyo"))
    with time_machine.travel(evening, tick=False):
        client = as_user(town.coordinator)
        response = client.post(
            url, {"actual_start": "08:00", "actual_end": "18:00", "break_minutes": "0"},
            follow=True,
        )  # fmt: skip
    text = response.content.decode()
    assert "60分以上の休憩が必要です" in text
    with scopes_disabled():
        assert shift.timesheet.break_minutes == 0


def test_the_paid_leave_book_counts_friday_to_tuesday_as_three_working_days(
    town: Town, town_b: Town, as_user: Any
) -> None:
    # 39条 / 労基則24条の7: 基準日, days granted, dates taken; leave on working days only.
    from musubi.workforce.models import LeaveRequest

    with scopes_disabled():
        LeaveRequest.objects.create(
            cooperative=town.cooperative, worker=town.worker, kind="paid", status="approved",
            start_date=dt.date(2026, 1, 9), end_date=dt.date(2026, 1, 13),
        )  # fmt: skip
    client = as_user(town.coordinator)
    slug = town.cooperative.slug
    body = client.get(f"/c/{slug}/dispatch/paid-leave-book.csv").content.decode("utf-8-sig")
    assert body.splitlines()[0].startswith("職員,基準日,付与日数")
    # Hired 1 April 2023: the grant of 1 October 2025 (12 days) holds 9, 12 and 13 January.
    row = next(r for r in body.splitlines() if "2025-10-01" in r)
    assert ",12,2026-09-30,3,2026-01-09 2026-01-12 2026-01-13,2" in row
    xlsx = client.get(f"/c/{slug}/dispatch/paid-leave-book.xlsx")
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    assert client.get(f"/c/{slug}/dispatch/paid-leave-book.pdf").status_code == 404
    outsider = as_user(town_b.coordinator)
    assert outsider.get(f"/c/{slug}/dispatch/paid-leave-book.csv").status_code == 404


def test_the_premium_hours_export_in_excel(town: Town, town_b: Town, as_user: Any) -> None:
    # 37条: overtime, beyond 60 h, legal-holiday work, night and their combinations per worker.
    import io

    from openpyxl import load_workbook

    with scopes_disabled():
        _week_across_months(town)
    client = as_user(town.coordinator)
    slug = town.cooperative.slug
    response = client.get(f"/c/{slug}/dispatch/compliance.xlsx?month=2027-04")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    header = [c.value for c in sheet[1]]
    assert header[3:10] == [
        "法定時間外(h)", "うち月60時間超(h)", "法定休日労働(h)", "深夜(h)", "時間外かつ深夜(h)",
        "60時間超かつ深夜(h)", "法定休日かつ深夜(h)",
    ]  # fmt: skip
    row = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[0] == str(town.worker))
    assert row[3] == "8.0"  # the Saturday of the week that began in March
    outsider = as_user(town_b.coordinator)
    assert outsider.get(f"/c/{slug}/dispatch/compliance.xlsx?month=2027-04").status_code == 404


def test_a_roster_run_never_gives_a_sixteen_year_old_night_work_or_a_short_break(
    town: Town,
) -> None:
    # The engine's input carries the law: minors get no 22:00–05:00 work and no shift over 8 h
    # (労基法60条・61条); a request whose break is short is left out (34条).
    from musubi.dispatch.problem import build_problem
    from musubi.engines.rostering.checker import check
    from musubi.engines.rostering.solver import Options, solve

    with scopes_disabled():
        young = f.WorkerFactory(
            cooperative=town.cooperative, birth_date=dt.date(2011, 1, 10), age_certificate=True
        )
        late = _request(town, 15, 24, 60, title="夜")
        StaffingRequest.objects.filter(pk=late.pk).update(headcount=2)
        legacy = _request(town, 8, 18, 60, title="通し")
        StaffingRequest.objects.filter(pk=legacy.pk).update(break_minutes=0)
        roster = _roster(town, APRIL, dt.date(2027, 4, 30))
        built = build_problem(roster=roster)
        sol = solve(built.problem, Options(time_limit=5, workers=1, seed=0))
        assert check(built.problem, sol.assignments).violations == ()
        assert not [a for a in sol.assignments if a.worker == f"w{young.pk}"]
        assert any("通し" in x and "34条" in x for x in built.excluded)
        assert not [a for a in sol.assignments if a.shift == f"r{legacy.pk}"]


def test_a_roster_run_plans_no_work_on_a_fixed_legal_holiday_without_an_agreement(
    town: Town,
) -> None:
    # 35条・36条1項: without a 36協定 allowing it, no work on the legal holiday is planned.
    from musubi.dispatch.problem import build_problem

    with scopes_disabled():
        town.cooperative.legal_holiday = 6
        town.cooperative.save()
        _request(town, 9, 17, 60)
        roster = _roster(town, APRIL, dt.date(2027, 4, 30))
        sundays = {d for d in range(30) if (APRIL + dt.timedelta(d)).weekday() == 6}
        with_agreement = build_problem(roster=roster).problem.workers[0]
        assert not sundays & set(with_agreement.days_off)
        OvertimeAgreement.objects.filter(cooperative=town.cooperative).delete()
        without = build_problem(roster=roster).problem.workers[0]
        assert sundays <= set(without.days_off)
