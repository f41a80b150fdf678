"""Housekeeping tasks of the task system itself, enqueued by ``musubi scheduler``."""

from io import StringIO

from django.core.management import call_command
from django.tasks import task


@task()
def prune_task_results() -> str:
    """Forget finished task results older than 30 days (the table would grow for ever)."""
    out = StringIO()
    call_command("prune_db_task_results", min_age_days=30, stdout=out)
    return out.getvalue().strip()
