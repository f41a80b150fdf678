"""The Curtois-Qu reader maps benchmark files onto the engine's model."""

from __future__ import annotations

from pathlib import Path

import pytest

from musubi.engines.rostering.curtois import parse_instance, read_best_known, read_instance
from musubi.engines.rostering.errors import ProblemError

from .helpers import INSTANCES

TINY = """# comment
SECTION_HORIZON
14

SECTION_SHIFTS
D,480,
L,600,D

SECTION_STAFF
A,D=14|L=3,4320,3360,5,2,2,1
B,D=14|L=0,4320,3360,5,2,2,1

SECTION_DAYS_OFF
A,0,13

SECTION_SHIFT_ON_REQUESTS
A,2,D,2

SECTION_SHIFT_OFF_REQUESTS
B,3,D,3

SECTION_COVER
0,D,2,100,1
0,L,1,100,1
"""


README_TABLE = """
| Instance | Days | Staff | Types | Best-known UB [A] | LB [A] | UB [B] 2023 | LB / UB [C] 2022 |
|---|---|---|---|---|---|---|---|
| 1 | 14 | 8 | 1 | **607** | 607 | 607 | 607 / 607 |
| 15 | 42 | 45 | 6 | **3828 ⚠** | 3828 ⚠ | 3829 | 3829 / 3831 |
| 23 | 364 | 100 | 16 | **17285** | 17285 | 17428 | 16990 / 17428 |
"""


def test_best_known_values_are_read_from_the_benchmark_readme_not_kept_in_the_code(
    tmp_path: Path,
) -> None:
    path = tmp_path / "README.md"
    path.write_text("# Benchmark\n" + README_TABLE, encoding="utf-8")
    # A flagged row takes the smallest upper bound no lower bound contradicts.
    assert read_best_known(path) == {1: 607, 15: 3829, 23: 17285}
    assert read_best_known(tmp_path / "missing.md") == {}


def test_a_small_instance_maps_contracts_requests_and_cover() -> None:
    p = parse_instance(TINY.replace("\n", "\r\n"), "tiny.txt")
    assert p.horizon == 14 and p.first_weekday == 0 and p.exempt_edges
    assert [s.id for s in p.shifts] == ["D", "L"]
    assert p.shift("L").minutes == 600
    assert p.forbidden_successions == (("L", "D"),)
    a, b = p.workers
    assert a.days_off == frozenset({0, 13})
    assert a.max_for("L") == 3 and "L" in a.skills
    assert b.max_for("L") == 0 and "L" not in b.skills
    assert (a.max_total_minutes, a.min_total_minutes) == (4320, 3360)
    assert (a.max_consecutive_days, a.min_consecutive_days) == (5, 2)
    assert (a.min_consecutive_days_off, a.max_weekends) == (2, 1)
    assert [(r.worker, r.day, r.shift, r.weight, r.on) for r in p.requests] == [
        ("A", 2, "D", 2, True),
        ("B", 3, "D", 3, False),
    ]
    assert [(c.day, c.shift, c.target) for c in p.cover] == [(0, "D", 2), (0, "L", 1)]


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        (TINY.replace("0,L,1,100,1", "0,X,1,100,1"), "tiny.txt:24: unknown shift type 'X'"),
        (TINY.replace("A,0,13", "Z,0,13"), "tiny.txt:14: unknown employee 'Z'"),
        (TINY.replace("L,600,D", "L,-600,D"), "tiny.txt:7: shift length must be >= 1"),
        (TINY.replace("4320,3360,5", "4320,-1,5"), "tiny.txt:10: MinTotalMins must be >= 0"),
        (TINY.replace("SECTION_HORIZON\n14", "SECTION_HORIZON\nfourteen"), "must be an integer"),
        (TINY.replace("A,0,13", "A,0,99"), "tiny.txt:14: day 99 outside horizon 14"),
        (TINY.replace("SECTION_STAFF", "SECTION_STUFF"), "missing or empty SECTION_STAFF"),
    ],
)
def test_malformed_files_raise_an_error_naming_file_and_line(text: str, needle: str) -> None:
    with pytest.raises(ProblemError) as err:
        parse_instance(text, "tiny.txt")
    assert needle in str(err.value)


@pytest.mark.skipif(not INSTANCES.exists(), reason="benchmark folder absent")
def test_every_present_benchmark_file_reads() -> None:
    for path in sorted(INSTANCES.glob("Instance*.txt")):
        p = read_instance(path)
        assert p.horizon % 7 == 0
        assert p.workers and p.shifts and p.cover
