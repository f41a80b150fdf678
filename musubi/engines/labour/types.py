"""Inputs and outputs of the law module: frozen dataclasses of plain values (no Django).

Times of day are minutes from midnight of the work date; ``end`` may pass 1440 for work that runs
past midnight (such work belongs to the day it started, 昭和63年基発1号).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

DAY = 1440
SUNDAY = 6  # Python's weekday numbering: Monday 0 … Sunday 6


class RestRule(StrEnum):
    WEEKLY = "weekly"  # 35条1項: one rest day in every week
    FOUR_WEEKS = "four_weeks"  # 35条2項: four in every 4 weeks from a fixed 起算日 (則12条の2)


@dataclass(frozen=True)
class Agreement:
    """A 36協定 (36条): overtime caps in hours, optional special clause, validity period."""

    month_hours: int = 45
    year_hours: int = 360
    special_clause: bool = False
    # Limits agreed in the special clause; the law's ceilings are <100 h a month (with holiday
    # work), 720 h a year and 6 months over the normal cap (36条5項・6項).
    special_month_hours: int = 99
    special_year_hours: int = 720
    special_months: int = 6
    holiday_work: bool = True  # the agreement allows work on legal holidays
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None

    def covers(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


@dataclass(frozen=True)
class VariableCalendar:
    """A 1年単位の変形労働時間制 period (32条の4) and its calendar of scheduled minutes per date;
    dates absent from ``scheduled`` are scheduled rest days."""

    start: dt.date
    end: dt.date
    scheduled: tuple[tuple[dt.date, int], ...] = ()
    special_period: tuple[dt.date, dt.date] | None = None  # 特定期間: runs up to 12 days

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("variable period ends before it starts")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class Settings:
    """The cooperative's working rules (就業規則) and agreements."""

    week_start: int = SUNDAY  # the administrative reading when the 就業規則 is silent
    legal_holiday: int | None = None  # fixed 法定休日 weekday, or None
    rest_rule: RestRule = RestRule.WEEKLY
    rest_origin: dt.date | None = None  # 起算日 of the 4-week blocks
    agreement: Agreement | None = None  # no 36協定: no overtime and no holiday work is lawful
    agreements: tuple[Agreement, ...] = ()  # further agreements, one per period of validity
    business_year_start: tuple[int, int] = (4, 1)  # (month, day): start of the 36協定 year
    interval_minutes: int = 660  # 勤務間インターバル (effort duty, R3.7)
    variable: VariableCalendar | None = None

    def __post_init__(self) -> None:
        if not 0 <= self.week_start <= 6:
            raise ValueError("week_start must be a weekday 0–6")
        if self.legal_holiday is not None and not 0 <= self.legal_holiday <= 6:
            raise ValueError("legal_holiday must be a weekday 0–6")
        if self.rest_rule is RestRule.FOUR_WEEKS and self.rest_origin is None:
            raise ValueError("the 4-week rest rule needs its 起算日")
        dt.date(2024, *self.business_year_start)  # raises on an impossible month/day

    def agreement_on(self, day: dt.date) -> Agreement | None:
        for a in (self.agreement, *self.agreements):
            if a is not None and a.covers(day):
                return a
        return None


@dataclass(frozen=True)
class Worker:
    hire_date: dt.date
    birth_date: dt.date | None = None
    days_per_week: int = 5  # scheduled working days (比例付与, R3.9)
    weekly_minutes: int = 2400  # contracted hours a week
    variable: bool = False  # works under the settings' annual variable system
    age_certificate: bool = False  # 年齢証明書 kept at the workplace (57条)

    def __post_init__(self) -> None:
        if not 1 <= self.days_per_week <= 7:
            raise ValueError("days_per_week must be 1–7")
        if not 0 < self.weekly_minutes <= 7 * DAY:
            raise ValueError("weekly hours out of range")


@dataclass(frozen=True)
class WorkDay:
    """One span of work starting on ``date``; ``exempt`` marks 41条1号 (farm) work."""

    date: dt.date
    start: int
    end: int
    break_minutes: int = 0
    exempt: bool = False

    def __post_init__(self) -> None:
        if not 0 <= self.start < DAY:
            raise ValueError("start must be within the day")
        if not self.start < self.end <= self.start + DAY:
            raise ValueError("end must be after start and within 24 hours")
        if not 0 <= self.break_minutes < self.end - self.start:
            raise ValueError("break must be shorter than the span")

    @property
    def minutes(self) -> int:
        return self.end - self.start - self.break_minutes


@dataclass(frozen=True)
class Leave:
    """Annual paid leave taken on one working day: a whole day or a half day."""

    date: dt.date
    days: float = 1.0

    def __post_init__(self) -> None:
        if self.days not in (0.5, 1.0):
            raise ValueError("leave days must be 1 or 0.5")


@dataclass(frozen=True)
class Finding:
    """A breach (``hard``) or a warning, with the rule id of domain.md and the span it judges."""

    rule: str
    date: dt.date
    code: str
    detail: str
    first: dt.date
    last: dt.date
    hard: bool = True
    params: tuple[tuple[str, int | str], ...] = ()


@dataclass(frozen=True)
class DayFigures:
    date: dt.date
    worked: int = 0
    overtime: int = 0
    over_60h: int = 0
    holiday: int = 0
    night: int = 0
    overtime_night: int = 0
    over_60h_night: int = 0
    holiday_night: int = 0


@dataclass(frozen=True)
class MonthFigures:
    """A calendar month's statutory figures in minutes (37条 premium buckets; combinations are
    included in both of their parents, e.g. ``overtime_night`` ⊂ ``overtime`` and ``night``)."""

    year: int
    month: int
    worked: int = 0
    overtime: int = 0
    over_60h: int = 0
    holiday: int = 0
    night: int = 0
    overtime_night: int = 0
    over_60h_night: int = 0
    holiday_night: int = 0
    days_worked: int = 0

    @property
    def key(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def overtime_and_holiday(self) -> int:
        return self.overtime + self.holiday


@dataclass(frozen=True)
class LeaveYear:
    """One grant of annual paid leave (R3.9) and what was taken in the year from its 基準日."""

    granted_on: dt.date
    days: int
    taken: float
    taken_dates: tuple[dt.date, ...]
    five_day_shortfall: float
    year_end: dt.date  # last day of the year from the 基準日


@dataclass(frozen=True)
class Result:
    days: tuple[DayFigures, ...]
    months: tuple[MonthFigures, ...]
    findings: tuple[Finding, ...]
    paid_leave: tuple[LeaveYear, ...] = field(default=())

    def month(self, year: int, month: int) -> MonthFigures:
        for m in self.months:
            if (m.year, m.month) == (year, month):
                return m
        return MonthFigures(year, month)

    def by_rule(self, rule: str) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.rule == rule)

    @property
    def hard(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.hard)
