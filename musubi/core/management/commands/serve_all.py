"""``musubi serve-all [ADDR:PORT]``: the web server, a task worker and the scheduler together.

For one machine (``make demo``, a small installation): the three run as child processes and
stop together. Ctrl-C reaches every child from the terminal; the supervisor then waits for
them, and stops the rest if one of them dies. Production may instead run the three commands
under its own service manager (README).
"""

import signal
import subprocess
import sys
import time
from types import FrameType
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

GRACE_SECONDS = 10.0


def _interruptible() -> None:
    # A shell starts background jobs with Ctrl-C ignored, and children inherit that; the
    # children must stop on Ctrl-C whoever started the supervisor.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


class Command(BaseCommand):
    help = "Run the web server, the task worker and the scheduler until Ctrl-C stops all three."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")
        parser.add_argument(
            "--web", default="runserver", help="web command (default: Django's runserver)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        musubi = [sys.executable, "-m", "musubi"]
        commands = {
            "web": [*musubi, options["web"], options["addrport"]],
            "worker": [*musubi, "worker", "--no-reload", "--interval", "0.5"],
            "scheduler": [*musubi, "scheduler"],
        }
        children = {
            name: subprocess.Popen(cmd, preexec_fn=_interruptible) for name, cmd in commands.items()
        }
        self.stdout.write(
            f"web http://{options['addrport']}/ , task worker and scheduler running "
            "(Ctrl-C stops all three)"
        )
        stopping: dict[str, Any] = {}

        def on_signal(signum: int, frame: FrameType | None) -> None:
            stopping.setdefault("signal", signum)
            stopping.setdefault("at", time.monotonic())
            if signum != signal.SIGINT:
                # Ctrl-C already reached the children (same process group); a SIGTERM sent to
                # the supervisor alone is passed on.
                for child in children.values():
                    if child.poll() is None:
                        child.send_signal(signum)

        signal.signal(signal.SIGINT, on_signal)
        signal.signal(signal.SIGTERM, on_signal)
        code = 0
        while any(c.poll() is None for c in children.values()):
            time.sleep(0.2)
            if not stopping:
                dead = [n for n, c in children.items() if c.poll() is not None]
                if dead:
                    self.stderr.write(f"{', '.join(dead)} stopped; stopping the others")
                    code = 1
                    on_signal(signal.SIGTERM, None)
            elif time.monotonic() - stopping["at"] > GRACE_SECONDS:
                # Past the grace period: SIGTERM, and SIGKILL after half as long again.
                hard = "termed" in stopping
                for child in children.values():
                    if child.poll() is None:
                        child.kill() if hard else child.terminate()
                stopping["termed"] = True
                stopping["at"] = time.monotonic() - GRACE_SECONDS / 2
        if code:
            sys.exit(code)
