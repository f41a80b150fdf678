"""``musubi backup`` / ``musubi restore`` round-trip a cooperative exactly (every row compared)."""

import json
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django_scopes import scopes_disabled

from musubi.access.models import Membership
from musubi.core.backup import cooperative_delete
from musubi.core.models import Cooperative, User
from musubi.talent.models import Talent

NOT_DATA = {"sessions.session", "core.loginthrottle", "django_tasks_db.dbtaskresult",
            "admin.logentry", "contenttypes.contenttype", "auth.permission"}  # fmt: skip


def every_row() -> dict[str, list[dict[str, Any]]]:
    with scopes_disabled():
        return {
            model._meta.label_lower: list(model._base_manager.order_by("pk").values())
            for model in apps.get_models(include_auto_created=True)
            if model._meta.label_lower not in NOT_DATA
        }


@pytest.fixture
def demo(db: None, settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("demo", quiet=True, stdout=StringIO())


def test_a_cooperative_deleted_after_its_backup_comes_back_row_for_row(
    demo: None, tmp_path: Path
) -> None:
    with scopes_disabled():
        coop = Cooperative.objects.order_by("pk").first()
        assert coop is not None
        slug = coop.slug
        others = Cooperative.objects.exclude(pk=coop.pk)
    path = tmp_path / "backup.json"
    call_command("backup", slug, output=str(path))
    before = every_row()
    assert sum(len(rows) for rows in before.values()) > 300
    with scopes_disabled():
        # Lose the cooperative and the accounts that belonged only to it.
        own = set(Membership.objects.filter(cooperative=coop).values_list("user", flat=True))
        shared = set(
            Membership.objects.filter(cooperative__in=others).values_list("user", flat=True)
        ) | set(Talent.objects.values_list("user", flat=True))
        cooperative_delete(coop)
        User.objects.filter(pk__in=own - shared, is_superuser=False).delete()
    assert every_row() != before
    out = StringIO()
    call_command("restore", str(path), stdout=out)
    assert "Restored" in out.getvalue()
    after = every_row()
    for label, rows in before.items():
        assert after[label] == rows, label


def test_restore_refuses_to_overwrite_an_existing_cooperative_without_replace(
    demo: None, tmp_path: Path
) -> None:
    with scopes_disabled():
        coop = Cooperative.objects.order_by("pk").first()
    assert coop is not None
    path = tmp_path / "backup.json"
    call_command("backup", coop.slug, output=str(path))
    before = every_row()
    with pytest.raises(CommandError, match="--replace"):
        call_command("restore", str(path))
    call_command("restore", str(path), replace=True, yes=True, stdout=StringIO())
    assert every_row() == before
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["cooperative"] == coop.slug and data["format"] == 1
