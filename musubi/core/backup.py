"""One cooperative's data as a Django fixture: everything that belongs to it, and the rows it
points to (its people's user accounts, the talents who work with it).

"Belongs to" is what deleting the cooperative would delete (Django's own cascade collector), so
a model added later is included without a list to maintain. Restoring loads the fixture with
``loaddata`` in one transaction (foreign keys checked at the end, sequences reset on PostgreSQL);
user accounts that already exist are kept as they are, since people may belong to several
cooperatives and may have changed their password since the backup.
"""

import datetime as dt
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from django.apps import apps
from django.contrib.admin.utils import NestedObjects
from django.core import serializers
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DEFAULT_DB_ALIAS, models, transaction
from django.db.models import ProtectedError
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_scopes import scopes_disabled

from musubi.core.models import Cooperative, TenantModel, User

FORMAT_VERSION = 1


def _owned(cooperative: Cooperative) -> list[models.Model]:
    """The cascade from the cooperative, the rows that protect themselves from that cascade, and
    every tenant row, whatever the path to it."""
    found: dict[tuple[str, Any], models.Model] = {}
    collector = NestedObjects(using=DEFAULT_DB_ALIAS)
    collector.collect([cooperative])
    collected = [obj for instances in collector.data.values() for obj in instances]
    tenant = [
        obj
        for model in apps.get_models()
        if issubclass(model, TenantModel)
        for obj in model._base_manager.filter(cooperative=cooperative)
    ]
    for obj in [*collected, *collector.protected, *tenant]:
        found.setdefault((obj._meta.label_lower, obj.pk), obj)
    return list(found.values())


def cooperative_delete(cooperative: Cooperative) -> None:
    """Delete a cooperative with everything it owns, rows behind PROTECT keys first."""
    with scopes_disabled(), transaction.atomic():
        owned = {(o._meta.label_lower, o.pk) for o in _owned(cooperative)}
        _delete(cooperative, owned)


def _delete(obj: models.Model, owned: set[tuple[str, Any]]) -> None:
    while True:
        try:
            obj.delete()
            return
        except ProtectedError as error:
            for blocker in error.protected_objects:
                if (blocker._meta.label_lower, blocker.pk) not in owned:
                    raise
                _delete(blocker, owned)


def _referenced(objects: Iterable[models.Model], known: set[tuple[str, Any]]) -> list[models.Model]:
    """Rows outside the cooperative that kept rows point to (forward keys and many-to-many)."""
    found: list[models.Model] = []
    queue = list(objects)
    while queue:
        obj = queue.pop()
        for field in obj._meta.get_fields():
            if field.auto_created and not field.concrete:
                continue  # reverse relations: what points here is either owned or not ours
            targets: list[models.Model] = []
            if field.many_to_many and not field.auto_created:
                targets = list(getattr(obj, field.name).all())
            elif (field.many_to_one or field.one_to_one) and field.concrete:
                target = getattr(obj, field.name)
                targets = [target] if target is not None else []
            for target in targets:
                key = (target._meta.label_lower, target.pk)
                if key not in known:
                    known.add(key)
                    found.append(target)
                    queue.append(target)
    return found


def backup(cooperative: Cooperative) -> dict[str, Any]:
    with scopes_disabled():
        owned = [o for o in _owned(cooperative) if not o._meta.auto_created]
        known = {(o._meta.label_lower, o.pk) for o in owned}
        referenced = _referenced(owned, known)
        # Second factors go with the accounts: a coordinator restored on a new server logs in
        # with the same authenticator app.
        users = [o.pk for o in referenced if isinstance(o, User)]
        devices = list(TOTPDevice.objects.filter(user_id__in=users))
        rows = serializers.serialize("python", [*referenced, *devices, *owned])
    return {"format": FORMAT_VERSION, "cooperative": cooperative.slug, "objects": rows}


class ExactEncoder(DjangoJSONEncoder):
    """Django's encoder, but times keep their microseconds (it cuts them to milliseconds)."""

    def default(self, o: Any) -> Any:
        if isinstance(o, dt.datetime | dt.time):
            return o.isoformat()
        return super().default(o)


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, cls=ExactEncoder, ensure_ascii=False, indent=1)


class RestoreError(Exception):
    pass


def restore(data: dict[str, Any], *, replace: bool = False) -> int:
    """Load a backup; with ``replace`` an existing cooperative of that slug is deleted first."""
    if data.get("format") != FORMAT_VERSION:
        raise RestoreError("This file is not a Musubi backup of a known format.")
    slug = data["cooperative"]
    with scopes_disabled(), transaction.atomic():
        existing = Cooperative.objects.filter(slug=slug).first()
        if existing is not None:
            if not replace:
                raise RestoreError(f"The cooperative {slug} exists; use --replace to overwrite it.")
            cooperative_delete(existing)
        users = {o["pk"] for o in data["objects"] if o["model"] == User._meta.label_lower}
        kept = set(User.objects.filter(pk__in=users).values_list("pk", flat=True))
        objects = [
            o
            for o in data["objects"]
            if not (o["model"] == "core.user" and o["pk"] in kept)
            and not (o["model"] == "otp_totp.totpdevice" and o["fields"]["user"] in kept)
        ]
        _loaddata(objects)
    return len(objects)


def _loaddata(objects: list[dict[str, Any]]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "cooperative.json"
        path.write_text(json.dumps(objects, cls=ExactEncoder, ensure_ascii=False), encoding="utf-8")
        call_command("loaddata", str(path), verbosity=0)
