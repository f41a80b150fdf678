"""Members confirm a week or a month of actual hours at once; phones keep the column labels."""

import datetime as dt
from pathlib import Path
from typing import Any

from django_scopes import scopes_disabled

from musubi.dispatch.models import TimesheetEntry
from tests import factories as f
from tests.conftest import Town
from tests.dispatch.factories import RosterFactory, TimesheetEntryFactory, shift_in


def _week(town: Town) -> list[TimesheetEntry]:
    with scopes_disabled():
        roster = RosterFactory(cooperative=town.cooperative, status="published")
        return [
            TimesheetEntryFactory(shift=shift_in(town, roster=roster, date=dt.date(2027, 4, d)))
            for d in (5, 6, 7)
        ]


def test_a_member_confirms_the_ticked_days_at_once(town_a: Town, as_user: Any) -> None:
    entries = _week(town_a)
    client = as_user(town_a.member_user)
    base = f"/c/{town_a.cooperative.slug}/dispatch/timesheets"
    page = client.get(f"{base}/?month=2027-04").content.decode()
    assert "確認待ちの日をすべて選択" in page and "の週をすべて選択" in page
    chosen = [e.shift_id for e in entries[:2]]
    response = client.post(f"{base}/confirm/?month=2027-04", {"shifts": chosen}, follow=True)
    assert "2日分の実績を確認しました。" in response.content.decode()
    with scopes_disabled():
        confirmed = {e.shift_id for e in TimesheetEntry.objects.exclude(confirmed_at=None)}
    assert confirmed == set(chosen)


def test_nothing_ticked_or_nonsense_is_a_message_not_an_error(town_a: Town, as_user: Any) -> None:
    _week(town_a)
    client = as_user(town_a.member_user)
    url = f"/c/{town_a.cooperative.slug}/dispatch/timesheets/confirm/?month=2027-04"
    assert "1日以上選んでください" in client.post(url, {}, follow=True).content.decode()
    assert client.post(url, {"shifts": ["x"]}).status_code == 302
    with scopes_disabled():
        assert not TimesheetEntry.objects.exclude(confirmed_at=None).exists()


def test_a_member_cannot_confirm_another_members_days(town_a: Town, as_user: Any) -> None:
    entries = _week(town_a)
    with scopes_disabled():
        other = f.MemberBusinessFactory(cooperative=town_a.cooperative)
        stranger = f.UserFactory(email="other-member@alpha.example")
        f.membership(stranger, town_a.cooperative, "member", member_business=other)
    url = f"/c/{town_a.cooperative.slug}/dispatch/timesheets/confirm/?month=2027-04"
    as_user(stranger).post(url, {"shifts": [e.shift_id for e in entries]})
    with scopes_disabled():
        assert not TimesheetEntry.objects.exclude(confirmed_at=None).exists()


def test_workers_cannot_confirm_and_other_cooperatives_get_404(
    town_a: Town, town_b: Town, as_user: Any
) -> None:
    entries = _week(town_a)
    ids = [e.shift_id for e in entries]
    mine = f"/c/{town_a.cooperative.slug}/dispatch/timesheets/confirm/?month=2027-04"
    assert as_user(town_a.worker_user).post(mine, {"shifts": ids}).status_code in {403, 404}
    theirs = f"/c/{town_b.cooperative.slug}/dispatch/timesheets/confirm/?month=2027-04"
    as_user(town_b.coordinator).post(theirs, {"shifts": ids})
    with scopes_disabled():
        assert not TimesheetEntry.objects.exclude(confirmed_at=None).exists()


def test_every_timesheet_cell_carries_its_label_for_phones(town_a: Town, as_user: Any) -> None:
    _week(town_a)
    page = as_user(town_a.worker_user).get(
        f"/c/{town_a.cooperative.slug}/dispatch/timesheets/?month=2027-04"
    )
    html = page.content.decode()
    for label in ("日付", "事業所", "予定", "実績"):
        assert f'data-label="{label}' in html
    css = Path("musubi/static/css/musubi.css").read_text(encoding="utf-8")
    assert "td[data-label]::before { content: attr(data-label)" in css
