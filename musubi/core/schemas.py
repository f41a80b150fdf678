"""Field types for the API's ninja schemas: the same bounds as the forms (core/bounds.py).

A value outside them is refused with 422 by the schema, before any view code runs, and the
OpenAPI document states the bounds so clients (and schemathesis) know them.
"""

import datetime as dt
from typing import Annotated

from django.core.exceptions import ValidationError
from pydantic import AfterValidator, Field

from musubi.core.bounds import EARLIEST, LATEST, check_date, check_past_date


def _date(value: dt.date) -> dt.date:
    try:
        check_date(value)
    except ValidationError as error:
        raise ValueError(str(error.messages[0])) from error
    return value


def _past_date(value: dt.date) -> dt.date:
    try:
        check_past_date(value)
    except ValidationError as error:
        raise ValueError(str(error.messages[0])) from error
    return value


def _local_time(value: dt.time) -> dt.time:
    # Times are Japan time by definition; "09:00+09:00" cannot be compared with a stored time.
    if value.tzinfo is not None:
        raise ValueError("Enter a local time without a time-zone offset (Japan time).")
    return value


_RANGE = f"between {EARLIEST.isoformat()} and {LATEST.isoformat()}"

SaneDate = Annotated[dt.date, AfterValidator(_date), Field(description=f"A date {_RANGE}.")]
PastDate = Annotated[dt.date, AfterValidator(_past_date)]
LocalTime = Annotated[
    dt.time,
    AfterValidator(_local_time),
    Field(description="Japan time, without a time-zone offset (HH:MM)."),
]
