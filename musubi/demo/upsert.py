"""Idempotent writes for the demo: look up by natural key, save only what differs."""

from dataclasses import dataclass, field
from typing import Any

from django.db import models


@dataclass(frozen=True)
class Login:
    """One line of the printed login table."""

    role: str  # a Role value, or "talent" / "admin"
    email: str
    cooperative: str = ""
    note: str = ""
    totp: bool = False


@dataclass
class BuildReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    passwords_set: int = 0
    logins: list[Login] = field(default_factory=list)


def upsert[M: models.Model](
    model: type[M],
    report: BuildReport,
    *,
    lookup: dict[str, Any],
    values: dict[str, Any],
    create_only: dict[str, Any] | None = None,
    validate: bool = False,
) -> M:
    """Create, or update only the differing fields; ``create_only`` values never overwrite.

    Saving unchanged rows would still bump ``updated_at``; skipping them makes a second run a true
    no-op and lets the counts show exactly what changed.
    """
    obj = model._default_manager.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values, **(create_only or {}))
        report.created += 1
    else:
        changed = {k: v for k, v in values.items() if getattr(obj, k) != v}
        if not changed:
            report.unchanged += 1
            return obj
        for name, value in changed.items():
            setattr(obj, name, value)
        report.updated += 1
    if validate:
        obj.full_clean()
    obj.save()
    return obj
