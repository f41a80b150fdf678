"""Bad input gets a clear Japanese message, and nothing is saved."""

import datetime as dt
from typing import Any

import pytest
from django_scopes import scopes_disabled

from musubi.dispatch.models import Shift, StaffingRequest, TimesheetEntry
from tests import factories as f
from tests.conftest import Town
from tests.dispatch.factories import RosterFactory, StaffingRequestFactory, shift_in


def _form(town: Town, **extra: Any) -> dict[str, Any]:
    data = {
        "member": town.member.pk, "site": town.site.pk, "title": "フロント", "work_kind": "general",
        "skill": "", "start_date": "2027-07-01", "end_date": "2027-08-31", "weekdays": ["5", "6"],
        "dates": "", "start_time": "09:00", "end_time": "17:00", "break_minutes": "60",
        "headcount": "1", "priority": "2", "note": "",
    }  # fmt: skip
    data.update(extra)
    return data


def _count() -> int:
    with scopes_disabled():
        return StaffingRequest.objects.count()


@pytest.fixture
def notified(town_a: Town) -> Town:
    with scopes_disabled():
        town_a.cooperative.dispatch_notified_on = dt.date(2024, 4, 1)
        town_a.cooperative.save()
    return town_a


def test_a_member_posts_a_valid_request_that_waits_for_approval(
    notified: Town, as_user: Any
) -> None:
    client = as_user(notified.member_user)
    response = client.post(
        f"/c/{notified.cooperative.slug}/dispatch/requests/new/", _form(notified)
    )
    assert response.status_code == 302
    with scopes_disabled():
        assert StaffingRequest.objects.get().status == "pending"


def test_an_overlapping_request_is_refused(notified: Town, as_user: Any) -> None:
    client = as_user(notified.member_user)
    url = f"/c/{notified.cooperative.slug}/dispatch/requests/new/"
    client.post(url, _form(notified))
    response = client.post(url, _form(notified, start_date="2027-08-01", end_date="2027-09-30"))
    assert "重複しています" in response.text
    assert _count() == 1


def test_demand_from_a_business_that_is_no_longer_a_member_is_refused(
    notified: Town, as_user: Any
) -> None:
    with scopes_disabled():
        notified.member.member_to = dt.date(2027, 7, 31)
        notified.member.save()
    response = as_user(notified.coordinator).post(
        f"/c/{notified.cooperative.slug}/dispatch/requests/new/", _form(notified)
    )
    assert "組合員からのみ受け付けます" in response.text
    assert _count() == 0


def test_demand_at_a_site_outside_the_district_is_refused(notified: Town, as_user: Any) -> None:
    with scopes_disabled():
        tokyo = f.SiteFactory(member=notified.member, name="有楽町店", municipality_code="13101")
    response = as_user(notified.coordinator).post(
        f"/c/{notified.cooperative.slug}/dispatch/requests/new/", _form(notified, site=tokyo.pk)
    )
    assert "地区" in response.text and "派遣できません" in response.text
    assert _count() == 0


def test_prohibited_work_is_refused(notified: Town, as_user: Any) -> None:
    response = as_user(notified.coordinator).post(
        f"/c/{notified.cooperative.slug}/dispatch/requests/new/",
        _form(notified, work_kind="construction"),
    )
    assert "建設業務" in response.text and "派遣できません" in response.text
    assert _count() == 0


def test_a_fixed_term_worker_cannot_be_given_a_shift(notified: Town, as_user: Any) -> None:
    with scopes_disabled():
        temp = f.WorkerFactory(cooperative=notified.cooperative, contract_type="fixed_term",
                               contract_end=dt.date(2028, 3, 31))  # fmt: skip
        req = StaffingRequestFactory(site=notified.site)
        roster = RosterFactory(cooperative=notified.cooperative)
    response = as_user(notified.coordinator).post(
        f"/c/{notified.cooperative.slug}/dispatch/rosters/{roster.pk}/shifts/",
        {"worker": temp.pk, "request": req.pk, "date": "2027-04-05"}, follow=True,
    )  # fmt: skip
    assert "有期雇用" in response.text
    with scopes_disabled():
        assert not Shift.objects.exists()


def test_a_timesheet_ending_before_it_starts_is_refused(notified: Town, as_user: Any) -> None:
    with scopes_disabled():
        shift = shift_in(notified)
        shift.roster.status = "published"
        shift.roster.save()
    response = as_user(notified.worker_user).post(
        f"/c/{notified.cooperative.slug}/dispatch/shifts/{shift.pk}/timesheet/",
        {"actual_start": "17:00", "actual_end": "09:00", "break_minutes": "60"},
    )
    assert "終了時刻が開始時刻より前" in response.text
    with scopes_disabled():
        assert not TimesheetEntry.objects.exists()


def test_dispatch_before_the_notification_date_is_refused(town_a: Town, as_user: Any) -> None:
    response = as_user(town_a.coordinator).post(
        f"/c/{town_a.cooperative.slug}/dispatch/requests/new/", _form(town_a)
    )
    assert "届出" in response.text
    assert _count() == 0


def test_another_cooperatives_member_user_cannot_post_here(
    notified: Town, town_b: Town, as_user: Any
) -> None:
    response = as_user(town_b.member_user).post(
        f"/c/{notified.cooperative.slug}/dispatch/requests/new/", _form(notified)
    )
    assert response.status_code == 404
    assert _count() == 0
