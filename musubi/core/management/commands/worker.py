"""``musubi worker``: django-tasks-db's ``db_worker`` that also records a heartbeat.

The heartbeat lets a page say "the task worker is not running" instead of waiting silently.
Run one or more per machine; each claims tasks with a row lock, so they never run a task twice.
"""

import os
from typing import Any

from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from musubi.core.background import start_heartbeat


class Command(DbWorkerCommand):
    help = "Run background tasks (roster runs, embeddings, periodic jobs) and record a heartbeat."

    def handle(self, *args: Any, **options: Any) -> None:
        # Under the autoreloader only the child process runs tasks, so only it beats; a
        # --batch run (drain the queue and exit) is no standing worker and does not beat.
        child = not options.get("reload") or os.environ.get(DJANGO_AUTORELOAD_ENV) == "true"
        if options.get("batch") or not child:
            super().handle(*args, **options)
            return
        stop, thread = start_heartbeat(options["worker_id"])
        try:
            super().handle(*args, **options)
        finally:
            stop.set()
            thread.join(5)
