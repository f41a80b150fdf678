"""The command lines: JSON output, and clear errors with exit code 2 on bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from musubi.engines.rostering.cli import bench_main, solve_main

from .helpers import INSTANCES

EXAMPLE = {
    "name": "two members",
    "horizon": 7,
    "first_weekday": 0,
    "shifts": [
        {"id": "farm-am", "start": 480, "end": 720, "site": "farm", "skill": "farm"},
        {"id": "inn-pm", "start": 900, "end": 1320, "break_minutes": 60, "site": "inn"},
    ],
    "workers": [
        {"id": "aiko", "skills": ["farm"], "max_total_minutes": 2400, "max_weekends": 1},
        {"id": "ben", "max_shifts": {"inn-pm": 4}, "days_off": [2]},
    ],
    "cover": [{"day": d, "shift": "farm-am", "target": 1} for d in range(7)]
    + [{"day": d, "shift": "inn-pm", "target": 1, "hard_min": 0} for d in range(5)],
    "requests": [{"worker": "aiko", "day": 3, "shift": None, "weight": 5, "on": False}],
    "labour": {"weekly_max": {"mode": "hard", "limit": 2400}, "interval": {"mode": "hard"}},
    "weights": {"continuity": 2},
}


def _write(tmp_path: Path, data: object, name: str = "p.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def test_solve_prints_a_solution_for_a_json_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = solve_main([_write(tmp_path, EXAMPLE), "--time-limit", "3"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    assert out["status"] == "optimal"
    assert {a["worker"] for a in out["assignments"]} == {"aiko", "ben"}
    assert out["objective"] == sum(out["terms"].values())


@pytest.mark.parametrize(
    ("mutate", "needle"),
    [
        (lambda d: d["cover"][0].update(shift="bakery"), "cover[0].shift: unknown shift type"),
        (lambda d: d["workers"][0].update(max_total_minutes=-5), "workers[0].max_total_minutes"),
        (lambda d: d["shifts"][1].update(break_minutes=-30), "shifts[1].break_minutes"),
        (lambda d: d["workers"][1].update(colour="red"), "workers[1].colour: unknown field"),
        (lambda d: d.pop("horizon"), "horizon: required field missing"),
    ],
)
def test_bad_problem_files_fail_with_the_field_named_and_exit_code_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], mutate: object, needle: str
) -> None:
    data = json.loads(json.dumps(EXAMPLE))
    assert callable(mutate)
    mutate(data)
    path = _write(tmp_path, data)
    assert solve_main([path]) == 2
    err = capsys.readouterr().err
    assert path in err and needle in err and "Traceback" not in err


def test_invalid_json_names_the_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{\n  "horizon": 7,\n  "shifts": [,]\n}', encoding="utf-8")
    assert solve_main([str(path)]) == 2
    assert f"{path}:3:" in capsys.readouterr().err


def test_bench_reports_a_malformed_instance_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "Instance99.txt"
    bad.write_text(
        "SECTION_HORIZON\n14\n\nSECTION_SHIFTS\nD,abc,\n\nSECTION_STAFF\nA,D=1,1,1,1,1,1,1\n",
        encoding="utf-8",
    )
    assert bench_main([str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:5: shift length must be an integer" in err


def test_bench_usage_errors_exit_with_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert bench_main([]) == 2
    assert bench_main(["--time-limit", "soon"]) == 2
    assert "usage: musubi roster-bench" in capsys.readouterr().err


@pytest.mark.skipif(not (INSTANCES / "Instance1.txt").exists(), reason="benchmark folder absent")
def test_bench_prints_one_json_line_scored_by_the_checker(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert bench_main([str(INSTANCES / "Instance1.txt"), "--time-limit", "5"]) == 0
    line = json.loads(capsys.readouterr().out.strip())
    assert set(line) == {
        "instance",
        "objective",
        "bound",
        "best_known",
        "gap_pct",
        "bound_gap_pct",
        "hard_violations",
        "status",
        "seconds",
        "seconds_to_best",
        "limit",
        "deterministic",
    }
    assert (line["instance"], line["objective"], line["best_known"]) == ("Instance1", 607, 607)
    assert line["gap_pct"] == 0 and line["hard_violations"] == 0


def test_importing_the_cli_does_not_load_the_solver() -> None:
    code = (
        "import sys; import musubi.engines.rostering.cli; "
        "print('ortools' in sys.modules or 'django' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_json_schema_describes_the_fields_the_reader_accepts() -> None:
    from dataclasses import fields

    from musubi.engines.rostering.jsonio import SCHEMA_PATH
    from musubi.engines.rostering.model import LabourRules, Weights, Worker

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    props = schema["properties"]
    assert set(schema["required"]) == {"horizon", "shifts", "workers"}
    assert set(props["workers"]["items"]["properties"]) == {f.name for f in fields(Worker)}
    assert set(props["labour"]["properties"]) == {f.name for f in fields(LabourRules)}
    assert set(props["weights"]["properties"]) == {f.name for f in fields(Weights)}
    assert set(EXAMPLE) <= set(props)
