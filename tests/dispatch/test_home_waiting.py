"""Home pages list the work waiting for each role, not just counts of records."""

import datetime as dt
from typing import Any

from django.utils import timezone
from django_scopes import scopes_disabled

from musubi.access.models import Invitation
from musubi.workforce.models import LeaveRequest
from tests.conftest import Town
from tests.dispatch.factories import (
    RosterFactory,
    StaffingRequestFactory,
    TimesheetEntryFactory,
    shift_in,
)


def _month(town: Town) -> None:
    today = timezone.localdate()
    with scopes_disabled():
        roster = RosterFactory(
            cooperative=town.cooperative, start_date=today - dt.timedelta(days=40),
            end_date=today + dt.timedelta(days=40), status="published",
        )  # fmt: skip
        yesterday = shift_in(town, roster=roster, date=today - dt.timedelta(days=1))
        TimesheetEntryFactory(shift=yesterday)  # entered, not confirmed
        shift_in(town, roster=roster, date=today - dt.timedelta(days=2))  # nothing entered
        shift_in(town, roster=roster, date=today + dt.timedelta(days=3))
        StaffingRequestFactory(site=town.site, title="繁忙期の配膳", status="pending")
        LeaveRequest.objects.create(
            cooperative=town.cooperative, worker=town.worker, kind="paid",
            start_date=today + dt.timedelta(days=10), end_date=today + dt.timedelta(days=11),
        )  # fmt: skip
        Invitation.objects.create(
            cooperative=town.cooperative, email="new-member@alpha.example", role="member"
        )


def test_the_coordinator_home_lists_requests_leave_hours_and_invitations(
    town_a: Town, as_user: Any
) -> None:
    _month(town_a)
    page = as_user(town_a.coordinator).get(f"/c/{town_a.cooperative.slug}/").text
    section = page[page.index('id="waiting"') :]
    assert "承認待ちの派遣依頼" in section and "繁忙期の配膳" in section
    assert "判断待ちの休暇申請" in section and str(town_a.worker) in section
    assert "実績が確認されていない勤務日" in section
    assert "まだ受け入れられていない招待" in section and "new-member@alpha.example" in section


def test_the_member_home_lists_hours_to_confirm(town_a: Town, as_user: Any) -> None:
    _month(town_a)
    page = as_user(town_a.member_user).get(f"/c/{town_a.cooperative.slug}/").text
    section = page[page.index('id="waiting"') :]
    assert "確認する勤務実績" in section and str(town_a.worker) in section
    assert "組合の承認を待っている依頼" in section and "繁忙期の配膳" in section


def test_the_worker_home_lists_next_shifts_and_hours_to_enter(town_a: Town, as_user: Any) -> None:
    _month(town_a)
    page = as_user(town_a.worker_user).get(f"/c/{town_a.cooperative.slug}/").text
    section = page[page.index('id="waiting"') :]
    soon = timezone.localdate() + dt.timedelta(days=3)
    assert "次のシフト" in section and f"{soon:%m/%d}" in section
    assert "入力する勤務実績" in section


def test_nothing_waiting_says_so_and_another_cooperative_sees_none_of_it(
    town_a: Town, town_b: Town, as_user: Any
) -> None:
    _month(town_a)
    with scopes_disabled():
        town_b.worker.hire_date = timezone.localdate() - dt.timedelta(days=30)  # no leave yet
        town_b.worker.save()
    page = as_user(town_b.coordinator).get(f"/c/{town_b.cooperative.slug}/").text
    assert "今、対応が必要なものはありません。" in page and "繁忙期の配膳" not in page
    assert as_user(town_b.coordinator).get(f"/c/{town_a.cooperative.slug}/").status_code == 404


def test_the_coordinator_home_names_workers_still_owed_five_days_of_leave(
    town_a: Town, as_user: Any
) -> None:
    from musubi.dispatch.selectors import compliance_rows

    with scopes_disabled():
        town_a.worker.hire_date = timezone.localdate() - dt.timedelta(days=800)
        town_a.worker.save()
        rows = compliance_rows(cooperative=town_a.cooperative, month=timezone.localdate())
        owed = [r for r in rows if r.leave and r.leave.five_day_shortfall > 0]
    page = as_user(town_a.coordinator).get(f"/c/{town_a.cooperative.slug}/").text
    section = page[page.index('id="waiting"') :]
    # Hired over two years ago with no leave taken: the law says days are still owed.
    assert owed
    assert "年5日の有給休暇をまだ取得させる必要がある職員" in section
    assert str(town_a.worker) in section
    leave = owed[0].leave
    assert leave is not None and f"あと{leave.five_day_shortfall:g}日" in section
