"""Periodic co-creation work, enqueued by ``musubi scheduler`` (see settings.PERIODIC_TASKS)."""

from django.tasks import task

from musubi.cocreation.services import (
    engagements_close,
    invitations_expire,
    meeting_reminders_send,
)


@task()
def cocreation_tick() -> dict[str, int]:
    """Expire unanswered invitations, send meeting reminders, close engagements past their end."""
    return {
        "expired_invitations": len(invitations_expire()),
        "meeting_reminders": meeting_reminders_send(),
        "engagements_ended": engagements_close(),
    }
