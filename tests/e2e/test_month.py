"""The month's guards in a browser: a worker on a phone cannot enter hours for a day to come;
a coordinator approving leave on published shifts is offered the repair, which says why."""

import datetime as dt
from typing import Any

import pytest
from django_scopes import scopes_disabled
from playwright.sync_api import Page, expect

from musubi.workforce.models import LeaveRequest
from tests.conftest import Town
from tests.dispatch.factories import RosterFactory, StaffingRequestFactory, shift_in
from tests.e2e.test_roles import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

DAYS = (dt.date(2027, 4, 5), dt.date(2027, 4, 6))  # ahead of today in these tests


@pytest.fixture
def published(town_a: Town, settings: Any) -> Any:
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    with scopes_disabled():
        coop = town_a.cooperative
        coop.dispatch_notified_on = dt.date(2024, 4, 1)
        coop.save()
        roster = RosterFactory(cooperative=coop, status="published")
        request = StaffingRequestFactory(site=town_a.site, start_date=DAYS[0], end_date=DAYS[-1])
        return [shift_in(town_a, roster=roster, request=request, date=d) for d in DAYS]


def test_a_worker_cannot_enter_hours_for_a_day_to_come(
    page: Page, live_server: Any, town_a: Town, published: Any
) -> None:
    base = live_server.url
    log_in(page, base, town_a.worker_user)
    page.goto(f"{base}/c/{town_a.cooperative.slug}/dispatch/shifts/{published[0].pk}/timesheet/")
    expect(page.locator("#future-day")).to_be_visible()
    page.locator("#id_actual_start").fill("09:00")
    page.locator("#id_actual_end").fill("17:00")
    page.locator("#id_break_minutes").fill("60")
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".errorlist")).to_contain_text("まだ来ていません")
    with scopes_disabled():
        assert not hasattr(type(published[0]).objects.get(pk=published[0].pk), "timesheet")


def test_approving_leave_on_published_shifts_leads_to_a_repair_that_says_why(
    page: Page, live_server: Any, town_a: Town, published: Any
) -> None:
    with scopes_disabled():
        leave = LeaveRequest.objects.create(
            cooperative=town_a.cooperative, worker=town_a.worker, kind="paid",
            start_date=DAYS[0], end_date=DAYS[-1], reason="通院",
        )  # fmt: skip
    base = live_server.url
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, base, town_a.coordinator)
    page.goto(f"{base}/c/{town_a.cooperative.slug}/dispatch/leave/")
    page.locator(f"form[action$='/leave/{leave.pk}/decide/'] button[value='1']").click()
    expect(page.locator("#leave-repairs")).to_contain_text("2027年4月5日")
    page.locator("#leave-repairs form button").click()
    # Nobody else can work those days: each removed shift says why it stays uncovered.
    expect(page.locator("#removed .reason")).to_have_count(2)
    expect(page.locator("#removed .reason").first).to_contain_text("代わりが見つかりません")
    expect(page.locator("#repair-coverage")).to_be_visible()
