"""Background tasks (Django's tasks framework; the database backend runs them in db_worker)."""

from typing import Any

from django.tasks import task

from musubi.dispatch.solving import run_roster


@task()
def roster_run_task(run_id: int, cooperative_id: int) -> dict[str, Any]:
    """Solve or repair a roster; ids only, the task enters the cooperative's scope itself."""
    return run_roster(run_id, cooperative_id)
