"""The roster and the timesheets as spreadsheets and the roster as a PDF, built from the same
grid as the screen so that every copy shows the same figures."""

from collections.abc import Iterable
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone, translation

from musubi.core.japanese import format_document_date
from musubi.dispatch.grid import Grid, roster_grid
from musubi.dispatch.models import Roster, Shift

Sheet = tuple[str, list[Any], list[list[Any]]]


def _h(minutes: int) -> float:
    return round(minutes / 60, 2)


def _span(start: Any, end: Any) -> str:
    return f"{start:%H:%M}-{end:%H:%M}"


def grid_rows(grid: Grid) -> Sheet:
    header: list[Any] = ["職員", "労働時間(h)", "所定(h)"]
    header += [
        f"{d.date.day}({d.weekday}){' ' + d.holiday if d.holiday else ''}" for d in grid.days
    ]
    rows = []
    for row in grid.rows:
        cells: list[Any] = [str(row.worker), _h(row.worked), _h(row.contract)]
        for c in row.cells:
            if c.shift:
                s = c.shift
                cells.append(
                    f"{s.site.member.name} {s.site.name} {_span(s.start_time, s.end_time)}"
                )
            else:
                cells.append(c.leave and "休")
        rows.append(cells)
    return ("勤務表", header, rows)


def shift_rows(shifts: Iterable[Shift]) -> Sheet:
    header: list[Any] = [
        "日付", "曜日", "職員", "派遣先", "就業場所", "業務", "開始", "終了", "休憩(分)", "時間(h)",
    ]  # fmt: skip
    rows = [
        [
            s.date,
            "月火水木金土日"[s.date.weekday()],
            str(s.worker),
            s.site.member.name,
            s.site.name,
            s.request.title if s.request else "",
            f"{s.start_time:%H:%M}",
            f"{s.end_time:%H:%M}",
            s.break_minutes,
            _h(s.minutes),
        ]
        for s in shifts
    ]
    return ("明細", header, rows)


def roster_sheets(roster: Roster) -> list[Sheet]:
    """Two sheets: the grid (one row per worker) and one row per shift."""
    grid = roster_grid(roster)
    shifts = roster.shifts.select_related("worker", "site__member", "request").order_by(
        "date", "worker__family_name_kana", "pk"
    )
    return [grid_rows(grid), shift_rows(shifts)]


def timesheet_sheets(shifts: Iterable[Shift]) -> list[Sheet]:
    header: list[Any] = [
        "日付", "曜日", "職員", "派遣先", "就業場所", "予定開始", "予定終了", "実績開始",
        "実績終了", "休憩(分)", "実績時間(h)", "派遣先確認", "確定",
    ]  # fmt: skip
    rows = []
    for s in shifts:
        ts = getattr(s, "timesheet", None)
        confirmed = (
            timezone.localtime(ts.confirmed_at).strftime("%Y-%m-%d %H:%M")
            if ts and ts.confirmed_at
            else ""
        )
        rows.append([
            s.date, "月火水木金土日"[s.date.weekday()], str(s.worker), s.site.member.name,
            s.site.name, f"{s.start_time:%H:%M}", f"{s.end_time:%H:%M}",
            f"{ts.actual_start:%H:%M}" if ts else "", f"{ts.actual_end:%H:%M}" if ts else "",
            ts.break_minutes if ts else "", _h(ts.minutes) if ts else "", confirmed,
            "済" if ts and ts.locked else "",
        ])  # fmt: skip
    return [("勤怠実績", header, rows)]


def print_context(roster: Roster) -> dict[str, Any]:
    coop = roster.cooperative
    return {
        "roster": roster, "grid": roster_grid(roster), "coop": coop,
        "period": format_document_date(roster.start_date, wareki=coop.use_wareki, day=False),
        "today": format_document_date(timezone.localdate(), wareki=coop.use_wareki),
    }  # fmt: skip


def roster_pdf(roster: Roster) -> bytes:
    from weasyprint import HTML

    with translation.override("ja"):
        html = render_to_string(
            "dispatch/roster_print.html", {**print_context(roster), "pdf": True}
        )
    pdf: bytes = HTML(string=html).write_pdf()
    return pdf
