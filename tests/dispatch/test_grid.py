"""The roster grid as the coordinator sees it: the whole month, weekdays and holidays, hours that
agree with the compliance page, edits by cell, the print view and the exports."""

import datetime as dt
import io
from typing import Any

import pytest
from django_scopes import scopes_disabled
from openpyxl import load_workbook

from musubi.dispatch.models import Roster, Shift, StaffingRequest
from musubi.dispatch.services import shift_assign
from tests import factories as f
from tests.conftest import Town
from tests.dispatch.factories import StaffingRequestFactory

JAN = dt.date(2028, 1, 1)


@pytest.fixture
def january(town_a: Town) -> tuple[Town, Roster, StaffingRequest]:
    with scopes_disabled():
        coop = town_a.cooperative
        coop.dispatch_notified_on = dt.date(2024, 4, 1)
        coop.save()
        town_a.site.name = "山田旅館 本館フロントおよび大広間"
        town_a.site.save()
        req = StaffingRequestFactory(
            site=town_a.site, title="フロント", start_date=JAN, end_date=dt.date(2028, 1, 31),
            weekdays=[0, 1, 2, 3, 4], headcount=2,
        )  # fmt: skip
        roster = Roster.objects.create(
            cooperative=coop, start_date=JAN, end_date=dt.date(2028, 1, 31)
        )
        shift_assign(roster=roster, worker=town_a.worker, request=req,
                     date=dt.date(2028, 1, 4), actor=None)  # fmt: skip
    return town_a, roster, req


def _url(town: Town, roster: Roster, tail: str = "") -> str:
    return f"/c/{town.cooperative.slug}/dispatch/rosters/{roster.pk}/{tail}"


def test_the_grid_shows_all_31_days_with_weekdays_holidays_and_full_site_names(
    january: Any, as_user: Any
) -> None:
    town, roster, _req = january
    html = as_user(town.coordinator).get(_url(town, roster)).content.decode()
    grid = html[html.index('id="roster-grid"') :]
    for day in range(1, 32):
        assert f'data-date="2028-01-{day:02d}"' in grid
    assert "元日" in grid and "成人の日" in grid  # 1/1 and the second Monday (1/10)
    assert ">土<" in grid and ">日<" in grid and ">月<" in grid
    assert "山田旅館 本館フロントおよび大広間" in grid  # not truncated
    assert "労働時間 / 所定 (h)" in html
    assert 'class="swatch"' in grid and town.member.name in grid  # the member's colour legend


def test_hours_against_contract_are_the_compliance_pages_figures(
    january: Any, as_user: Any
) -> None:
    town, roster, _req = january
    client = as_user(town.coordinator)
    grid = client.get(_url(town, roster)).content.decode()
    compliance = client.get(
        f"/c/{town.cooperative.slug}/dispatch/compliance/?month=2028-01"
    ).content.decode()
    # One 9–17 shift with an hour's break: 7 h against 160 h on both pages (not 165 h).
    assert "7 / 160" in grid and "7 / 160" in compliance
    assert "165" not in grid[grid.index('id="roster-grid"') :].split("</table>")[0]


def test_a_cell_offers_the_days_requests_with_the_live_check_and_adds_a_shift(
    january: Any, as_user: Any
) -> None:
    town, roster, req = january
    client = as_user(town.coordinator)
    with scopes_disabled():
        other = f.WorkerFactory(cooperative=town.cooperative, given_name="花子")
    panel = client.get(_url(town, roster, "cell/"), {"worker": other.pk, "date": "2028-01-05"})
    text = panel.content.decode()
    assert panel.status_code == 200
    assert "フロント" in text and "2人中0人配置済み" in text
    assert "このシフトはすべてのルールを満たしています" in text  # the live check, before adding
    added = client.post(
        _url(town, roster, "cell/add/"),
        {"worker": other.pk, "date": "2028-01-05", "request": req.pk},
        HTTP_HX_REQUEST="true",
    )
    body = added.content.decode()
    assert added.status_code == 200
    assert 'id="roster-grid"' in body and 'hx-swap-oob="true"' in body
    with scopes_disabled():
        assert Shift.objects.filter(worker=other, date=dt.date(2028, 1, 5)).exists()
    # The same cell again: the worker already has that shift, so it offers remove and swap.
    again = client.get(_url(town, roster, "cell/"), {"worker": other.pk, "date": "2028-01-05"})
    assert "cell/remove/" in again.content.decode()


def test_a_refused_cell_edit_says_why_and_changes_nothing(january: Any, as_user: Any) -> None:
    town, roster, req = january
    client = as_user(town.coordinator)
    # 4 January already has this worker's shift: a second one is refused.
    response = client.post(
        _url(town, roster, "cell/add/"),
        {"worker": town.worker.pk, "date": "2028-01-04", "request": req.pk},
        HTTP_HX_REQUEST="true",
    )
    assert "すでにシフトが入っています" in response.content.decode()
    with scopes_disabled():
        assert Shift.objects.filter(roster=roster).count() == 1


def test_a_shift_is_removed_and_swapped_from_its_cell(january: Any, as_user: Any) -> None:
    town, roster, _req = january
    client = as_user(town.coordinator)
    slug = town.cooperative.slug
    with scopes_disabled():
        other = f.WorkerFactory(cooperative=town.cooperative, given_name="花子")
        shift = Shift.objects.get(roster=roster)
    check = client.post(f"/c/{slug}/dispatch/shifts/{shift.pk}/cell/swap/check/",
                        {"worker": other.pk})  # fmt: skip
    assert check.status_code == 200 and "errorlist" not in check.content.decode()
    with scopes_disabled():
        assert Shift.objects.get(pk=shift.pk).worker_id == town.worker.pk  # a rehearsal only
    client.post(f"/c/{slug}/dispatch/shifts/{shift.pk}/cell/swap/", {"worker": other.pk},
                HTTP_HX_REQUEST="true")  # fmt: skip
    with scopes_disabled():
        moved = Shift.objects.get(roster=roster)
        assert moved.worker_id == other.pk and moved.date == dt.date(2028, 1, 4)
    client.post(f"/c/{slug}/dispatch/shifts/{moved.pk}/cell/remove/", HTTP_HX_REQUEST="true")
    with scopes_disabled():
        assert not Shift.objects.filter(roster=roster).exists()


def test_a_cell_outside_the_month_or_of_nonsense_is_a_400_not_a_500(
    january: Any, as_user: Any
) -> None:
    town, roster, _req = january
    client = as_user(town.coordinator)
    assert client.get(_url(town, roster, "cell/"), {"worker": "x", "date": "y"}).status_code == 400
    outside = client.get(_url(town, roster, "cell/"),
                         {"worker": town.worker.pk, "date": "2028-02-01"})  # fmt: skip
    assert outside.status_code == 400
    assert client.post(_url(town, roster, "cell/add/"), {"worker": "x"}).status_code == 302


def test_the_print_view_is_a3_landscape_without_menus_or_forms(january: Any, as_user: Any) -> None:
    town, roster, _req = january
    client = as_user(town.coordinator)
    printed = client.get(_url(town, roster, "print/")).content.decode()
    assert "size: A3 landscape" in printed
    assert "<nav" not in printed and "<form" not in printed
    assert "成人の日" in printed and "31" in printed
    page = client.get(_url(town, roster)).content.decode()
    assert "@page { size: A3 landscape" in page
    with open("musubi/static/css/musubi.css", encoding="utf-8") as css:
        rules = css.read().split("@media print")[1]
    assert "body > header.site, nav, form" in rules and "display: none" in rules
    assert ".grid-wrap { overflow: visible" in rules


def test_the_roster_pdf_is_a_pdf(january: Any, as_user: Any) -> None:
    town, roster, _req = january
    response = as_user(town.coordinator).get(_url(town, roster, "roster.pdf"))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_the_roster_exports_to_excel_and_csv_with_bom_or_cp932(january: Any, as_user: Any) -> None:
    town, roster, _req = january
    client = as_user(town.coordinator)
    with scopes_disabled():
        town.site.name = '=HYPERLINK("http://x")'
        town.site.save()
    xlsx = client.get(_url(town, roster, "roster.xlsx"))
    assert "attachment" in xlsx["Content-Disposition"]
    wb = load_workbook(io.BytesIO(xlsx.content))
    sheet = wb["勤務表"]
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["職員", "労働時間(h)", "所定(h)"]
    assert header[3] == "1(土) 元日" and len(header) == 3 + 31
    row = [c.value for c in sheet[2]]
    assert row[0] == str(town.worker) and row[1] == 7 and row[2] == 160
    assert row[3 + 3].startswith(town.member.name)  # 4 January
    assert wb["明細"]["E2"].value.startswith("'=HYPERLINK")  # formula neutralised
    csv = client.get(_url(town, roster, "roster.csv"))
    assert csv.content.startswith(b"\xef\xbb\xbf")
    assert "成人の日" in csv.content.decode("utf-8-sig")
    sjis = client.get(_url(town, roster, "roster.csv"), {"encoding": "cp932"})
    assert "cp932" in sjis["Content-Type"]
    assert "職員" in sjis.content.decode("cp932") and not sjis.content.startswith(b"\xef\xbb\xbf")
    assert client.get(_url(town, roster, "roster.pdfx")).status_code == 404


def test_timesheets_export_only_what_the_user_may_see(january: Any, as_user: Any) -> None:
    town, roster, _req = january
    with scopes_disabled():
        roster.status = "published"
        roster.save()
        other_member = f.MemberBusinessFactory(cooperative=town.cooperative, name="別の農園")
        other_site = f.SiteFactory(member=other_member)
        req = StaffingRequestFactory(site=other_site, start_date=JAN,
                                     end_date=dt.date(2028, 1, 31))  # fmt: skip
        Shift.objects.create(cooperative=town.cooperative, roster=roster, request=req,
                             worker=f.WorkerFactory(cooperative=town.cooperative),
                             site=other_site, date=dt.date(2028, 1, 6),
                             start_time=dt.time(9), end_time=dt.time(17))  # fmt: skip
    base = f"/c/{town.cooperative.slug}/dispatch/timesheets"
    everything = as_user(town.coordinator).get(f"{base}.csv?month=2028-01")
    assert "別の農園" in everything.content.decode("utf-8-sig")
    mine = as_user(town.member_user).get(f"{base}.xlsx?month=2028-01")
    ws = load_workbook(io.BytesIO(mine.content))["勤怠実績"]
    members = {row[3] for row in ws.iter_rows(min_row=2, values_only=True)}
    assert members == {town.member.name}


def test_another_cooperative_gets_404_on_every_grid_route(
    january: Any, town_b: Town, as_user: Any
) -> None:
    town, roster, req = january
    outsider = as_user(town_b.coordinator)
    slug = town_b.cooperative.slug
    with scopes_disabled():
        shift = Shift.objects.get(roster=roster)
    base = f"/c/{slug}/dispatch"
    for url in ("cell/?worker=1&date=2028-01-04", "print/", "roster.pdf", "roster.xlsx",
                "roster.csv"):  # fmt: skip
        assert outsider.get(f"{base}/rosters/{roster.pk}/{url}").status_code == 404
    assert outsider.post(f"{base}/rosters/{roster.pk}/cell/add/",
                         {"worker": town.worker.pk, "request": req.pk,
                          "date": "2028-01-05"}).status_code == 404  # fmt: skip
    for tail in ("remove/", "swap/", "swap/check/"):
        response = outsider.post(f"{base}/shifts/{shift.pk}/cell/{tail}", {"worker": 1})
        assert response.status_code == 404
    with scopes_disabled():
        assert Shift.objects.filter(roster=roster).count() == 1


def test_members_and_workers_cannot_use_the_grid(january: Any, as_user: Any) -> None:
    town, roster, _req = january
    for user in (town.member_user, town.worker_user):
        assert as_user(user).get(_url(town, roster, "roster.xlsx")).status_code in {403, 404}


def test_wareki_is_a_cooperative_setting_used_by_the_documents(january: Any, as_user: Any) -> None:
    town, roster, _req = january
    client = as_user(town.coordinator)
    slug = town.cooperative.slug
    settings_page = client.get(f"/c/{slug}/settings/").content.decode()
    assert 'name="use_wareki"' in settings_page and "書類の日付を和暦で表示" in settings_page
    assert "2028年1月" in client.get(_url(town, roster, "print/")).content.decode()
    with scopes_disabled():
        town.cooperative.use_wareki = True
        town.cooperative.save()
    printed = client.get(_url(town, roster, "print/")).content.decode()
    assert "勤務表 令和10年1月" in printed
    ledger = client.get(f"/c/{slug}/dispatch/ledger.csv?month=2028-01").content.decode("utf-8-sig")
    assert "令和10年1月4日〜令和10年1月4日" in ledger


def test_approved_leave_shows_in_the_workers_row(january: Any, as_user: Any) -> None:
    from musubi.workforce.models import LeaveRequest

    town, roster, _req = january
    with scopes_disabled():
        LeaveRequest.objects.create(
            cooperative=town.cooperative, worker=town.worker, kind="paid", status="approved",
            start_date=dt.date(2028, 1, 6), end_date=dt.date(2028, 1, 6),
        )  # fmt: skip
    html = as_user(town.coordinator).get(_url(town, roster)).content.decode()
    row = html[html.index(f'data-worker="{town.worker.pk}" data-date="2028-01-06"') - 300 :]
    assert "年次有給休暇" in row[:300]  # the cell's tooltip names the kind of leave
    assert '<span class="leave">休</span>' in row[:700]
