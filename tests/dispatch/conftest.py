"""A small dispatch town on top of town_a: four workers with skills and two approved requests."""

import datetime as dt
from typing import Any

import pytest
from django_scopes import scopes_disabled

from tests import factories as f
from tests.conftest import Town
from tests.dispatch.factories import StaffingRequestFactory

APRIL = dt.date(2027, 4, 1)


@pytest.fixture(autouse=True)
def _immediate_tasks(settings: Any) -> None:
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def busy_town(town_a: Town) -> Town:
    with scopes_disabled():
        coop = town_a.cooperative
        coop.dispatch_notified_on = dt.date(2024, 4, 1)
        coop.save()
        town_a.worker.email = "worker@alpha.example"
        town_a.worker.save()
        f.QualificationFactory(worker=town_a.worker, name="接客", kind="skill")
        for n in range(3):
            w = f.WorkerFactory(cooperative=coop, given_name=f"次郎{n}")
            f.QualificationFactory(worker=w, name="接客", kind="skill")
        StaffingRequestFactory(
            site=town_a.site,
            title="フロント",
            skill="接客",
            start_date=APRIL,
            end_date=dt.date(2027, 4, 30),
        )
        StaffingRequestFactory(
            site=town_a.site,
            title="朝食",
            skill="",
            weekdays=[5, 6],
            start_time=dt.time(6),
            end_time=dt.time(10),
            break_minutes=0,
            start_date=APRIL,
            end_date=dt.date(2027, 4, 30),
        )
    return town_a
