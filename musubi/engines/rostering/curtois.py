"""Reader for the Curtois-Qu ``InstanceN.txt`` benchmark files (Instances 1-24).

The mapping onto the engine's model: each shift type becomes a ShiftType whose skill is
its own id (so ``S=0`` in a contract removes the skill), lengths become minutes, the
"cannot follow" lists become forbidden successions, and runs touching day 0 or H-1 are
exempt from the minimum-consecutive rules (the benchmark's boundary rule).
"""

from __future__ import annotations

import re
from pathlib import Path

from .errors import ProblemError
from .model import Cover, Problem, Request, ShiftType, Worker


# Published best-known objective values (schedulingbenchmarks.org, via the transcriptions
# listed in /work/shared/benchmarks/shift-scheduling/README.md; Instance 15 uses 3829).
def read_best_known(path: str | Path) -> dict[int, int]:
    """Best-known objectives from the benchmark folder's README table (not kept here).

    Rows look like ``| 8 | 28 | 30 | 4 | **1300** | 1300 | 1300 | 1300 / 1300 |`` under a
    header naming each column's bounds (``UB [A]``, ``LB [A]``, ``LB / UB [C]``). The bold
    cell is the value, except where a row is flagged (a warning sign: sources disagree);
    then it is the smallest published upper bound that is not below a published lower
    bound, as the README asks.
    """
    out: dict[int, int] = {}
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return out
    kinds: list[list[str]] = []
    for line in lines:
        cells = [x.strip() for x in line.strip().strip("|").split("|")]
        if cells and cells[0] == "Instance":
            # "LB / UB [C]" -> ["LB", "UB"]; "UB [B] 2023" -> ["UB"]; others -> [].
            kinds = [re.findall(r"\b([LU]B)\b", h) for h in cells]
            continue
        if len(cells) < 5 or not cells[0].isdigit() or not kinds:
            continue
        bold = next((m for x in cells if (m := re.search(r"\*\*(\d+)", x))), None)
        if bold is None:
            continue
        value = int(bold.group(1))
        if "⚠" in line:
            lbs: list[int] = []
            ubs: list[int] = []
            for kind, cell in zip(kinds, cells, strict=False):
                for k, num in zip(kind, re.findall(r"\d+", cell), strict=False):
                    (lbs if k == "LB" else ubs).append(int(num))
            fit = [u for u in ubs if u >= max(lbs, default=0)]
            value = min(fit, default=value)
        out[int(cells[0])] = value
    return out


def best_known_near(path: str | Path) -> dict[int, int]:
    """The README beside an instance file or one folder up (the benchmark's layout)."""
    here = Path(path).resolve().parent
    for folder in (here, here.parent):
        found = read_best_known(folder / "README.md")
        if found:
            return found
    return {}


def instance_number(path: str | Path) -> int | None:
    m = re.fullmatch(r"Instance(\d+)\.txt", Path(path).name)
    return int(m.group(1)) if m else None


def read_instance(path: str | Path) -> Problem:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ProblemError(str(path), f"cannot read file: {exc}") from None
    return parse_instance(text, str(path))


def _int(value: str, where: str, what: str, minimum: int = 0) -> int:
    try:
        n = int(value.strip())
    except ValueError:
        raise ProblemError(where, f"{what} must be an integer, got {value.strip()!r}") from None
    if n < minimum:
        raise ProblemError(where, f"{what} must be >= {minimum}, got {n}")
    return n


def parse_instance(text: str, name: str = "<instance>") -> Problem:
    sections: dict[str, list[tuple[int, str]]] = {}
    current: str | None = None
    for no, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if line.startswith("#"):
            continue
        if not line:
            current = None
            continue
        if line.startswith("SECTION_"):
            current = line
            if current in sections:
                raise ProblemError(f"{name}:{no}", f"duplicate section {line}")
            sections[current] = []
        elif current is None:
            raise ProblemError(f"{name}:{no}", f"data outside a section: {line[:40]!r}")
        else:
            sections[current].append((no, line))
    for required in ("SECTION_HORIZON", "SECTION_SHIFTS", "SECTION_STAFF"):
        if not sections.get(required):
            raise ProblemError(name, f"missing or empty {required}")

    no, line = sections["SECTION_HORIZON"][0]
    horizon = _int(line, f"{name}:{no}", "horizon", 1)

    shifts: list[ShiftType] = []
    follow: dict[str, list[str]] = {}
    lines_of: dict[str, int] = {}
    for no, line in sections["SECTION_SHIFTS"]:
        where = f"{name}:{no}"
        parts = line.split(",")
        if len(parts) != 3:
            raise ProblemError(where, "shift line must be ShiftID,LengthMins,Forbidden|...")
        sid = parts[0].strip()
        if not sid or sid in follow:
            raise ProblemError(where, f"empty or duplicate shift id {sid!r}")
        length = _int(parts[1], where, "shift length", 1)
        shifts.append(ShiftType(sid, 0, length, 0, site="", skill=sid))
        follow[sid] = [x.strip() for x in parts[2].split("|") if x.strip()]
        lines_of[sid] = no
    forbidden = []
    for sid, nxt in follow.items():
        for t in nxt:
            if t not in follow:
                raise ProblemError(f"{name}:{lines_of[sid]}", f"unknown shift type {t!r}")
            forbidden.append((sid, t))

    workers: dict[str, dict[str, object]] = {}
    order: list[str] = []
    for no, line in sections["SECTION_STAFF"]:
        where = f"{name}:{no}"
        parts = line.split(",")
        if len(parts) != 8:
            raise ProblemError(where, "staff line must have 8 comma-separated fields")
        eid = parts[0].strip()
        if not eid or eid in workers:
            raise ProblemError(where, f"empty or duplicate employee id {eid!r}")
        maxes = []
        for item in (x for x in parts[1].split("|") if x.strip()):
            if "=" not in item:
                raise ProblemError(where, f"expected ShiftID=max, got {item!r}")
            sid, n = item.split("=", 1)
            if sid.strip() not in follow:
                raise ProblemError(where, f"unknown shift type {sid.strip()!r}")
            maxes.append((sid.strip(), _int(n, where, f"max shifts of {sid.strip()}")))
        workers[eid] = {
            "max_shifts": tuple(maxes),
            "skills": frozenset(s for s, n in maxes if n > 0),
            "max_total_minutes": _int(parts[2], where, "MaxTotalMins"),
            "min_total_minutes": _int(parts[3], where, "MinTotalMins"),
            "max_consecutive_days": _int(parts[4], where, "MaxConsecShifts"),
            "min_consecutive_days": _int(parts[5], where, "MinConsecShifts"),
            "min_consecutive_days_off": _int(parts[6], where, "MinConsecDaysOff"),
            "max_weekends": _int(parts[7], where, "MaxWeekends"),
            "days_off": set(),
        }
        order.append(eid)

    def emp(eid: str, where: str) -> dict[str, object]:
        if eid not in workers:
            raise ProblemError(where, f"unknown employee {eid!r}")
        return workers[eid]

    def day(value: str, where: str) -> int:
        d = _int(value, where, "day")
        if d >= horizon:
            raise ProblemError(where, f"day {d} outside horizon {horizon}")
        return d

    def shift_id(value: str, where: str) -> str:
        if value.strip() not in follow:
            raise ProblemError(where, f"unknown shift type {value.strip()!r}")
        return value.strip()

    for no, line in sections.get("SECTION_DAYS_OFF", []):
        where = f"{name}:{no}"
        parts = line.split(",")
        off = emp(parts[0].strip(), where)["days_off"]
        assert isinstance(off, set)
        off.update(day(x, where) for x in parts[1:] if x.strip())

    requests: list[Request] = []
    for section, on in (("SECTION_SHIFT_ON_REQUESTS", True), ("SECTION_SHIFT_OFF_REQUESTS", False)):
        for no, line in sections.get(section, []):
            where = f"{name}:{no}"
            parts = line.split(",")
            if len(parts) != 4:
                raise ProblemError(where, "request line must be EmpID,Day,ShiftID,Weight")
            emp(parts[0].strip(), where)
            requests.append(
                Request(
                    parts[0].strip(),
                    day(parts[1], where),
                    shift_id(parts[2], where),
                    _int(parts[3], where, "weight"),
                    on,
                )
            )

    cover: list[Cover] = []
    for no, line in sections.get("SECTION_COVER", []):
        where = f"{name}:{no}"
        parts = line.split(",")
        if len(parts) != 5:
            raise ProblemError(where, "cover line must be Day,ShiftID,Requirement,Under,Over")
        cover.append(
            Cover(
                day(parts[0], where),
                shift_id(parts[1], where),
                _int(parts[2], where, "requirement"),
                _int(parts[3], where, "under weight"),
                _int(parts[4], where, "over weight"),
            )
        )

    out_workers = []
    for eid in order:
        f = workers[eid]
        days_off = f.pop("days_off")
        assert isinstance(days_off, set)
        out_workers.append(Worker(eid, days_off=frozenset(days_off), **f))  # type: ignore[arg-type]
    return Problem(
        horizon=horizon,
        shifts=tuple(shifts),
        workers=tuple(out_workers),
        cover=tuple(cover),
        requests=tuple(requests),
        first_weekday=0,
        forbidden_successions=tuple(forbidden),
        exempt_edges=True,
        name=Path(name).stem,
    )
