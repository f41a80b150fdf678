"""``musubi cocreation_tick``: expire unanswered invitations and send meeting reminders.

The same work runs every 5 minutes as the task ``musubi.cocreation.tasks.cocreation_tick``,
enqueued by ``musubi scheduler``; this command does it by hand. Each step is idempotent.
"""

from typing import Any

from django.core.management.base import BaseCommand

from musubi.cocreation.services import (
    engagements_close,
    invitations_expire,
    meeting_reminders_send,
)


class Command(BaseCommand):
    help = (
        "Expire invitations unanswered for 3 days (and suggest the next candidate), and email "
        "reminders for meetings starting within 24 hours; close engagements past their end."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        expired = invitations_expire()
        reminded = meeting_reminders_send()
        ended = engagements_close()
        if options["verbosity"] >= 1:
            self.stdout.write(
                f"expired invitations: {len(expired)}, meeting reminders: {reminded}, "
                f"engagements ended: {ended}"
            )
