"""The demo town's seasonal demand and ``musubi roster-month`` on it."""

import datetime as dt
import json
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django_scopes import scopes_disabled

from musubi.demo.dispatch import build_demand
from musubi.dispatch.models import StaffingRequest


@pytest.fixture
def demo(db: None, settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("demo", quiet=True, stdout=StringIO())


def test_the_demo_town_gets_a_year_of_seasonal_demand_once(demo: None) -> None:
    with scopes_disabled():
        requests = StaffingRequest.objects.filter(cooperative__slug="yamabiko")
        count = requests.count()
        titles = set(requests.values_list("title", flat=True))
        assert {"ぶどう収穫", "年末出荷", "夏の接客", "ホール(週末)"} <= titles
        assert requests.filter(is_template=True).exists()
    assert build_demand() == 0
    with scopes_disabled():
        assert StaffingRequest.objects.filter(cooperative__slug="yamabiko").count() == count


def test_roster_month_solves_a_busy_month_with_no_hard_violation(demo: None) -> None:
    out = StringIO()
    harvest = f"{dt.date.today().year}-10"
    call_command("roster_month", cooperative="yamabiko", month=harvest, time_limit=4, json=True,
                 stdout=out)  # fmt: skip
    summary = json.loads(out.getvalue())
    assert set(summary) == {
        "coverage_pct", "unmet_slots", "hard_violations", "warnings_by_kind", "objective",
        "seconds",
    }  # fmt: skip
    assert summary["hard_violations"] == 0
    assert summary["seconds"] < 10
    assert summary["coverage_pct"] > 50
