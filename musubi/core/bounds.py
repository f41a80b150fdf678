"""The sane range of every date a person may type, checked in one place (months: core/months.py).

A date far outside the cooperative's life is always a typo or an attack: 9999-12-31 overflows
month arithmetic (HTTP 500) and a request to 9000-12-31 makes every day of eight millennia be
built. Forms, API schemas and services all ask here.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from musubi.core.months import FIRST_YEAR, LAST_YEAR

# Business dates (requests, rosters, timesheets, periods, meetings): the years of core/months.py.
EARLIEST = dt.date(FIRST_YEAR, 1, 1)
LATEST = dt.date(LAST_YEAR, 12, 31)
# Dates of a person's past (birth, a licence acquired decades ago).
EARLIEST_PAST = dt.date(1900, 1, 1)
# A staffing request spans at most one business year (a leap year has 366 days).
MAX_PERIOD_DAYS = 366


def check_date(value: dt.date | dt.datetime, *, earliest: dt.date = EARLIEST) -> None:
    """Raise a Japanese ValidationError when ``value`` lies outside [earliest, LATEST]."""
    day = value.date() if isinstance(value, dt.datetime) else value
    if not earliest <= day <= LATEST:
        raise ValidationError(
            _("Enter a date between %(earliest)s and %(latest)s."),
            code="date_range",
            params={"earliest": earliest.isoformat(), "latest": LATEST.isoformat()},
        )


def check_past_date(value: dt.date | dt.datetime) -> None:
    check_date(value, earliest=EARLIEST_PAST)


def check_period(start: dt.date, end: dt.date) -> None:
    if (end - start).days + 1 > MAX_PERIOD_DAYS:
        raise ValidationError(
            _("A period spans at most one year (%(days)s days)."),
            code="period_too_long",
            params={"days": MAX_PERIOD_DAYS},
        )
