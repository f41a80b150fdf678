"""JSON-lines exchange format for talents, needs and relevance judgements (qrels).

Input comes from people and spreadsheets, so every problem is reported as
``file:line: field: message`` and raised as :class:`InputError`, never as a traceback.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from .types import BUDGETS, FEES, WINDOWS, Budget, Fee, Need, Talent, Window


class InputError(Exception):
    def __init__(self, path: str, line: int, field: str | None, message: str) -> None:
        where = f"{path}:{line}" + (f": field '{field}'" if field else "")
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True, slots=True)
class Qrel:
    need: str
    talent: str
    grade: int


class _Row:
    def __init__(self, path: str, line: int, data: dict[str, Any]) -> None:
        self.path, self.line, self.data = path, line, data

    def err(self, field: str, msg: str) -> InputError:
        return InputError(self.path, self.line, field, msg)

    def get(self, field: str, default: Any = ...) -> Any:
        if field not in self.data:
            if default is ...:
                raise self.err(field, "missing")
            return default
        return self.data[field]

    def str_(self, field: str, default: Any = ..., nonempty: bool = False) -> str:
        v = self.get(field, default)
        if not isinstance(v, str) or (nonempty and not v.strip()):
            raise self.err(
                field, "expected a non-empty string" if nonempty else "expected a string"
            )
        return v

    def int_(self, field: str, default: Any = ...) -> int:
        v = self.get(field, default)
        if isinstance(v, bool) or not isinstance(v, int) or v < 0:
            raise self.err(field, f"expected a non-negative integer, got {v!r}")
        return v

    def bool_(self, field: str) -> bool:
        v = self.get(field)
        if not isinstance(v, bool):
            raise self.err(field, f"expected true or false, got {v!r}")
        return v

    def str_list(self, field: str) -> list[str]:
        v = self.get(field)
        if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
            raise self.err(field, "expected a list of strings")
        return cast(list[str], v)

    def windows(self, field: str) -> frozenset[Window]:
        out: set[Window] = set()
        for w in self.str_list(field):
            if w not in WINDOWS:
                raise self.err(
                    field, f"unknown window {w!r} (expected one of {', '.join(WINDOWS)})"
                )
            out.add(w)  # narrowed to Window by the membership test
        return frozenset(out)

    def choice(self, field: str, allowed: tuple[str, ...]) -> str:
        v = self.str_(field)
        if v not in allowed:
            raise self.err(field, f"unknown value {v!r} (expected one of {', '.join(allowed)})")
        return v


def _rows(path: str | Path) -> Iterator[_Row]:
    name = str(path)
    try:
        fh = open(path, encoding="utf-8")  # noqa: SIM115 - closed by the with below
    except OSError as e:
        raise InputError(name, 0, None, f"cannot open: {e.strerror}") from None
    with fh:
        try:
            for i, raw in enumerate(fh, start=1):
                if not raw.strip():
                    continue
                try:
                    data = json.loads(raw)
                except json.JSONDecodeError as e:
                    raise InputError(name, i, None, f"not valid JSON ({e.msg})") from None
                if not isinstance(data, dict):
                    raise InputError(name, i, None, "expected a JSON object")
                yield _Row(name, i, data)
        except UnicodeDecodeError:
            raise InputError(name, 0, None, "not UTF-8 text") from None


def _load[T](path: str | Path, parse: Callable[[_Row], T], key: Callable[[T], str]) -> list[T]:
    out: list[T] = []
    seen: set[str] = set()
    for row in _rows(path):
        item = parse(row)
        k = key(item)
        if k in seen:
            raise row.err("id", f"duplicate id {k!r}")
        seen.add(k)
        out.append(item)
    return out


def _talent(r: _Row) -> Talent:
    return Talent(
        id=r.str_("id", nonempty=True),
        text=r.str_("text"),
        skills=tuple(r.str_list("skills")),
        hours_per_month=r.int_("hours_per_month"),
        available=r.windows("available"),
        onsite_visits_per_month=r.int_("onsite_visits_per_month"),
        languages=frozenset(x.lower() for x in r.str_list("languages")),
        fee=cast(Fee, r.choice("fee", FEES)),
        committed_hours=r.int_("committed_hours", 0),
        past_engagements=r.int_("past_engagements", 0),
    )


def _need(r: _Row) -> Need:
    return Need(
        id=r.str_("id", nonempty=True),
        business=r.str_("business"),
        text=r.str_("text", nonempty=True),
        hours_per_month_needed=r.int_("hours_per_month_needed"),
        needs_onsite=r.bool_("needs_onsite"),
        windows=r.windows("windows"),
        language_needed=r.str_("language_needed", nonempty=True).lower(),
        budget=cast(Budget, r.choice("budget", BUDGETS)),
    )


def _qrel(r: _Row) -> Qrel:
    grade = r.int_("grade")
    if grade > 2:
        raise r.err("grade", f"expected 0, 1 or 2, got {grade}")
    return Qrel(r.str_("need", nonempty=True), r.str_("talent", nonempty=True), grade)


def load_talents(path: str | Path) -> list[Talent]:
    return _load(path, _talent, lambda t: t.id)


def load_needs(path: str | Path) -> list[Need]:
    return _load(path, _need, lambda n: n.id)


def load_qrels(path: str | Path) -> list[Qrel]:
    return _load(path, _qrel, lambda q: f"{q.need}\x00{q.talent}")
