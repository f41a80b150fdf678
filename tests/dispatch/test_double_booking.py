"""Two coordinators cannot double-book a worker: a unique index, tried concurrently."""

import datetime as dt
import threading
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, close_old_connections, connection, transaction
from django.utils import translation
from django_scopes import scope, scopes_disabled

from musubi.dispatch.models import Shift
from musubi.dispatch.services import roster_create, shift_assign
from tests.conftest import Town
from tests.dispatch.factories import StaffingRequestFactory, shift_in

DAY = dt.date(2027, 4, 5)


def test_the_database_refuses_a_second_shift_for_a_worker_on_one_day(town_a: Town) -> None:
    with scopes_disabled():
        shift = shift_in(town_a, date=DAY)
        with pytest.raises(IntegrityError), transaction.atomic():
            Shift.objects.create(
                cooperative=shift.cooperative, roster=shift.roster, request=shift.request,
                worker=shift.worker, site=shift.site, date=DAY, start_time=dt.time(18),
                end_time=dt.time(21),
            )  # fmt: skip


@pytest.mark.django_db(transaction=True)
def test_two_coordinators_booking_one_worker_at_once_leave_exactly_one_shift(
    town_a: Town, town_b: Town
) -> None:
    """Raced on three days in a row: the guarantee must hold every time, not on average.

    SQLite runs with transaction_mode IMMEDIATE (settings): the write lock is taken when the
    transaction begins, before the "is this worker free?" read, so the second booking either
    waits and sees the first or is refused whole; it never fails half-way with the first.
    """
    coop = town_a.cooperative
    with scopes_disabled():
        coop.dispatch_notified_on = dt.date(2024, 4, 1)
        coop.save()
        front = StaffingRequestFactory(site=town_a.site, title="フロント")
        kitchen = StaffingRequestFactory(site=town_a.site, title="厨房")
        roster = roster_create(cooperative=coop, month=DAY, actor=town_a.coordinator)
    for day in (DAY, DAY + dt.timedelta(days=1), DAY + dt.timedelta(days=2)):
        _race(town_a, roster, front, kitchen, day)


def _race(town_a: Town, roster: Any, front: Any, kitchen: Any, day: dt.date) -> None:
    coop = town_a.cooperative
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def book(request: Any, actor: Any) -> None:
        try:
            with scope(cooperative=coop):
                barrier.wait()
                shift_assign(roster=roster, worker=town_a.worker, request=request, date=day,
                             actor=actor)  # fmt: skip
            outcomes.append("booked")
        except ValidationError as error:
            outcomes.append(" ".join(error.messages))
        finally:
            close_old_connections()
            connection.close()

    threads = [
        threading.Thread(target=book, args=(front, town_a.coordinator)),
        threading.Thread(target=book, args=(kitchen, town_a.coordinator)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with scopes_disabled():
        assert Shift.objects.filter(worker=town_a.worker, date=day).count() == 1
    assert outcomes.count("booked") == 1, outcomes
    loser = next(o for o in outcomes if o != "booked")
    with translation.override("ja"):
        taken = translation.gettext("%(worker)s already has a shift on %(day)s.") % {
            "worker": town_a.worker, "day": day,
        }  # fmt: skip
        busy = translation.gettext(
            "Another coordinator is changing this roster right now; please try again."
        )
    # The loser waits for the lock (SQLite timeout, PostgreSQL row lock) and sees the booking;
    # "try again" is the answer only if the lock is held past the timeout.
    assert loser in (taken, busy)
