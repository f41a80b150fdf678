"""core.months: one reading of "YYYY-MM" and one month arithmetic for every app."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from musubi.core.models import Cooperative
from musubi.core.months import (
    month_bounds,
    month_or_current,
    months_from,
    next_month,
    parse_month,
    previous_month,
)


def test_month_bounds_cover_leap_february_and_december() -> None:
    assert month_bounds(dt.date(2028, 2, 17)) == (dt.date(2028, 2, 1), dt.date(2028, 2, 29))
    assert month_bounds(dt.date(2027, 12, 31)) == (dt.date(2027, 12, 1), dt.date(2027, 12, 31))


def test_next_and_previous_month_cross_the_year() -> None:
    assert next_month(dt.date(2027, 12, 31)) == dt.date(2028, 1, 1)
    assert previous_month(dt.date(2028, 1, 31)) == dt.date(2027, 12, 1)
    assert list(months_from(dt.date(2027, 11, 15), dt.date(2028, 2, 1))) == [
        dt.date(2027, 11, 1), dt.date(2027, 12, 1), dt.date(2028, 1, 1), dt.date(2028, 2, 1),
    ]  # fmt: skip


def test_parse_month_reads_yyyy_mm_and_refuses_the_rest_in_japanese() -> None:
    assert parse_month(" 2027-04 ") == dt.date(2027, 4, 1)
    with translation.override("ja"):
        with pytest.raises(ValidationError) as bad:
            parse_month("2027/04")
        assert bad.value.messages == ["年月を入力してください（YYYY-MM）。"]
        with pytest.raises(ValidationError) as far:
            parse_month("0027-04")
        assert far.value.messages == ["2000年から2100年までの年月を入力してください。"]


def test_a_query_month_falls_back_to_this_month_in_tokyo() -> None:
    assert month_or_current("2027-09") == dt.date(2027, 9, 1)
    assert month_or_current("nonsense") == timezone.localdate().replace(day=1)
    assert month_or_current(None) == timezone.localdate().replace(day=1)


def test_the_business_year_starts_in_the_cooperatives_month() -> None:
    coop = Cooperative(fiscal_year_start_month=4)
    assert coop.business_year_start(dt.date(2028, 3, 31)) == dt.date(2027, 4, 1)
    assert coop.business_year_start(dt.date(2028, 4, 1)) == dt.date(2028, 4, 1)
    assert Cooperative(fiscal_year_start_month=1).business_year_start(dt.date(2028, 1, 5)) == (
        dt.date(2028, 1, 1)
    )
