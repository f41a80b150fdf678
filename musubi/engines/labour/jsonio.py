"""The JSON format of ``musubi labour-check`` (issue 11): read with field-named errors, write."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from .types import (
    Agreement,
    Leave,
    RestRule,
    Result,
    Settings,
    VariableCalendar,
    WorkDay,
    Worker,
)

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
TIME = re.compile(r"^(\d{2}):(\d{2})$")


class InputError(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field


@dataclass(frozen=True)
class Case:
    settings: Settings
    worker: Worker
    work: tuple[WorkDay, ...]
    leave: tuple[Leave, ...]
    as_of: dt.date


def _obj(v: Any, field: str) -> dict[str, Any]:
    if not isinstance(v, dict):
        raise InputError(field, "expected an object")
    return v


def _date(v: Any, field: str) -> dt.date:
    if not isinstance(v, str):
        raise InputError(field, "expected a date YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(v) if len(v) == 10 else _bad(field)
    except ValueError:
        raise InputError(field, f"not a date YYYY-MM-DD: {v!r}") from None


def _bad(field: str) -> dt.date:
    raise InputError(field, "expected a date YYYY-MM-DD")


def _int(v: Any, field: str, lo: int, hi: int) -> int:
    if isinstance(v, bool) or not isinstance(v, int) or not lo <= v <= hi:
        raise InputError(field, f"expected a whole number {lo}–{hi}")
    return v


def _number(v: Any, field: str, lo: float, hi: float) -> float:
    if isinstance(v, bool) or not isinstance(v, int | float) or not lo <= v <= hi:
        raise InputError(field, f"expected a number {lo:g}–{hi:g}")
    return float(v)


def _bool(v: Any, field: str) -> bool:
    if not isinstance(v, bool):
        raise InputError(field, "expected true or false")
    return v


def _weekday(v: Any, field: str) -> int:
    if not isinstance(v, str) or v.lower() not in WEEKDAYS:
        raise InputError(field, f"expected one of {', '.join(WEEKDAYS)}")
    return WEEKDAYS.index(v.lower())


def _time(v: Any, field: str, hi: int) -> int:
    m = TIME.match(v) if isinstance(v, str) else None
    if m is None or int(m[2]) > 59 or int(m[1]) * 60 + int(m[2]) > hi:
        raise InputError(field, "expected a time HH:MM")
    return int(m[1]) * 60 + int(m[2])


def _list(v: Any, field: str) -> list[Any]:
    if not isinstance(v, list):
        raise InputError(field, "expected a list")
    return v


def parse(data: Any) -> Case:
    root = _obj(data, "(root)")
    settings = parse_settings(root.get("settings", {}))
    if "worker" not in root:
        raise InputError("worker", "required")
    worker = parse_worker(root["worker"])
    items = _list(root.get("work", []), "work")
    work = tuple(parse_work(item, f"work[{i}]") for i, item in enumerate(items))
    leave = []
    for i, item in enumerate(_list(root.get("leave", []), "leave")):
        f = f"leave[{i}]"
        obj = _obj(item, f)
        days = _number(obj.get("days", 1), f"{f}.days", 0.5, 1)
        if days not in (0.5, 1):
            raise InputError(f"{f}.days", "expected 1 or 0.5")
        leave.append(Leave(_date(obj.get("date"), f"{f}.date"), days))
    dates = [w.date for w in work] + [x.date for x in leave]
    if "as_of" in root:
        as_of = _date(root["as_of"], "as_of")
    elif dates:
        as_of = max(dates)
    else:
        raise InputError("as_of", "required when there is no work or leave")
    return Case(settings, worker, work, tuple(leave), as_of)


def parse_settings(v: Any) -> Settings:
    s = _obj(v, "settings")
    week_start = _weekday(s.get("week_start", "sunday"), "settings.week_start")
    holiday = s.get("legal_holiday")
    legal = None if holiday is None else _weekday(holiday, "settings.legal_holiday")
    rest = _obj(s.get("rest_days", {"rule": "weekly"}), "settings.rest_days")
    rule = rest.get("rule")
    if rule not in ("weekly", "four_weeks"):
        raise InputError("settings.rest_days.rule", "expected weekly or four_weeks")
    origin = None
    if rule == "four_weeks":
        origin = _date(rest.get("origin"), "settings.rest_days.origin")
    cap = s.get("overtime_cap")
    agreement = None if cap is None else parse_agreement(cap)
    start = s.get("business_year_start", "04-01")
    m = re.match(r"^(\d{2})-(\d{2})$", start) if isinstance(start, str) else None
    try:
        bys = (int(m[1]), int(m[2])) if m else (0, 0)
        dt.date(2024, *bys)
    except ValueError:
        raise InputError("settings.business_year_start", "expected MM-DD") from None
    interval = _number(s.get("interval_hours", 11), "settings.interval_hours", 0, 24)
    variable = None
    if s.get("variable") is not None:
        variable = parse_variable(s["variable"])
    return Settings(
        week_start=week_start,
        legal_holiday=legal,
        rest_rule=RestRule(rule),
        rest_origin=origin,
        agreement=agreement,
        business_year_start=bys,
        interval_minutes=round(interval * 60),
        variable=variable,
    )


def parse_agreement(v: Any) -> Agreement:
    c = _obj(v, "settings.overtime_cap")
    f = "settings.overtime_cap."

    def num(key: str, default: int, hi: int) -> int:
        return _int(c.get(key, default), f + key, 0, hi)

    def day(key: str) -> dt.date | None:
        return None if c.get(key) is None else _date(c[key], f + key)

    return Agreement(
        month_hours=num("month_hours", 45, 99),
        year_hours=num("year_hours", 360, 720),
        special_clause=_bool(c.get("special_clause", False), f + "special_clause"),
        special_month_hours=num("special_month_hours", 99, 99),
        special_year_hours=num("special_year_hours", 720, 720),
        special_months=num("special_months", 6, 6),
        holiday_work=_bool(c.get("holiday_work", True), f + "holiday_work"),
        valid_from=day("valid_from"),
        valid_to=day("valid_to"),
    )


def parse_variable(v: Any) -> VariableCalendar:
    c = _obj(v, "settings.variable")
    f = "settings.variable."
    start, end = _date(c.get("start"), f + "start"), _date(c.get("end"), f + "end")
    if end < start:
        raise InputError(f + "end", "before start")
    sched = _obj(c.get("scheduled", {}), f + "scheduled")
    days = tuple(
        sorted(
            (_date(k, f"{f}scheduled"), _int(m, f"{f}scheduled.{k}", 0, 1440))
            for k, m in sched.items()
        )
    )
    return VariableCalendar(start, end, days)


def parse_worker(v: Any) -> Worker:
    w = _obj(v, "worker")
    birth = w.get("birth_date")
    days = _int(w.get("days_per_week", 5), "worker.days_per_week", 1, 7)
    hours = _number(w.get("weekly_hours", 40), "worker.weekly_hours", 0.5, 168)
    return Worker(
        hire_date=_date(w.get("hire_date"), "worker.hire_date"),
        birth_date=None if birth is None else _date(birth, "worker.birth_date"),
        days_per_week=days,
        weekly_minutes=round(hours * 60),
        variable=_bool(w.get("variable", False), "worker.variable"),
        age_certificate=_bool(w.get("age_certificate", False), "worker.age_certificate"),
    )


def parse_work(v: Any, f: str) -> WorkDay:
    w = _obj(v, f)
    day = _date(w.get("date"), f + ".date")
    start = _time(w.get("start"), f + ".start", 1439)
    end = _time(w.get("end"), f + ".end", 2879)
    if end <= start:  # "22:00"–"07:00": the next morning
        end += 1440
    if end - start > 1440:
        raise InputError(f + ".end", "more than 24 hours after start")
    brk = _int(w.get("break_minutes", 0), f + ".break_minutes", 0, 1439)
    if brk >= end - start:
        raise InputError(f + ".break_minutes", "not shorter than the span")
    return WorkDay(day, start, end, brk, _bool(w.get("exempt", False), f + ".exempt"))


def _num(x: float) -> int | float:
    return int(x) if float(x).is_integer() else x


def dump(result: Result) -> dict[str, Any]:
    return {
        "months": {
            m.key: {
                "worked_minutes": m.worked,
                "overtime_minutes": m.overtime,
                "overtime_over_60h_minutes": m.over_60h,
                "holiday_work_minutes": m.holiday,
                "night_minutes": m.night,
            }
            for m in result.months
        },
        "findings": [
            {"rule": f.rule, "date": f.date.isoformat(), "detail": f.detail}
            for f in result.findings
        ],
        "paid_leave": [
            {
                "granted_on": y.granted_on.isoformat(),
                "days": y.days,
                "taken_days": _num(y.taken),
                "five_day_shortfall": _num(y.five_day_shortfall),
            }
            for y in result.paid_leave
        ],
    }
