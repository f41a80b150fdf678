"""Objects of each dispatch kind in a town, for tests/core/test_isolation.py."""

import datetime as dt

from musubi.cooperatives.models import OvertimeAgreement
from musubi.dispatch.models import CalendarDay, CalendarFeed, DesignatedPeriod, RosterRun
from musubi.workforce.models import LeaveRequest
from tests.conftest import Town
from tests.dispatch.factories import RosterFactory, ShiftFactory, StaffingRequestFactory


def object_ids(town: Town) -> dict[str, object]:
    coop = town.cooperative
    request = StaffingRequestFactory(site=town.site)
    roster = RosterFactory(cooperative=coop)
    shift = ShiftFactory(roster=roster, request=request, worker=town.worker)
    run = RosterRun.objects.create(cooperative=coop, roster=roster)
    leave = LeaveRequest.objects.create(
        cooperative=coop, worker=town.worker, kind="paid",
        start_date=dt.date(2027, 4, 10), end_date=dt.date(2027, 4, 10),
    )  # fmt: skip
    period = DesignatedPeriod.objects.create(
        cooperative=coop,
        name="収穫期",
        start_date=dt.date(2027, 9, 1),
        end_date=dt.date(2027, 10, 31),
    )
    rest_day = CalendarDay.objects.create(cooperative=coop, date=dt.date(2030, 1, 2))
    feed = CalendarFeed.objects.create(cooperative=coop, worker=town.worker)
    agreement = OvertimeAgreement.objects.filter(cooperative=coop).first() or (
        OvertimeAgreement.objects.create(
            cooperative=coop,
            filed_on=dt.date(2030, 3, 1),
            valid_from=dt.date(2030, 4, 1),
            valid_to=dt.date(2031, 3, 31),
        )
    )
    return {
        "request_pk": request.pk, "roster_pk": roster.pk, "shift_pk": shift.pk,
        "run_pk": run.pk, "leave_pk": leave.pk, "worker_pk": town.worker.pk,
        "member_pk": town.member.pk, "feed_token": feed.token, "fmt": "csv",
        "period_pk": period.pk, "day_pk": rest_day.pk, "agreement_pk": agreement.pk,
    }  # fmt: skip
