"""A running roster says how it is going in plain words, not in solver figures."""

import datetime as dt
from typing import Any

from django_scopes import scopes_disabled

from musubi.dispatch.models import Roster, RosterRun
from tests.conftest import Town


def _run(town: Town, **fields: Any) -> RosterRun:
    with scopes_disabled():
        roster = Roster.objects.create(
            cooperative=town.cooperative, start_date=dt.date(2027, 4, 1),
            end_date=dt.date(2027, 4, 30),
        )  # fmt: skip
        return RosterRun.objects.create(cooperative=town.cooperative, roster=roster, **fields)


def test_progress_names_the_slots_short_not_the_objective(town_a: Town, as_user: Any) -> None:
    run = _run(town_a, status="running", best=3050, bound=120)
    page = (
        as_user(town_a.coordinator)
        .get(f"/c/{town_a.cooperative.slug}/dispatch/runs/{run.pk}/")
        .content.decode()
    )
    assert "不足 最大3コマ・改善中" in page
    assert "3050" not in page and "120" not in page
    assert "最良値" not in page and "下限" not in page


def test_progress_says_every_slot_is_filled_or_that_it_is_starting(
    town_a: Town, as_user: Any
) -> None:
    client = as_user(town_a.coordinator)
    slug = town_a.cooperative.slug
    filled = _run(town_a, status="running", best=40, bound=0)
    assert (
        "全コマ配置済み・公平さと希望を改善中"
        in client.get(f"/c/{slug}/dispatch/runs/{filled.pk}/").content.decode()
    )
    with scopes_disabled():
        RosterRun.objects.filter(pk=filled.pk).update(best=None, bound=None)
    assert (
        "最初の勤務表案を作成中"
        in client.get(f"/c/{slug}/dispatch/runs/{filled.pk}/").content.decode()
    )


def test_another_cooperative_cannot_poll_the_run(town_a: Town, town_b: Town, as_user: Any) -> None:
    run = _run(town_a, status="running", best=1000)
    response = as_user(town_b.coordinator).get(
        f"/c/{town_b.cooperative.slug}/dispatch/runs/{run.pk}/"
    )
    assert response.status_code == 404
