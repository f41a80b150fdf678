"""Spreadsheet exports (CSV and Excel) shared by every download, with formula injection neutralised.

A cell that starts with = + - @ (or a tab / carriage return, which some spreadsheet programs strip
before parsing) is run as a formula when the file is opened (CWE-1236). Every exported text cell
passes through ``safe_cell``, which prefixes such a value with an apostrophe so it shows as text.
"""

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from django.http import HttpResponse

_DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r")
UTF8_BOM = b"\xef\xbb\xbf"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def safe_cell(value: Any) -> Any:
    """The value, or for text that a spreadsheet would run as a formula, the text prefixed by '."""
    if isinstance(value, str) and value.startswith(_DANGEROUS_START):
        return "'" + value
    return value


def safe_row(row: Iterable[Any]) -> list[Any]:
    return [safe_cell(v) for v in row]


def csv_bytes(
    header: Sequence[Any], rows: Iterable[Iterable[Any]], *, encoding: str = "utf-8"
) -> bytes:
    """CSV with CRLF lines; UTF-8 with a BOM (Excel opens it by double-click), or CP932 for
    older Japanese tools, where characters outside CP932 become '?' rather than failing."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(safe_row(header))
    for row in rows:
        writer.writerow(safe_row("" if v is None else v for v in row))
    text = buf.getvalue()
    if encoding == "cp932":
        return text.encode("cp932", errors="replace")
    return UTF8_BOM + text.encode("utf-8")


def xlsx_bytes(sheets: Sequence[tuple[str, Sequence[Any], Iterable[Iterable[Any]]]]) -> bytes:
    """One worksheet per (title, header, rows); the header row is frozen and bold."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    first = wb.active
    assert first is not None
    wb.remove(first)
    for title, header, rows in sheets:
        ws = wb.create_sheet(title=title[:31])
        ws.append(safe_row(header))
        for cell in ws[1]:
            cell.font = Font(bold=True)
        ws.freeze_panes = "A2"
        for row in rows:
            ws.append(safe_row(row))
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def wants_cp932(request: Any) -> bool:
    return str(request.GET.get("encoding", "")).lower() in {"cp932", "shift_jis", "sjis"}


def download(body: bytes, *, filename: str, kind: str) -> HttpResponse:
    """An attachment response; ``kind`` is "csv", "csv-cp932" or "xlsx"."""
    content_type = {
        "csv": "text/csv; charset=utf-8",
        "csv-cp932": "text/csv; charset=cp932",
        "xlsx": XLSX_TYPE,
    }[kind]
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
