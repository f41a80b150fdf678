"""Moving Cooperative to core and Membership/Invitation to access keeps every row and table.

The move changes only Django's record of the models (``SeparateDatabaseAndState``): the test
migrates back to before it, writes rows with the models as they were, migrates forward and reads
the same rows through the models where they are now. docs/architecture.md records the same check
on a copy of the demo database.
"""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django_scopes import scopes_disabled

from musubi.access.models import Invitation, Membership
from musubi.core.models import Cooperative

BEFORE_THE_MOVE = [
    ("core", "0003_worker_heartbeat_scheduled_slot"),
    ("cooperatives", "0004_labour_settings_and_36_agreement"),
]
TABLES = ["cooperatives_cooperative", "cooperatives_membership", "cooperatives_invitation"]


def _counts() -> dict[str, int]:
    with connection.cursor() as cursor:
        out = {}
        for table in TABLES:
            cursor.execute(f"SELECT COUNT(*) FROM {table}")
            out[table] = cursor.fetchone()[0]
        return out


@pytest.mark.django_db(transaction=True)
def test_the_moved_models_keep_their_rows_and_their_tables() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE_THE_MOVE)
    old = MigrationExecutor(connection).loader.project_state(BEFORE_THE_MOVE).apps
    user = old.get_model("core", "User").objects.create(email="old@example.jp")
    coop = old.get_model("cooperatives", "Cooperative").objects.create(
        name="旧組合", slug="old", prefecture="島根県"
    )
    old.get_model("cooperatives", "Membership").objects.create(
        cooperative=coop, user=user, role="coordinator"
    )
    old.get_model("cooperatives", "Invitation").objects.create(
        cooperative=coop, email="new@example.jp", role="worker", token="t" * 40
    )
    before = _counts()

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    assert _counts() == before
    with scopes_disabled():
        moved = Cooperative.objects.get(slug="old")
        assert moved.name == "旧組合"
        assert Membership.objects.get(cooperative=moved).user.email == "old@example.jp"
        assert Invitation.objects.get(cooperative=moved).email == "new@example.jp"
    with connection.cursor() as cursor:
        cursor.execute("SELECT app_label FROM django_content_type WHERE model = 'membership'")
        assert [row[0] for row in cursor.fetchall()] in ([], ["access"])
