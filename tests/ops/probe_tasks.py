"""A task for the worker tests: it records which process ran it, and takes a little time so that
two workers are busy at once."""

import os
import time
from pathlib import Path

from django.tasks import task


@task()
def record(number: int, log: str) -> int:
    time.sleep(0.05)
    with Path(log).open("a", encoding="utf-8") as out:
        out.write(f"{number} {os.getpid()}\n")
    return number
