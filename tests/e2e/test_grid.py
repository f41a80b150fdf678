"""The roster grid in a browser: a coordinator at 1280 px edits the month by clicking cells,
prints it and downloads it; a worker at 390 × 844 reads labelled timesheet rows."""

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
from django_scopes import scopes_disabled
from openpyxl import load_workbook
from playwright.sync_api import Browser, Page, expect

from musubi.dispatch.models import Roster, Shift, StaffingRequest
from musubi.dispatch.services import shift_assign
from tests import factories as f
from tests.conftest import Town
from tests.dispatch.factories import TimesheetEntryFactory
from tests.e2e.test_roles import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

JAN = dt.date(2028, 1, 1)
SITE = "やまびこ旅館 本館フロントおよび大広間"


def _january(town: Town, *, status: str = "draft") -> tuple[Roster, StaffingRequest, Any]:
    with scopes_disabled():
        coop = town.cooperative
        coop.dispatch_notified_on = dt.date(2024, 4, 1)
        coop.save()
        town.site.name = SITE
        town.site.save()
        req = StaffingRequest.objects.create(
            cooperative=coop, member=town.member, site=town.site, title="フロント",
            start_date=JAN, end_date=dt.date(2028, 1, 31), weekdays=[0, 1, 2, 3, 4],
            start_time=dt.time(9), end_time=dt.time(17), break_minutes=60, headcount=2,
            status="approved",
        )  # fmt: skip
        roster = Roster.objects.create(
            cooperative=coop, start_date=JAN, end_date=dt.date(2028, 1, 31), status=status
        )
        shift_assign(roster=roster, worker=town.worker, request=req, date=dt.date(2028, 1, 4),
                     actor=town.coordinator)  # fmt: skip
        other = f.WorkerFactory(cooperative=coop, family_name="鈴木", given_name="一郎")
    return roster, req, other


@pytest.fixture
def wide(browser: Browser, live_server: Any) -> Any:
    context = browser.new_context(
        locale="ja-JP", viewport={"width": 1280, "height": 900}, accept_downloads=True
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def test_the_coordinator_sees_the_whole_month_and_adds_a_shift_by_clicking_a_cell(
    wide: Page, live_server: Any, town_a: Town
) -> None:
    roster, _req, other = _january(town_a)
    page = wide
    log_in(page, live_server.url, town_a.coordinator)
    page.goto(f"{live_server.url}/c/{town_a.cooperative.slug}/dispatch/rosters/{roster.pk}/")
    grid = page.locator("#roster-grid")
    expect(grid.locator("thead")).to_contain_text("成人の日")
    expect(grid.locator("thead")).to_contain_text("元日")
    expect(grid).to_contain_text(SITE)  # the full site name, wrapped rather than cut

    # The month scrolls sideways; the names stay and the 31st comes into view.
    grid.evaluate("el => { el.scrollLeft = el.scrollWidth; }")
    expect(grid.locator('th[data-date="2028-01-31"]')).to_be_in_viewport()
    expect(grid.locator("tbody th", has_text="鈴木 一郎")).to_be_in_viewport()
    grid.evaluate("el => { el.scrollLeft = 0; }")

    cell = grid.locator(f'button.cell[data-worker="{other.pk}"][data-date="2028-01-05"]')
    cell.click()
    panel = page.locator("#cell-panel")
    expect(panel).to_contain_text("フロント")
    expect(panel).to_contain_text("このシフトはすべてのルールを満たしています")
    panel.get_by_role("button", name="このシフトを追加").click()
    expect(panel).to_contain_text("シフトを追加しました")
    added = page.locator(f'button.cell[data-worker="{other.pk}"][data-date="2028-01-05"]')
    expect(added).to_contain_text(SITE)
    with scopes_disabled():
        assert Shift.objects.filter(worker=other, date=dt.date(2028, 1, 5)).count() == 1

    # Printing shows the grid only: no menus, no forms, nothing cut at the right edge.
    page.emulate_media(media="print")
    expect(page.locator("header.site")).to_be_hidden()
    expect(page.locator("form").first).to_be_hidden()
    expect(page.locator("#worker-calendar")).to_be_visible()
    right = page.locator("#worker-calendar").evaluate("el => el.getBoundingClientRect().right")
    assert right <= page.evaluate("window.innerWidth")
    page.emulate_media(media="screen")

    page.goto(f"{live_server.url}/c/{town_a.cooperative.slug}/dispatch/rosters/{roster.pk}/print/")
    expect(page.locator("#print-grid")).to_contain_text("成人の日")
    expect(page.locator("nav")).to_have_count(0)

    page.goto(f"{live_server.url}/c/{town_a.cooperative.slug}/dispatch/rosters/{roster.pk}/")
    with page.expect_download() as info:
        page.locator("a", has_text="Excel").first.click()
    path = info.value.path()
    assert info.value.suggested_filename == "roster-2028-01.xlsx"
    sheet = load_workbook(io.BytesIO(Path(path).read_bytes()))["勤務表"]
    names = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert "鈴木 一郎" in names


def test_a_worker_reads_labelled_timesheet_rows_on_a_phone(
    page: Page, live_server: Any, town_a: Town
) -> None:
    _roster, _req, _other = _january(town_a, status="published")
    with scopes_disabled():
        TimesheetEntryFactory(shift=Shift.objects.get(worker=town_a.worker))
    log_in(page, live_server.url, town_a.worker_user)
    page.goto(f"{live_server.url}/c/{town_a.cooperative.slug}/dispatch/timesheets/?month=2028-01")
    expect(page.locator("table.records thead")).to_be_hidden()
    cell = page.locator("table.records td[data-label]").first
    expect(cell).to_be_visible()
    label = cell.evaluate("el => getComputedStyle(el, '::before').content")
    assert label == '"日付"'
    actual = page.locator("td[data-label='実績']").first
    assert actual.evaluate("el => getComputedStyle(el, '::before').content") == '"実績"'
    expect(actual).to_contain_text("09:00")
