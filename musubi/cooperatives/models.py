"""The cooperative's models moved: the tenant root (Cooperative) and the roles to
``musubi.core.models``, memberships and invitations to ``musubi.access.models``; their tables kept
their names. This app keeps the settings page and the migration history.
"""

from musubi.core.models import Cooperative, RestDayRule, Role, WorkingTimeSystem

__all__ = ["Cooperative", "RestDayRule", "Role", "WorkingTimeSystem"]
