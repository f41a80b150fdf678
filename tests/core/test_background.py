"""Background work out of the box: the scheduler enqueues each periodic job once per period,
however many schedulers run, and a queued roster run says why it waits."""

import datetime as dt
import threading
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.db import OperationalError, connection
from django.utils import timezone
from django_scopes import scopes_disabled
from django_tasks_db.models import DBTaskResult

from musubi.core.background import enqueue_due, heartbeat
from musubi.core.models import ScheduledSlot
from musubi.dispatch.models import Roster, RosterRun
from tests.conftest import Town

NOON = dt.datetime(2027, 4, 5, 3, 0, 10, tzinfo=dt.UTC)


def _queued(task: str) -> int:
    return DBTaskResult.objects.filter(task_path=task).count()


@pytest.mark.django_db
def test_two_schedulers_in_one_period_enqueue_each_job_once(settings: Any) -> None:
    first = enqueue_due(now=NOON)
    second = enqueue_due(now=NOON + dt.timedelta(seconds=20))  # another machine, same period
    assert set(first) == {"cocreation_tick", "prune_task_results"}
    assert second == []
    assert _queued("musubi.cocreation.tasks.cocreation_tick") == 1
    # The next five-minute period enqueues the tick again, the daily pruning not.
    assert enqueue_due(now=NOON + dt.timedelta(minutes=5)) == ["cocreation_tick"]
    assert _queued("musubi.cocreation.tasks.cocreation_tick") == 2
    assert _queued("musubi.core.tasks.prune_task_results") == 1


@pytest.mark.django_db(transaction=True)
def test_schedulers_racing_in_threads_never_double_enqueue() -> None:
    for attempt in range(3):
        now = NOON + dt.timedelta(days=attempt)
        barrier = threading.Barrier(2)
        results: list[list[str]] = []

        def schedule(
            at: dt.datetime = now, gate: threading.Barrier = barrier, out: list = results
        ) -> None:
            try:
                gate.wait()
                out.append(enqueue_due(now=at))
            except OperationalError:  # SQLite in tests: the loser may find the table locked
                out.append([])
            finally:
                connection.close()

        threads = [threading.Thread(target=schedule) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sorted(n for r in results for n in r) == ["cocreation_tick", "prune_task_results"]
    assert _queued("musubi.cocreation.tasks.cocreation_tick") == 3
    assert ScheduledSlot.objects.filter(job="cocreation_tick").count() == 3


@pytest.mark.django_db(transaction=True)  # the worker closes connections between tasks
def test_the_scheduler_command_once_enqueues_and_the_tick_task_runs() -> None:
    out = StringIO()
    call_command("scheduler", "--once", stdout=out)
    assert "cocreation_tick" in out.getvalue()
    call_command("scheduler", "--once", stdout=out)
    assert _queued("musubi.cocreation.tasks.cocreation_tick") == 1
    # The worker (one batch, no autoreload) runs the queued jobs and they succeed.
    call_command("worker", "--batch", "--no-reload", "--no-startup-delay", stdout=StringIO())
    done = DBTaskResult.objects.get(task_path="musubi.cocreation.tasks.cocreation_tick")
    assert done.status == "SUCCESSFUL", done.traceback
    assert done.return_value == {
        "expired_invitations": 0, "meeting_reminders": 0, "engagements_ended": 0,
    }  # fmt: skip


def _queued_run(town: Town, seconds_ago: int) -> RosterRun:
    with scopes_disabled():
        roster = Roster.objects.create(
            cooperative=town.cooperative, start_date=dt.date(2027, 4, 1),
            end_date=dt.date(2027, 4, 30),
        )  # fmt: skip
        run = RosterRun.objects.create(cooperative=town.cooperative, roster=roster)
        RosterRun.objects.filter(pk=run.pk).update(
            created_at=timezone.now() - dt.timedelta(seconds=seconds_ago)
        )
    return run


def test_a_run_waiting_without_a_worker_says_the_worker_is_not_running(
    town_a: Town, town_b: Town, as_user: Any
) -> None:
    run = _queued_run(town_a, seconds_ago=30)
    client = as_user(town_a.coordinator)
    url = f"/c/{town_a.cooperative.slug}/dispatch/runs/{run.pk}/?poll=1"
    assert "タスクワーカーが起動していません" in client.get(url).text
    heartbeat("worker-1")
    page = client.get(url).text
    assert "タスクワーカーが起動していません" not in page
    assert "タスクワーカーがこの処理を受け取るのを待っています" in page
    # Another cooperative's coordinator cannot see the run.
    other = as_user(town_b.coordinator)
    assert other.get(f"/c/{town_b.cooperative.slug}/dispatch/runs/{run.pk}/").status_code == 404


def test_a_run_queued_a_moment_ago_is_not_explained_yet(town_a: Town, as_user: Any) -> None:
    run = _queued_run(town_a, seconds_ago=1)
    page = as_user(town_a.coordinator).get(f"/c/{town_a.cooperative.slug}/dispatch/runs/{run.pk}/")
    assert "タスクワーカー" not in page.text
