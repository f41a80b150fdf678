"""Problem and solution data model of the roster engine.

Everything here is a frozen dataclass of plain values so that problems can be hashed,
shared between threads of the solver and compared in tests. Times are integer minutes:
shift times are minutes from midnight of the shift's day (``end`` may exceed 1440 for a
night shift), absolute times are minutes from midnight of day 0.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Mode = Literal["off", "hard", "soft"]

MINUTES_PER_DAY = 1440


@dataclass(frozen=True)
class ShiftType:
    """A shift pattern at one site (a member organisation of the cooperative)."""

    id: str
    start: int = 0
    end: int = 480
    break_minutes: int = 0
    site: str = ""
    # None means anyone may work it; otherwise only workers holding the skill.
    skill: str | None = None

    @property
    def minutes(self) -> int:
        """Paid working minutes (span minus break)."""
        return self.end - self.start - self.break_minutes


@dataclass(frozen=True)
class Cover:
    """Head-count demand for one shift type on one day."""

    day: int
    shift: str
    target: int
    weight_under: int = 100
    weight_over: int = 1
    hard_min: int | None = None


@dataclass(frozen=True)
class Request:
    """A wish to work (``on``) or not to work (``on=False``) a shift, or any shift if None."""

    worker: str
    day: int
    shift: str | None
    weight: int
    on: bool


@dataclass(frozen=True)
class Window:
    """An absolute time window [start, end) in minutes from midnight of day 0."""

    start: int
    end: int


@dataclass(frozen=True)
class History:
    """What happened before day 0; used when edges are not exempt."""

    consecutive_days_worked: int = 0
    consecutive_days_off: int = 0
    # Absolute minute (usually negative) at which the last shift before day 0 ended.
    last_shift_end: int | None = None
    days_worked_this_year: int = 0
    # The part of the first week and first rest-day block that lies before day 0 (weeks and
    # blocks run on the employer's fixed cycle, see LabourRules): minutes worked, minutes
    # within 8 h a day (what counts toward 40 h, 労基法32条), and days worked.
    week_minutes: int = 0
    week_within_minutes: int = 0
    block_days_worked: int = 0


@dataclass(frozen=True)
class Worker:
    id: str
    skills: frozenset[str] = frozenset()
    # (shift id, max count over the horizon); 0 forbids the shift type.
    max_shifts: tuple[tuple[str, int], ...] = ()
    min_total_minutes: int = 0
    max_total_minutes: int | None = None
    max_consecutive_days: int | None = None
    min_consecutive_days: int = 1
    min_consecutive_days_off: int = 1
    max_weekends: int | None = None
    days_off: frozenset[int] = frozenset()
    unavailable: tuple[Window, ...] = ()
    # Contracted minutes over the horizon: a soft lower bound (fairness term).
    contract_minutes: int = 0
    history: History = field(default_factory=History)

    def max_for(self, shift: str) -> int | None:
        for sid, n in self.max_shifts:
            if sid == shift:
                return n
        return None


@dataclass(frozen=True)
class Rule:
    """A configurable rule: its mode, limit, and penalty per unit of violation if soft."""

    mode: Mode = "off"
    limit: int = 0
    weight: int = 1


@dataclass(frozen=True)
class LabourRules:
    """Japanese Labour Standards Act rules (Art. 32, 32-4, 35, 36; interval guideline).

    Limits are in minutes or days. Defaults are the standard system; the annual variable
    working-hours system uses daily 600 and weekly 3120 and a 280-day annual cap.
    Weeks are 7-day blocks starting on ``week_start_day`` (0 or a day before day 0, so that
    weeks follow the employer's fixed cycle); 4-week rest blocks start on ``block_start_day``;
    months are ``month_days`` blocks. Blocks that run past the horizon count the days after it
    as free (they belong to the next period, which reads this one as history).
    """

    daily_max: Rule = Rule("off", 480)
    weekly_max: Rule = Rule("off", 2400)
    # limit = 1: one rest day in each full week; limit = 4: four in each full 4-week block.
    rest_days: Rule = Rule("off", 1)
    max_consecutive_days: Rule = Rule("off", 6)
    # Days [start, end) form a designated period in which ``designated_max`` applies.
    designated_period: tuple[int, int] | None = None
    designated_max: int = 12
    interval: Rule = Rule("off", 660)
    # limit: overtime minutes per month above the statutory frame 2400 * days / 7; with
    # ``legal_overtime`` the limit is on legal overtime as musubi.engines.labour counts it:
    # minutes beyond 8 h a day plus minutes within 8 h beyond 40 h a (fixed-cycle) week.
    monthly_overtime: Rule = Rule("off", 2700)
    month_days: int = 30
    annual_days: Rule = Rule("off", 280)
    week_start_day: int = 0
    block_start_day: int = 0
    legal_overtime: bool = False


@dataclass(frozen=True)
class Weights:
    """Weights of the fairness and continuity soft terms (0 disables a term)."""

    minutes_spread: int = 0
    weekend_spread: int = 0
    contract_shortfall: int = 0
    continuity: int = 0


@dataclass(frozen=True)
class Problem:
    horizon: int
    shifts: tuple[ShiftType, ...]
    workers: tuple[Worker, ...]
    cover: tuple[Cover, ...] = ()
    requests: tuple[Request, ...] = ()
    # Pre-assigned (worker, day, shift) triples that must be kept.
    locked: tuple[tuple[str, int, str], ...] = ()
    first_weekday: int = 0  # 0 = Monday
    # (shift a, shift b): b may not be worked the day after a.
    forbidden_successions: tuple[tuple[str, str], ...] = ()
    # Minimum minutes from the end of one shift to the start of the next (any sites).
    min_rest_minutes: int = 0
    max_shifts_per_day: int = 1
    # (site a, site b, minutes): travel time that must fit between two shifts of a day.
    travel_minutes: tuple[tuple[str, str, int], ...] = ()
    # Runs touching day 0 or day H-1 are exempt from min-consecutive rules (Curtois-Qu).
    exempt_edges: bool = True
    labour: LabourRules = LabourRules()
    weights: Weights = Weights()
    name: str = ""

    def shift(self, sid: str) -> ShiftType:
        for s in self.shifts:
            if s.id == sid:
                return s
        raise KeyError(sid)

    def weekend_days(self, k: int) -> tuple[int, ...]:
        """Days of the k-th weekend (Saturday, Sunday) that fall inside the horizon."""
        return tuple(d for d in weekend_pairs(self)[k] if 0 <= d < self.horizon)


def weekend_pairs(p: Problem) -> list[tuple[int, int]]:
    """Saturday/Sunday day pairs touching the horizon; a half weekend still counts."""
    first_sat = (5 - p.first_weekday) % 7
    start = first_sat - 7 if first_sat == 6 else first_sat
    return [(d, d + 1) for d in range(start, p.horizon, 7)]


@dataclass(frozen=True)
class Assignment:
    worker: str
    day: int
    shift: str


@dataclass(frozen=True)
class UncoveredDemand:
    day: int
    shift: str
    target: int
    assigned: int
    reason: str
    # (worker, why that worker was not used)
    details: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Solution:
    status: Literal["optimal", "feasible", "infeasible", "unknown"]
    assignments: tuple[Assignment, ...] = ()
    objective: int | None = None
    bound: int | None = None
    terms: tuple[tuple[str, int], ...] = ()
    uncovered: tuple[UncoveredDemand, ...] = ()
    # For infeasible problems: names of a small set of conflicting constraint groups.
    conflicts: tuple[str, ...] = ()
    seconds: float = 0.0
    seconds_to_best: float = 0.0
