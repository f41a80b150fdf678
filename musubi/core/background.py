"""Background work: worker heartbeats, the periodic-job scheduler, and why a job still waits.

Tasks run in ``musubi worker`` (django-tasks-db's ``db_worker`` plus a heartbeat). Periodic jobs
(``settings.PERIODIC_TASKS``) are enqueued by ``musubi scheduler``; a unique (job, period) row
makes it safe to run a scheduler on every machine: only the first insert of a period enqueues.
"""

import datetime as dt
import logging
import socket
import threading
from typing import Any

from django.conf import settings
from django.db import IntegrityError, OperationalError, close_old_connections, transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django_tasks_db.models import DBTaskResult

from musubi.core.models import ScheduledSlot, WorkerHeartbeat

logger = logging.getLogger(__name__)

HEARTBEAT_SECONDS = 10
# A worker silent for this long is taken as stopped.
WORKER_SILENT_SECONDS = 45
# A job queued for less than this is simply about to start: no explanation needed yet.
WAIT_EXPLAINED_AFTER_SECONDS = 5
SLOTS_KEPT = dt.timedelta(days=7)


def heartbeat(worker_id: str, *, now: dt.datetime | None = None) -> None:
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id[:64],
        defaults={"seen_at": now or timezone.now(), "host": socket.gethostname()[:255]},
    )


def start_heartbeat(
    worker_id: str, *, every: float = HEARTBEAT_SECONDS
) -> tuple[threading.Event, threading.Thread]:
    """Beat from a daemon thread (it keeps beating while the worker runs a long solve);
    set the returned event and join the thread to stop it."""
    stop = threading.Event()

    def beat() -> None:
        while not stop.is_set():
            try:
                heartbeat(worker_id)
            except OperationalError:  # a busy database: the next beat will do
                logger.warning("worker heartbeat skipped: database busy")
            finally:
                close_old_connections()
            stop.wait(every)

    thread = threading.Thread(target=beat, name="musubi-heartbeat", daemon=True)
    thread.start()
    return stop, thread


def worker_seen(*, now: dt.datetime | None = None) -> bool:
    """A worker beat recently, or a task started or finished recently (plain ``db_worker``)."""
    since = (now or timezone.now()) - dt.timedelta(seconds=WORKER_SILENT_SECONDS)
    if WorkerHeartbeat.objects.filter(seen_at__gte=since).exists():
        return True
    return DBTaskResult.objects.filter(started_at__gte=since).exists() or (
        DBTaskResult.objects.filter(finished_at__gte=since).exists()
    )


def wait_reason(queued_at: dt.datetime, *, now: dt.datetime | None = None) -> str:
    """Why a job queued at ``queued_at`` has not started; empty while the wait is still short."""
    now = now or timezone.now()
    if (now - queued_at).total_seconds() < WAIT_EXPLAINED_AFTER_SECONDS:
        return ""
    if not worker_seen(now=now):
        return _(
            "The task worker is not running, so this job cannot start. Start it with "
            "“musubi worker” (make demo starts it for you) or ask the administrator."
        )
    if DBTaskResult.objects.running().exists():
        return _("The task worker is busy with another job; this one starts after it.")
    return _("Waiting for the task worker to pick this job up.")


def _slot_start(now: dt.datetime, every: int) -> dt.datetime:
    seconds = int(now.timestamp()) // every * every
    return dt.datetime.fromtimestamp(seconds, tz=dt.UTC)


def enqueue_due(*, now: dt.datetime | None = None) -> list[str]:
    """Enqueue every periodic job whose current period nobody has enqueued yet; their names."""
    now = now or timezone.now()
    enqueued = []
    jobs: dict[str, dict[str, Any]] = settings.PERIODIC_TASKS
    for name, spec in jobs.items():
        slot = _slot_start(now, int(spec["every"]))
        try:
            with transaction.atomic():
                ScheduledSlot.objects.create(job=name, slot=slot)
                # Same transaction: the task row exists if and only if the slot row does.
                import_string(spec["task"]).enqueue()
        except IntegrityError:
            continue  # another scheduler took this period
        enqueued.append(name)
    ScheduledSlot.objects.filter(slot__lt=now - SLOTS_KEPT).delete()
    WorkerHeartbeat.objects.filter(seen_at__lt=now - SLOTS_KEPT).delete()
    return enqueued
