"""The law: statutory figures and findings of the Labour Standards Act (domain.md R3) for one
worker's worked days. Pure Python; every surface (roster engine, forms, compliance page,
timesheets, documents, ``musubi labour-check``) asks this package."""

from .evaluate import evaluate
from .types import (
    Agreement,
    DayFigures,
    Finding,
    Leave,
    LeaveYear,
    MonthFigures,
    RestRule,
    Result,
    Settings,
    VariableCalendar,
    WorkDay,
    Worker,
)

__all__ = [
    "Agreement",
    "DayFigures",
    "Finding",
    "Leave",
    "LeaveYear",
    "MonthFigures",
    "RestRule",
    "Result",
    "Settings",
    "VariableCalendar",
    "WorkDay",
    "Worker",
    "evaluate",
]
