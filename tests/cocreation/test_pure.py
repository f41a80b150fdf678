"""iCalendar text, common meeting slots and the KPI chart: pure functions, no database."""

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

from musubi.cocreation import ics
from musubi.cocreation.board import kpi_chart
from musubi.cocreation.models import KpiValue
from musubi.cocreation.scheduling import common_slots

TOKYO = ZoneInfo("Asia/Tokyo")


def test_the_invitation_is_rfc5545_with_crlf_folded_lines_and_escaped_text() -> None:
    start = dt.datetime(2027, 4, 6, 20, 0, tzinfo=TOKYO)
    text = ics.invitation(
        uid="room@musubi",
        start=start,
        end=start + dt.timedelta(hours=1),
        summary="顔合わせ; ワイン, 通販",
        description="一行目\n二行目" * 10,
        url="https://meet.jit.si/musubi-abc",
        organizer=("テスト町協同組合", "office@example.jp"),
        attendees=[("山田 里美", "satomi@example.jp")],
    )
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")
    assert "DTSTART;TZID=Asia/Tokyo:20270406T200000" in text
    assert "BEGIN:VTIMEZONE\r\nTZID:Asia/Tokyo" in text
    assert "METHOD:REQUEST" in text
    assert "SUMMARY:顔合わせ\\; ワイン\\, 通販" in text
    for line in text.split("\r\n"):
        assert len(line.encode()) <= 75
    unfolded = text.replace("\r\n ", "")
    assert "DESCRIPTION:" + "一行目\\n二行目" * 10 in unfolded
    assert "mailto:satomi@example.jp" in unfolded
    assert "ORGANIZER;CN=テスト町協同組合:mailto:office@example.jp" in unfolded


def test_a_name_with_a_line_break_cannot_add_a_property_to_the_invitation() -> None:
    start = dt.datetime(2027, 4, 6, 20, 0, tzinfo=TOKYO)
    text = ics.invitation(
        uid="room@musubi",
        start=start,
        end=start + dt.timedelta(hours=1),
        summary="顔合わせ\r\nORGANIZER:mailto:evil@example.com",
        description="",
        url="https://meet.jit.si/musubi-abc",
        organizer=("組合", "office@example.jp"),
        attendees=[('山田\nORGANIZER:mailto:evil@example.com\r\n"x', "satomi@example.jp")],
    )
    lines = text.replace("\r\n ", "").split("\r\n")
    assert [line for line in lines if line.startswith("ORGANIZER")] == [
        "ORGANIZER;CN=組合:mailto:office@example.jp"
    ]
    assert not any(line.startswith(("x", '"')) for line in lines)


def test_common_slots_lie_in_every_participants_window_in_tokyo_time() -> None:
    monday = dt.datetime(2027, 4, 5, 8, 0, tzinfo=TOKYO)
    slots = common_slots(
        [["weekday_evening", "weekend"], ["weekday_evening"], []], [], after=monday, limit=3
    )
    assert slots[0] == dt.datetime(2027, 4, 5, 19, 0, tzinfo=TOKYO)
    assert [s.hour for s in slots] == [19, 19, 20]
    assert all(s.weekday() < 5 for s in slots)


def test_busy_times_are_skipped_and_holidays_count_as_weekend() -> None:
    # 2027-04-29 (Thursday) is 昭和の日.
    morning = dt.datetime(2027, 4, 29, 8, 0, tzinfo=TOKYO)
    busy = [
        (
            dt.datetime(2027, 4, 29, 10, 0, tzinfo=TOKYO),
            dt.datetime(2027, 4, 29, 12, 0, tzinfo=TOKYO),
        )
    ]
    slots = common_slots([["weekend"]], busy, after=morning, limit=2)
    assert slots[0] == dt.datetime(2027, 4, 29, 12, 0, tzinfo=TOKYO)
    assert common_slots([["weekday_day"]], [], after=morning, days=1) == []


def test_the_kpi_chart_is_an_inline_svg_per_measure() -> None:
    values = [
        KpiValue(name="稼働率", value=Decimal(v), recorded_on=dt.date(2027, 4, d))
        for v, d in (("38", 1), ("45", 15), ("52", 29))
    ]
    charts = kpi_chart(values)
    svg = charts["稼働率"]
    assert svg.startswith("<svg") and svg.count("<circle") == 3
    assert ">52<" in svg and "4/29" in svg
    assert "<script" not in svg
