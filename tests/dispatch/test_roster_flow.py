"""The coordinator's month through HTTP: make, publish (emails, feed), timesheets, close."""

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import time_machine
from django.core import mail
from django_scopes import scopes_disabled

from musubi.core.models import AuditLogEntry
from musubi.dispatch.models import Roster, RosterRun, Shift, TimesheetCorrection, TimesheetEntry
from tests.conftest import Town

JST = ZoneInfo("Asia/Tokyo")


def _made_roster(busy_town: Town, as_user: Any, capture: Any) -> tuple[Any, Roster]:
    client = as_user(busy_town.coordinator)
    slug = busy_town.cooperative.slug
    response = client.post(f"/c/{slug}/dispatch/rosters/new/", {"month": "2027-04"})
    assert response.status_code == 302
    with scopes_disabled():
        roster = Roster.objects.get(cooperative=busy_town.cooperative)
    with capture(execute=True):
        client.post(f"/c/{slug}/dispatch/rosters/{roster.pk}/run/", {"time_limit": "3"})
    return client, roster


def test_a_coordinator_makes_a_month_in_the_background_and_sees_the_result(
    busy_town: Town, as_user: Any, django_capture_on_commit_callbacks: Any
) -> None:
    client, roster = _made_roster(busy_town, as_user, django_capture_on_commit_callbacks)
    with scopes_disabled():
        run = RosterRun.objects.get(roster=roster)
        assert run.status == "done"
        assert run.summary["hard_violations"] == 0
        assert run.summary["coverage_pct"] == 100.0
        assert Shift.objects.filter(roster=roster).count() == 30 + 8
    page = client.get(f"/c/{busy_town.cooperative.slug}/dispatch/rosters/{roster.pk}/")
    assert page.status_code == 200
    assert "worker-calendar" in page.text
    progress = client.get(f"/c/{busy_town.cooperative.slug}/dispatch/runs/{run.pk}/")
    assert progress.status_code == 200


def test_publishing_emails_workers_with_a_private_feed_and_members(
    busy_town: Town, as_user: Any, django_capture_on_commit_callbacks: Any
) -> None:
    client, roster = _made_roster(busy_town, as_user, django_capture_on_commit_callbacks)
    slug = busy_town.cooperative.slug
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/c/{slug}/dispatch/rosters/{roster.pk}/publish/", {"confirmed": "1"})
    recipients = {to for m in mail.outbox for to in m.to}
    assert "worker@alpha.example" in recipients
    assert busy_town.member_user.email in recipients
    worker_mail = next(m for m in mail.outbox if "worker@alpha.example" in m.to)
    feed_url = next(line for line in worker_mail.body.splitlines() if ".ics" in line).strip()
    feed = as_user(busy_town.worker_user).__class__().get(feed_url.split("testserver")[-1])
    assert feed.status_code == 200
    assert "BEGIN:VEVENT" in feed.text
    wrong = as_user(busy_town.worker_user).__class__().get(f"/c/{slug}/dispatch/feed/guess.ics")
    assert wrong.status_code == 404


def test_timesheets_are_entered_confirmed_locked_on_close_and_corrected_with_a_reason(
    busy_town: Town, as_user: Any, django_capture_on_commit_callbacks: Any
) -> None:
    client, roster = _made_roster(busy_town, as_user, django_capture_on_commit_callbacks)
    slug = busy_town.cooperative.slug
    client.post(f"/c/{slug}/dispatch/rosters/{roster.pk}/publish/", {"confirmed": "1"})
    with scopes_disabled():
        shift = Shift.objects.filter(roster=roster, worker=busy_town.worker).first()
    assert shift is not None
    url = f"/c/{slug}/dispatch/shifts/{shift.pk}/timesheet/"
    ok = {"actual_start": "09:00", "actual_end": "17:30", "break_minutes": "60"}
    # Hours are facts: none for a day that has not come (Tokyo time), from worker or member.
    # (Clients log in inside each time travel: a session is only valid for eight hours.)
    with time_machine.travel(dt.datetime(2027, 3, 31, 23, 30, tzinfo=JST), tick=False):
        worker = as_user(busy_town.worker_user)
        refused = worker.post(url, ok)
        assert refused.status_code == 200 and "まだ来ていません" in refused.text
        assert "まだ来ていません" in as_user(busy_town.member_user).post(url, ok).text
    with scopes_disabled():
        assert not TimesheetEntry.objects.filter(shift=shift).exists()
    # 00:30 on the shift's day in Tokyo is still the day before in UTC: allowed.
    with time_machine.travel(
        dt.datetime.combine(shift.date, dt.time(0, 30), tzinfo=JST), tick=False
    ):
        assert as_user(busy_town.worker_user).post(url, ok).status_code == 302
    # The rest happens after the month, as in real life.
    with time_machine.travel(dt.datetime(2027, 5, 1, 9, tzinfo=JST), tick=False):
        client = as_user(busy_town.coordinator)
        member = as_user(busy_town.member_user)
        assert member.post(f"/c/{slug}/dispatch/shifts/{shift.pk}/confirm/").status_code == 302
        close = f"/c/{slug}/dispatch/rosters/{roster.pk}/close/"
        # Other shifts are still unconfirmed: the close asks, then refuses without an override.
        assert "確認が済んでいない勤務" in client.post(close).text
        refused = client.post(close, {"confirmed": "1"})
        assert refused.status_code == 200 and "理由を添えて" in refused.text
        no_reason = client.post(close, {"confirmed": "1", "override": "on", "reason": " "})
        assert "理由を入力してください" in no_reason.text
        with scopes_disabled():
            assert Roster.objects.get(pk=roster.pk).status == "published"
        done = client.post(close, {"confirmed": "1", "override": "on", "reason": "月末の確認待ち"})
        assert done.status_code == 302
        with scopes_disabled():
            logged = AuditLogEntry.objects.get(object_type="dispatch.Roster",
                                               changes__has_key="override_reason")  # fmt: skip
            assert logged.changes["override_reason"] == "月末の確認待ち"
            assert logged.changes["unconfirmed_shifts"] > 0
        with scopes_disabled():
            entry = TimesheetEntry.objects.get(shift=shift)
            assert entry.locked and entry.confirmed_at is not None
        refused = client.post(url, {**ok, "actual_end": "18:00"})
        assert "理由" in refused.text or "reason" in refused.text
        client.post(url, {**ok, "actual_end": "18:00", "reason": "打刻漏れ"})
        with scopes_disabled():
            correction = TimesheetCorrection.objects.get(entry=entry)
            assert correction.reason == "打刻漏れ"
            assert correction.before["actual_end"] == "17:30"
            assert TimesheetEntry.objects.get(pk=entry.pk).actual_end == dt.time(18)


def test_another_cooperatives_coordinator_gets_404_for_the_roster(
    busy_town: Town, town_b: Town, as_user: Any, django_capture_on_commit_callbacks: Any
) -> None:
    _client, roster = _made_roster(busy_town, as_user, django_capture_on_commit_callbacks)
    outsider = as_user(town_b.coordinator)
    url = f"/c/{town_b.cooperative.slug}/dispatch/rosters/{roster.pk}/"
    assert outsider.get(url).status_code == 404


def test_the_progress_fragment_polls_while_running_and_reloads_when_done(
    busy_town: Town, as_user: Any
) -> None:
    with scopes_disabled():
        roster = Roster.objects.create(cooperative=busy_town.cooperative,
                                       start_date=dt.date(2027, 4, 1),
                                       end_date=dt.date(2027, 4, 30))  # fmt: skip
        run = RosterRun.objects.create(cooperative=busy_town.cooperative, roster=roster,
                                       status="running", best=1234, elapsed=2.5)  # fmt: skip
    client = as_user(busy_town.coordinator)
    url = f"/c/{busy_town.cooperative.slug}/dispatch/runs/{run.pk}/?poll=1"
    running = client.get(url)
    assert 'hx-trigger="every 1s"' in running.text and "不足 最大1コマ・改善中" in running.text
    assert "1234" not in running.text  # the objective value means nothing to a coordinator
    assert "HX-Refresh" not in running.headers
    with scopes_disabled():
        RosterRun.objects.filter(pk=run.pk).update(status="done")
    assert client.get(url).headers["HX-Refresh"] == "true"


def test_members_and_workers_cannot_open_shifts_of_a_draft_roster(
    busy_town: Town, as_user: Any
) -> None:
    from tests.dispatch.factories import shift_in

    with scopes_disabled():
        shift = shift_in(busy_town)
    url = f"/c/{busy_town.cooperative.slug}/dispatch/shifts/{shift.pk}/timesheet/"
    assert as_user(busy_town.member_user).get(url).status_code == 404
    assert as_user(busy_town.worker_user).get(url).status_code == 404
    assert as_user(busy_town.coordinator).get(url).status_code == 200
