"""Ledger (CSV, Excel), compliance CSV and the PDF notices."""

import contextlib
import csv
import io
import re
import zlib
from typing import Any

import pytest
from django_scopes import scopes_disabled
from openpyxl import load_workbook

from musubi.dispatch.documents import LEDGER_COLUMNS
from tests.conftest import Town
from tests.dispatch.factories import shift_in

BOM = b"\xef\xbb\xbf"


def _pdf_text(pdf: bytes) -> str:
    """Raw text of a PDF with its compressed streams inflated (font names live in them)."""
    parts = [pdf]
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", pdf, re.S):
        with contextlib.suppress(zlib.error):
            parts.append(zlib.decompress(match.group(1)))
    return b"".join(parts).decode("latin-1")


@pytest.fixture
def dispatched(town_a: Town) -> Any:
    with scopes_disabled():
        return shift_in(town_a)


def test_the_ledger_has_one_column_per_legal_item_and_no_empty_mandatory_cell(
    town_a: Town, dispatched: Any, as_user: Any
) -> None:
    client = as_user(town_a.coordinator)
    response = client.get(f"/c/{town_a.cooperative.slug}/dispatch/ledger.csv?month=2027-04")
    assert response.content.startswith(BOM)
    rows = list(csv.reader(io.StringIO(response.content[3:].decode("utf-8"))))
    assert rows[0] == [name for name, _ in LEDGER_COLUMNS]
    assert len(rows[0]) == 23
    assert len(rows) == 2
    for (name, mandatory), cell in zip(LEDGER_COLUMNS, rows[1], strict=True):
        assert cell.strip() or not mandatory, name
    assert rows[1][2] == "無期雇用"


def test_the_ledger_opens_in_excel_with_the_same_columns(
    town_a: Town, dispatched: Any, as_user: Any
) -> None:
    response = as_user(town_a.coordinator).get(
        f"/c/{town_a.cooperative.slug}/dispatch/ledger.xlsx?month=2027-04"
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    values = list(sheet.iter_rows(values_only=True))
    assert list(values[0]) == [name for name, _ in LEDGER_COLUMNS]
    assert all(cell for cell, (_, must) in zip(values[1], LEDGER_COLUMNS, strict=True) if must)


def test_the_compliance_csv_is_utf8_with_a_bom(town_a: Town, dispatched: Any, as_user: Any) -> None:
    response = as_user(town_a.coordinator).get(
        f"/c/{town_a.cooperative.slug}/dispatch/compliance.csv?month=2027-04"
    )
    assert response.content.startswith(BOM)
    text = response.content[3:].decode("utf-8")
    assert "法定時間外" in text and str(town_a.worker) in text


def test_the_notices_are_pdfs_with_japanese_fonts(
    town_a: Town, dispatched: Any, as_user: Any
) -> None:
    client = as_user(town_a.coordinator)
    base = f"/c/{town_a.cooperative.slug}/dispatch/rosters/{dispatched.roster_id}"
    for url in (f"{base}/workers/{town_a.worker.pk}/terms.pdf",
                f"{base}/members/{town_a.member.pk}/notice.pdf"):  # fmt: skip
        response = client.get(url)
        assert response["Content-Type"] == "application/pdf"
        assert response.content.startswith(b"%PDF")
        assert "NotoSansCJK" in _pdf_text(response.content)


def test_another_cooperatives_coordinator_cannot_download_the_ledger(
    town_a: Town, town_b: Town, dispatched: Any, as_user: Any
) -> None:
    response = as_user(town_b.coordinator).get(f"/c/{town_a.cooperative.slug}/dispatch/ledger.csv")
    assert response.status_code == 404


def test_the_compliance_page_shows_the_month_and_the_business_year(
    town_a: Town, dispatched: Any, as_user: Any
) -> None:
    page = as_user(town_a.coordinator).get(
        f"/c/{town_a.cooperative.slug}/dispatch/compliance/?month=2027-04"
    )
    assert page.status_code == 200
    assert str(town_a.worker) in page.text and "36条" in page.text


def test_the_ledger_states_confirmed_actual_times_and_the_plan_otherwise(
    town_a: Town, as_user: Any
) -> None:
    import datetime as dt

    from django.utils import timezone

    from tests.dispatch.factories import TimesheetEntryFactory

    with scopes_disabled():
        worked = shift_in(town_a, date=dt.date(2027, 4, 5))
        planned = shift_in(town_a, roster=worked.roster, request=worked.request,
                           date=dt.date(2027, 4, 6))  # fmt: skip
        TimesheetEntryFactory(shift=worked, actual_start=dt.time(8, 45),
                              actual_end=dt.time(18, 15), break_minutes=45,
                              confirmed_at=timezone.now())  # fmt: skip
        # Entered but not confirmed by the member: the ledger keeps the plan.
        TimesheetEntryFactory(shift=planned, actual_start=dt.time(10), actual_end=dt.time(12))
    client = as_user(town_a.coordinator)
    response = client.get(f"/c/{town_a.cooperative.slug}/dispatch/ledger.csv?month=2027-04")
    rows = list(csv.reader(io.StringIO(response.content[3:].decode("utf-8"))))
    hours = rows[1][[name for name, _ in LEDGER_COLUMNS].index("始業・終業時刻")]
    assert hours == "4/5 08:45〜18:15(休憩45分)、4/6 09:00〜17:00(休憩60分)"


FORMULA = '=HYPERLINK("https://evil.example/","請求書")'


@pytest.fixture
def formula_title(town_a: Town) -> Any:
    from tests.dispatch.factories import StaffingRequestFactory

    with scopes_disabled():
        request = StaffingRequestFactory(site=town_a.site, title=FORMULA)
        return shift_in(town_a, request=request)


def test_a_request_title_that_is_a_formula_stays_text_in_the_ledger_csv_and_xlsx(
    town_a: Town, formula_title: Any, as_user: Any
) -> None:
    client = as_user(town_a.coordinator)
    base = f"/c/{town_a.cooperative.slug}/dispatch/ledger"
    csv_rows = list(
        csv.reader(io.StringIO(client.get(f"{base}.csv?month=2027-04").content[3:].decode()))
    )
    workbook = load_workbook(io.BytesIO(client.get(f"{base}.xlsx?month=2027-04").content))
    assert workbook.active is not None
    xlsx_rows = list(workbook.active.iter_rows())
    for cells in (csv_rows[1], [c.value for c in xlsx_rows[1]]):
        assert "'" + FORMULA in cells
        assert not any(str(c).startswith(("=", "+", "-", "@")) for c in cells if c)
    assert all(cell.data_type != "f" for cell in xlsx_rows[1])


def test_an_unknown_ledger_format_is_not_found(town_a: Town, as_user: Any) -> None:
    client = as_user(town_a.coordinator)
    response = client.get(f"/c/{town_a.cooperative.slug}/dispatch/ledger.pdf?month=2027-04")
    assert response.status_code == 404
