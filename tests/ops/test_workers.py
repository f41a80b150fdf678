"""Two task workers (separate processes, as on two machines) never take the same task.

Each worker claims a task inside a transaction with SELECT … FOR UPDATE SKIP LOCKED on PostgreSQL
(an exclusive transaction on SQLite). Run on PostgreSQL with
DATABASE_URL=postgres://…  (``make test-postgres``); it also passes on SQLite.
"""

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from django.db import connection
from django_tasks_db.models import DBTaskResult

from tests.ops.probe_tasks import record

ROOT = Path(__file__).parents[2]
TASKS = 60


def _database_url() -> str:
    db = connection.settings_dict
    if connection.vendor == "postgresql":
        auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
        return f"postgres://{auth}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"
    return f"sqlite:///{db['NAME']}"


@pytest.mark.django_db(transaction=True)
def test_two_worker_processes_share_one_queue_and_run_every_task_once(tmp_path: Path) -> None:
    log = tmp_path / "ran.txt"
    for number in range(TASKS):
        record.enqueue(number, str(log))
    env = {**os.environ, "DATABASE_URL": _database_url()}
    command = [sys.executable, "-m", "musubi", "db_worker", "--batch", "--interval", "0.05",
               "--no-startup-delay"]  # fmt: skip
    workers = [
        subprocess.Popen(
            [*command, "--worker-id", f"w{i}"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(2)
    ]
    for worker in workers:
        _, err = worker.communicate(timeout=600)
        assert worker.returncode == 0, err
    runs = [line.split() for line in log.read_text().splitlines()]
    ran = Counter(int(number) for number, _ in runs)
    assert ran == Counter(range(TASKS))  # every task exactly once
    assert len({pid for _, pid in runs}) == 2  # and both workers took part
    results = list(DBTaskResult.objects.all())
    assert len(results) == TASKS
    assert all(r.status == "SUCCESSFUL" and len(r.worker_ids) == 1 for r in results)
