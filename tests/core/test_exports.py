"""The shared export helper: formula injection is neutralised, encodings are what Excel expects."""

import io

from openpyxl import load_workbook

from musubi.core.exports import csv_bytes, safe_cell, xlsx_bytes


def test_cells_that_a_spreadsheet_would_run_are_prefixed() -> None:
    for bad in ("=1+1", "+81", "-2", "@SUM(A1)", "\tx", "\rx"):
        assert safe_cell(bad) == "'" + bad
    assert safe_cell("山田") == "山田"
    assert safe_cell(-2) == -2  # numbers stay numbers


def test_csv_is_utf8_with_bom_or_cp932_on_request() -> None:
    body = csv_bytes(["氏名"], [["=HYPERLINK(1)"], ["髙橋"]])
    assert body.startswith(b"\xef\xbb\xbf")
    text = body[3:].decode("utf-8")
    assert "'=HYPERLINK(1)" in text and "\r\n" in text
    sjis = csv_bytes(["氏名"], [["山田"]], encoding="cp932")
    assert sjis.decode("cp932") == "氏名\r\n山田\r\n"


def test_xlsx_cells_are_neutralised() -> None:
    body = xlsx_bytes([("勤務表", ["氏名"], [["=cmd|' /C calc'!A0"]])])
    ws = load_workbook(io.BytesIO(body)).active
    assert ws is not None
    assert ws["A2"].value == "'=cmd|' /C calc'!A0"
    assert ws.title == "勤務表"
