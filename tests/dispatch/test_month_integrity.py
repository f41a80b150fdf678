"""The month holds together: publish asks first, leave on a published shift proposes a repair,
leave on shift days warns, wishes come only before publication, "today" is Tokyo's."""

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import time_machine
from django_scopes import scopes_disabled

from musubi.dispatch.models import Roster, RosterRun
from musubi.workforce.models import LeaveRequest, ShiftWish
from tests.conftest import Town
from tests.dispatch.factories import RosterFactory, StaffingRequestFactory, shift_in

JST = ZoneInfo("Asia/Tokyo")


def _published_shifts(town: Town, *days: dt.date) -> Roster:
    """A published April with the town's worker on ``days``, the only days of the demand."""
    with scopes_disabled():
        roster = RosterFactory(cooperative=town.cooperative, status="published")
        request = StaffingRequestFactory(site=town.site, start_date=min(days), end_date=max(days))
        for day in days:
            shift_in(town, roster=roster, request=request, date=day)
    return roster


def test_publishing_asks_first_and_nothing_happens_until_confirmed(
    busy_town: Town, town_b: Town, as_user: Any
) -> None:
    with scopes_disabled():
        roster = RosterFactory(cooperative=busy_town.cooperative)
        shift_in(busy_town, roster=roster)
    client = as_user(busy_town.coordinator)
    url = f"/c/{busy_town.cooperative.slug}/dispatch/rosters/{roster.pk}/publish/"
    asked = client.post(url)
    assert asked.status_code == 200 and "公開しますか" in asked.text
    assert 'name="confirmed" value="1"' in asked.text
    with scopes_disabled():
        assert Roster.objects.get(pk=roster.pk).status == "draft"
    assert client.post(url, {"confirmed": "1"}).status_code == 302
    with scopes_disabled():
        assert Roster.objects.get(pk=roster.pk).status == "published"
    outsider = f"/c/{town_b.cooperative.slug}/dispatch/rosters/{roster.pk}/publish/"
    assert as_user(town_b.coordinator).post(outsider, {"confirmed": "1"}).status_code == 404


def test_approving_leave_on_published_shifts_proposes_the_repair(
    busy_town: Town, town_b: Town, as_user: Any
) -> None:
    days = (dt.date(2027, 4, 5), dt.date(2027, 4, 6))
    roster = _published_shifts(busy_town, *days)
    worker = as_user(busy_town.worker_user)
    slug = busy_town.cooperative.slug
    asked = worker.post(
        f"/c/{slug}/dispatch/me/leave/",
        {"kind": "paid", "start_date": "2027-04-05", "end_date": "2027-04-07", "reason": "通院"},
        follow=True,
    )
    # The worker is warned that the leave falls on shift days.
    assert "この期間に勤務があります" in asked.text and "2027年4月5日" in asked.text
    with scopes_disabled():
        leave = LeaveRequest.objects.get(worker=busy_town.worker)
    client = as_user(busy_town.coordinator)
    page = client.post(
        f"/c/{slug}/dispatch/leave/{leave.pk}/decide/", {"approve": "1"}, follow=True
    ).text
    assert "公開済みの勤務が残っています" in page
    # The proposal: the repair form of the right roster, the worker and days filled in.
    assert f'action="/c/{slug}/dispatch/rosters/{roster.pk}/repair/"' in page
    assert f'name="worker" value="{busy_town.worker.pk}"' in page
    assert 'name="start" value="2027-04-05"' in page and 'name="end" value="2027-04-06"' in page
    response = client.post(
        f"/c/{slug}/dispatch/rosters/{roster.pk}/repair/",
        {"worker": busy_town.worker.pk, "start": "2027-04-05", "end": "2027-04-06"},
    )
    assert response.status_code == 302
    with scopes_disabled():
        run = RosterRun.objects.get(kind="repair")
    assert run.absent_dates == ["2027-04-05", "2027-04-06"]
    # Another cooperative's coordinator sees none of it.
    assert (
        busy_town.worker.family_name
        not in as_user(town_b.coordinator).get(f"/c/{town_b.cooperative.slug}/dispatch/leave/").text
    )


def test_wishes_are_refused_once_the_month_is_published(busy_town: Town, as_user: Any) -> None:
    with time_machine.travel(dt.datetime(2027, 3, 10, 0, 30, tzinfo=JST), tick=False):
        worker = as_user(busy_town.worker_user)
        url = f"/c/{busy_town.cooperative.slug}/dispatch/me/days/"
        assert worker.post(url, {"d-2027-04-03": "off"}).status_code == 302
        with scopes_disabled():
            assert ShiftWish.objects.filter(worker=busy_town.worker).count() == 1
        _published_shifts(busy_town, dt.date(2027, 4, 5))
        assert "すでに公開されています" in worker.get(url).text
        refused = worker.post(url, {"d-2027-04-04": "off"}, follow=True)
        assert "すでに公開されています" in refused.text
        with scopes_disabled():
            assert ShiftWish.objects.filter(worker=busy_town.worker).count() == 1


def test_the_workers_next_shifts_start_from_todays_tokyo_date(
    busy_town: Town, as_user: Any
) -> None:
    _published_shifts(busy_town, dt.date(2027, 4, 5), dt.date(2027, 4, 6))
    for moment in (
        dt.datetime(2027, 4, 6, 0, 30, tzinfo=JST),  # still 5 April in UTC
        dt.datetime(2027, 4, 6, 23, 30, tzinfo=JST),
    ):
        with time_machine.travel(moment, tick=False):
            home = as_user(busy_town.worker_user).get(f"/c/{busy_town.cooperative.slug}/").text
        assert "04/06 09:00" in home  # today's shift is among the next ones
        assert "04/05 09:00" not in home  # yesterday's is not


def test_a_repair_says_why_a_removed_shift_is_not_covered_and_tells_the_member(
    town_a: Town, town_b: Town, as_user: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from django.core import mail

    # The town's only worker falls ill: nobody else can take the two shifts.
    with scopes_disabled():
        coop = town_a.cooperative
        coop.dispatch_notified_on = dt.date(2024, 4, 1)
        coop.save()
    days = (dt.date(2027, 4, 5), dt.date(2027, 4, 6))
    roster = _published_shifts(town_a, *days)
    client = as_user(town_a.coordinator)
    slug = coop.slug
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/c/{slug}/dispatch/rosters/{roster.pk}/repair/",
            {"worker": town_a.worker.pk, "start": "2027-04-05", "end": "2027-04-06"},
        )
    with scopes_disabled():
        run = RosterRun.objects.get(kind="repair")
    assert run.status == "done", run.error
    page = client.get(f"/c/{slug}/dispatch/runs/{run.pk}/compare/").text
    assert page.count("代わりが見つかりません") == 2  # one reason per removed shift
    assert 'id="repair-coverage"' in page
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/c/{slug}/dispatch/runs/{run.pk}/accept/")
    to_member = [m for m in mail.outbox if town_a.member_user.email in m.to]
    assert len(to_member) == 1
    assert "人員不足" in to_member[0].subject and "勤務表を公開しました" not in to_member[0].subject
    assert "2027年4月5日" in to_member[0].body and "2027年4月6日" in to_member[0].body
    # The roster's result box now shows the repaired roster's coverage.
    roster_page = client.get(f"/c/{slug}/dispatch/rosters/{roster.pk}/").text
    assert f"{run.summary['coverage_pct']}%" in roster_page
    outsider = as_user(town_b.coordinator).get(
        f"/c/{town_b.cooperative.slug}/dispatch/runs/{run.pk}/compare/"
    )
    assert outsider.status_code == 404
