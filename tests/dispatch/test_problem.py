"""The engine problem holds only lawful dispatch, and says what it left out and why."""

import datetime as dt

from django_scopes import scopes_disabled

from musubi.dispatch.models import Roster
from musubi.dispatch.problem import build_problem, shift_id
from tests import factories as f
from tests.conftest import Town
from tests.dispatch.factories import StaffingRequestFactory

APRIL = dt.date(2027, 4, 1)


def _roster(town: Town) -> Roster:
    return Roster(cooperative=town.cooperative, start_date=APRIL, end_date=dt.date(2027, 4, 30))


def _targets(built: object, sid: str) -> dict[int, int]:
    return {c.day: c.target for c in built.problem.cover if c.shift == sid}  # type: ignore[attr-defined]


def test_days_after_the_membership_ends_carry_no_demand(town_a: Town) -> None:
    with scopes_disabled():
        town_a.cooperative.dispatch_notified_on = dt.date(2024, 4, 1)
        req = StaffingRequestFactory(site=town_a.site)
        town_a.member.member_to = dt.date(2027, 4, 10)
        town_a.member.save()
        built = build_problem(roster=_roster(town_a))
    targets = _targets(built, shift_id(req.pk))
    assert targets[9] == 1 and targets[10] == 0
    assert any("組合員" in e or "member" in e for e in built.excluded)


def test_sites_outside_the_district_days_before_notification_and_prohibited_work_are_empty(
    town_a: Town,
) -> None:
    with scopes_disabled():
        coop = town_a.cooperative
        coop.dispatch_notified_on = dt.date(2027, 4, 15)
        coop.save()
        tokyo = f.SiteFactory(member=town_a.member, municipality_code="13101")
        outside = StaffingRequestFactory(site=tokyo)
        building = StaffingRequestFactory(site=town_a.site, work_kind="construction")
        early = StaffingRequestFactory(site=town_a.site, title="早番")
        built = build_problem(roster=_roster(town_a))
    assert not any(_targets(built, shift_id(outside.pk)).values())
    assert not any(_targets(built, shift_id(building.pk)).values())
    early_targets = _targets(built, shift_id(early.pk))
    assert early_targets[13] == 0 and early_targets[14] == 1
    assert len(built.excluded) == 4  # the Tokyo request has two reasons


def test_fixed_term_and_inactive_workers_are_not_in_the_problem(town_a: Town) -> None:
    with scopes_disabled():
        temp = f.WorkerFactory(cooperative=town_a.cooperative, contract_type="fixed_term",
                               contract_end=dt.date(2028, 3, 31))  # fmt: skip
        gone = f.WorkerFactory(cooperative=town_a.cooperative, active=False)
        built = build_problem(roster=_roster(town_a))
    keys = {w.id for w in built.problem.workers}
    assert f"w{town_a.worker.pk}" in keys
    assert f"w{temp.pk}" not in keys and f"w{gone.pk}" not in keys
    assert any(str(temp) in e for e in built.excluded)


def test_the_days_before_the_period_are_history_for_runs_rests_and_the_annual_days(
    town_a: Town,
) -> None:
    from musubi.dispatch.models import Roster as R
    from tests.dispatch.factories import ShiftFactory

    with scopes_disabled():
        march = R.objects.create(cooperative=town_a.cooperative, start_date=dt.date(2027, 3, 1),
                                 end_date=dt.date(2027, 3, 31))  # fmt: skip
        req = StaffingRequestFactory(site=town_a.site, start_date=dt.date(2027, 3, 1))
        for day in (20, 27, 28, 29, 30, 31):
            ShiftFactory(roster=march, request=req, worker=town_a.worker,
                         date=dt.date(2027, 3, day), end_time=dt.time(21))  # fmt: skip
        built = build_problem(roster=_roster(town_a))
    history = built.problem.workers[0].history
    assert history.consecutive_days_worked == 5
    assert history.last_shift_end == -1440 + 21 * 60
    assert history.days_worked_this_year == 0  # the business year starts on 1 April
    assert not built.problem.exempt_edges
