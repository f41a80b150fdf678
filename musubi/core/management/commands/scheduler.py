"""``musubi scheduler``: enqueue each periodic job (settings.PERIODIC_TASKS) once per period.

Safe on several machines at once: a unique (job, period) row decides which scheduler enqueues.
The jobs themselves run in ``musubi worker``.
"""

import signal
import threading
from types import FrameType
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import OperationalError, close_old_connections

from musubi.core.background import enqueue_due


class Command(BaseCommand):
    help = "Enqueue periodic jobs once per period; --once checks a single time and exits."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--interval", type=float, default=30.0, help="seconds between checks")
        parser.add_argument("--once", action="store_true", help="check once and exit")

    def handle(self, *args: Any, **options: Any) -> None:
        stop = threading.Event()

        def shutdown(signum: int, frame: FrameType | None) -> None:
            stop.set()

        if not options["once"]:
            signal.signal(signal.SIGINT, shutdown)
            signal.signal(signal.SIGTERM, shutdown)
        while not stop.is_set():
            if not options["once"]:
                close_old_connections()  # a long-lived loop: drop broken or stale connections
            try:
                names = enqueue_due()
            except OperationalError as error:  # a busy database: try again next time
                self.stderr.write(f"scheduler: {error}")
                names = []
            if names and options["verbosity"] >= 1:
                self.stdout.write("enqueued: " + ", ".join(names))
            if options["once"]:
                return
            stop.wait(options["interval"])
