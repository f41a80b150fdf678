"""The audit log: every write to personal data or money goes through ``audited_save``."""

import datetime as dt
import decimal
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from musubi.core.models import AuditLogEntry, User


def plain(value: Any) -> Any:
    """A value as the audit log stores it; moments in Asia/Tokyo ("2026-12-02 08:30:00+09:00")."""
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        return str(timezone.localtime(value).replace(microsecond=0))
    if isinstance(value, dt.date | dt.datetime | dt.time | dt.timedelta | decimal.Decimal):
        return str(value)
    return value


def _snapshot(instance: models.Model) -> dict[str, Any]:
    return {
        f.name: plain(getattr(instance, f.name))
        for f in instance._meta.concrete_fields
        if f.name not in {"id", "cooperative", "created_at", "updated_at", "password", "token"}
    }


def audit_record(
    *,
    actor: User | None,
    cooperative: Any,
    action: str,
    instance: models.Model,
    changes: dict[str, Any] | None = None,
) -> AuditLogEntry:
    return AuditLogEntry.objects.create(
        cooperative=cooperative,
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        object_type=instance._meta.label,
        object_id=str(instance.pk),
        object_repr=str(instance)[:200],
        changes=changes or {},
    )


@transaction.atomic
def audited_save(*, instance: models.Model, actor: User | None, cooperative: Any) -> models.Model:
    """Save ``instance`` and log the changed fields (old → new) in the same transaction."""
    before: dict[str, Any] = {}
    if instance.pk is not None:
        previous = type(instance)._base_manager.filter(pk=instance.pk).first()
        if previous is not None:
            before = _snapshot(previous)
    creating = not before
    instance.full_clean()
    instance.save()
    after = _snapshot(instance)
    if creating:
        changes = {k: [None, v] for k, v in after.items() if v not in (None, "", [], {})}
    else:
        changes = {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v}
        if not changes:
            return instance
    audit_record(
        actor=actor,
        cooperative=cooperative,
        action=AuditLogEntry.Action.CREATE if creating else AuditLogEntry.Action.UPDATE,
        instance=instance,
        changes=changes,
    )
    return instance
