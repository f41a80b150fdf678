"""The worker's phone pages: availability and wishes, leave requests, shifts and feed."""

import datetime as dt
from typing import Any

from django.utils import timezone
from django_scopes import scopes_disabled

from musubi.dispatch.models import Roster
from musubi.dispatch.problem import build_problem
from musubi.workforce.models import Availability, LeaveRequest, ShiftWish
from tests.conftest import Town


def _next_month_day(day: int) -> dt.date:
    first = (timezone.localdate().replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    return first.replace(day=day)


def test_a_worker_marks_days_unavailable_or_wished_and_the_roster_respects_them(
    town_a: Town, as_user: Any
) -> None:
    client = as_user(town_a.worker_user)
    url = f"/c/{town_a.cooperative.slug}/dispatch/me/days/"
    assert client.get(url).status_code == 200
    off, on = _next_month_day(3), _next_month_day(4)
    response = client.post(url, {f"d-{off}": "unavailable", f"d-{on}": "on"})
    assert response.status_code == 302
    with scopes_disabled():
        assert Availability.objects.get(worker=town_a.worker).date == off
        assert ShiftWish.objects.get(worker=town_a.worker).wants_work
        first = off.replace(day=1)
        roster = Roster(cooperative=town_a.cooperative, start_date=first,
                        end_date=(first + dt.timedelta(days=32)).replace(day=1)
                        - dt.timedelta(days=1))  # fmt: skip
        problem = build_problem(roster=roster).problem
    worker = problem.workers[0]
    assert off.day - 1 in worker.days_off
    assert any(r.on and r.day == on.day - 1 for r in problem.requests)


def test_a_worker_requests_paid_leave_and_the_coordinator_approves(
    town_a: Town, as_user: Any
) -> None:
    client = as_user(town_a.worker_user)
    slug = town_a.cooperative.slug
    data = {"kind": "paid", "start_date": "2027-05-06", "end_date": "2027-05-07", "reason": ""}
    assert client.post(f"/c/{slug}/dispatch/me/leave/", data).status_code == 302
    with scopes_disabled():
        leave = LeaveRequest.objects.get()
    as_user(town_a.coordinator).post(
        f"/c/{slug}/dispatch/leave/{leave.pk}/decide/", {"approve": "1"}
    )
    with scopes_disabled():
        assert LeaveRequest.objects.get().status == "approved"


def test_leave_ending_before_it_starts_is_refused_in_japanese(town_a: Town, as_user: Any) -> None:
    client = as_user(town_a.worker_user)
    data = {"kind": "paid", "start_date": "2027-05-07", "end_date": "2027-05-06", "reason": ""}
    response = client.post(f"/c/{town_a.cooperative.slug}/dispatch/me/leave/", data)
    assert response.status_code == 200
    assert "制約" not in response.text
    assert "終了日が開始日より前" in response.text
    with scopes_disabled():
        assert not LeaveRequest.objects.exists()


def test_my_shifts_shows_the_private_feed_address(town_a: Town, as_user: Any) -> None:
    response = as_user(town_a.worker_user).get(f"/c/{town_a.cooperative.slug}/dispatch/me/shifts/")
    assert response.status_code == 200
    assert ".ics" in response.text


def test_another_cooperatives_worker_gets_404(town_a: Town, town_b: Town, as_user: Any) -> None:
    client = as_user(town_b.worker_user)
    for page in ("me/shifts/", "me/days/", "me/leave/"):
        assert client.get(f"/c/{town_a.cooperative.slug}/dispatch/{page}").status_code == 404


def test_a_worker_renews_the_calendar_address_and_the_old_one_stops_working(
    town_a: Town, as_user: Any
) -> None:
    from django.test import Client

    from musubi.dispatch.models import CalendarFeed

    client = as_user(town_a.worker_user)
    slug = town_a.cooperative.slug
    client.get(f"/c/{slug}/dispatch/me/shifts/")
    with scopes_disabled():
        old = CalendarFeed.objects.get(worker=town_a.worker).token
    assert Client().get(f"/c/{slug}/dispatch/feed/{old}.ics").status_code == 200
    assert client.post(f"/c/{slug}/dispatch/me/feed/reset/").status_code == 302
    assert Client().get(f"/c/{slug}/dispatch/feed/{old}.ics").status_code == 404
