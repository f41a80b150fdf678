"""``musubi labour-check FILE [--json]``: the issue's input and output format, and exit 2 with
the field named on bad input. Each issue example runs through the command too."""

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from musubi.engines.labour.cli import main


def case(work: list[dict[str, Any]], **over: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "settings": {
            "week_start": "sunday",
            "legal_holiday": None,
            "rest_days": {"rule": "weekly"},
            "overtime_cap": {"month_hours": 45, "year_hours": 360, "special_clause": False},
            "business_year_start": "04-01",
            "interval_hours": 11,
        },
        "worker": {
            "birth_date": "1990-05-01",
            "hire_date": "2027-03-01",
            "days_per_week": 5,
            "weekly_hours": 40,
        },
        "work": work,
        "leave": [],
        "as_of": "2027-04-30",
    }
    for key, value in over.items():
        section, _, field = key.partition("__")
        if field:
            data[section][field] = value
        else:
            data[section] = value
    return data


def run(tmp_path: Path, data: Any, capsys: pytest.CaptureFixture[str], *flags: str):
    path = tmp_path / "case.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    code = main([str(path), *flags])
    out = capsys.readouterr()
    return code, (json.loads(out.out) if code == 0 and "--json" in flags else out.out), out.err


def w(date: str, start: str = "09:00", end: str = "18:00", brk: int = 60) -> dict[str, Any]:
    return {"date": date, "start": start, "end": end, "break_minutes": brk}


def test_the_week_across_march_and_april_through_the_command(tmp_path, capsys):
    days = ["2027-03-29", "2027-03-30", "2027-03-31", "2027-04-01", "2027-04-02"]
    days += ["2027-04-03", "2027-04-04"]
    data = case([w(d) for d in days], settings__week_start="monday")
    code, out, _ = run(tmp_path, data, capsys, "--json")
    assert code == 0
    assert out["months"] == {
        "2027-03": {
            "worked_minutes": 1440,
            "overtime_minutes": 0,
            "overtime_over_60h_minutes": 0,
            "holiday_work_minutes": 0,
            "night_minutes": 0,
        },
        "2027-04": {
            "worked_minutes": 1920,
            "overtime_minutes": 480,
            "overtime_over_60h_minutes": 0,
            "holiday_work_minutes": 480,
            "night_minutes": 0,
        },
    }
    assert [(f["rule"], f["date"]) for f in out["findings"]] == [("R3.3", "2027-03-29")]
    assert out["paid_leave"] == []  # hired 1 March 2027: first grant on 1 September


def test_the_68_hour_month_through_the_command(tmp_path, capsys):
    import datetime as dt

    days = [dt.date(2027, 4, d) for d in range(1, 31)]
    work = [w(d.isoformat(), "07:00", "20:00") for d in days if d.weekday() < 4]
    _code, out, _ = run(tmp_path, case(work), capsys, "--json")
    assert out["months"]["2027-04"]["overtime_minutes"] == 68 * 60
    assert out["months"]["2027-04"]["overtime_over_60h_minutes"] == 8 * 60
    assert ("R3.4", "2027-04-01") in [(f["rule"], f["date"]) for f in out["findings"]]


def test_the_sixteen_year_old_and_the_missing_break_through_the_command(tmp_path, capsys):
    data = case(
        [w("2027-05-08", "15:00", "23:30"), w("2027-05-10", "08:00", "18:00", 0)],
        worker__birth_date="2011-01-10",
        worker__age_certificate=True,
    )
    _code, out, _ = run(tmp_path, data, capsys, "--json")
    got = [(f["rule"], f["date"]) for f in out["findings"]]
    assert ("R3.10", "2027-05-08") in got
    assert ("R3.2", "2027-05-10") in got
    assert out["months"]["2027-05"]["night_minutes"] == 90


def test_paid_leave_and_the_five_day_obligation_in_the_output(tmp_path, capsys):
    data = case(
        [w("2027-01-04")],
        worker__hire_date="2026-04-01",
        leave=[{"date": "2027-01-05", "days": 1}, {"date": "2027-01-06", "days": 0.5}],
        as_of="2027-10-01",
    )
    _code, out, _ = run(tmp_path, data, capsys, "--json")
    assert out["paid_leave"] == [
        {"granted_on": "2026-10-01", "days": 10, "taken_days": 1.5, "five_day_shortfall": 3.5},
        {"granted_on": "2027-10-01", "days": 11, "taken_days": 0, "five_day_shortfall": 5},
    ]
    assert [(f["rule"], f["date"]) for f in out["findings"]] == [("R3.9", "2026-10-01")]


def test_four_week_rest_rule_and_night_shifts_past_midnight(tmp_path, capsys):
    data = case(
        [w("2027-04-05", "22:00", "07:00")],
        settings__rest_days={"rule": "four_weeks", "origin": "2027-04-04"},
    )
    code, out, _ = run(tmp_path, data, capsys, "--json")
    assert code == 0 and out["months"]["2027-04"]["night_minutes"] == 360


@pytest.mark.parametrize(
    ("key", "value", "field"),
    [
        ("settings__week_start", "someday", "settings.week_start"),
        ("settings__rest_days", {"rule": "four_weeks"}, "settings.rest_days.origin"),
        ("settings__overtime_cap", {"month_hours": "45"}, "settings.overtime_cap.month_hours"),
        ("worker__hire_date", "2027-13-01", "worker.hire_date"),
        ("worker__days_per_week", 0, "worker.days_per_week"),
        ("leave", [{"date": "2027-04-01", "days": 2}], "leave[0].days"),
        ("as_of", "yesterday", "as_of"),
    ],
)
def test_bad_input_exits_2_naming_the_field(tmp_path, capsys, key, value, field):
    code, _, err = run(tmp_path, case([w("2027-04-05")], **{key: value}), capsys, "--json")
    assert code == 2
    assert field in err


def test_bad_work_items_name_their_index(tmp_path, capsys):
    data = case([w("2027-04-05"), w("2027-04-06", "09:00", "9:00")])
    code, _, err = run(tmp_path, data, capsys)
    assert code == 2 and "work[1].end" in err
    data = case([w("2027-04-05", "09:00", "10:00", 60)])
    code, _, err = run(tmp_path, data, capsys)
    assert code == 2 and "work[0].break_minutes" in err


def test_invalid_json_and_missing_files_exit_2(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    assert main([str(bad)]) == 2
    assert main([str(tmp_path / "missing.json")]) == 2


def test_the_text_output_lists_months_and_findings(tmp_path, capsys):
    code, out, _ = run(tmp_path, case([w("2027-04-05", "08:00", "18:00", 0)]), capsys)
    assert code == 0
    assert "2027-04  worked 10:00  overtime 2:00" in out
    assert "R3.2" in out


def test_the_console_command_runs_the_same_module(tmp_path):
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case([w("2027-04-05")], worker="nope")), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "musubi", "labour-check", str(path), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2 and "worker: expected an object" in done.stderr
