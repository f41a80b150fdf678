"""Calendar months: bounds, the next and previous month, and "YYYY-MM" from a form or query.

Every page, task and command that works by the month uses these, so a month always runs from its
first to its last day and a typed month is read the same way everywhere.
"""

import datetime as dt
from collections.abc import Iterator

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

# Outside these years a typed month is a slip of the keyboard, not a roster or a statement.
FIRST_YEAR = 2000
LAST_YEAR = 2100


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def month_bounds(day: dt.date) -> tuple[dt.date, dt.date]:
    """The first and the last day of ``day``'s month."""
    first = day.replace(day=1)
    return first, next_month(first) - dt.timedelta(days=1)


def next_month(day: dt.date) -> dt.date:
    """The first day of the month after ``day``'s."""
    return (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1)


def previous_month(day: dt.date) -> dt.date:
    """The first day of the month before ``day``'s."""
    return (day.replace(day=1) - dt.timedelta(days=1)).replace(day=1)


def months_from(first: dt.date, last: dt.date) -> Iterator[dt.date]:
    """The first day of every month from ``first``'s to ``last``'s, both included."""
    month = first.replace(day=1)
    while month <= last:
        yield month
        month = next_month(month)


def parse_month(value: str) -> dt.date:
    """The first day of a month typed as "YYYY-MM"; a clear message otherwise."""
    try:
        month = dt.datetime.strptime(value.strip(), "%Y-%m").date()
    except ValueError:
        raise ValidationError(_("Enter a month (YYYY-MM)."), code="invalid") from None
    if not FIRST_YEAR <= month.year <= LAST_YEAR:
        raise ValidationError(
            _("Enter a month between %(first)s and %(last)s.")
            % {"first": FIRST_YEAR, "last": LAST_YEAR},
            code="out_of_range",
        )
    return month


def month_or_current(value: str | None) -> dt.date:
    """A month from a query string, or this month (Tokyo) when it is missing or malformed."""
    try:
        return parse_month(value or "")
    except ValidationError:
        return timezone.localdate().replace(day=1)
