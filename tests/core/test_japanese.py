import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from musubi.core import japanese as j


@pytest.mark.parametrize("raw", ["3680001", "368-0001", "〒368-0001", "３６８－０００１"])
def test_postal_codes_are_stored_as_nnn_nnnn(raw: str) -> None:
    assert j.normalize_postal_code(raw) == "368-0001"


@pytest.mark.parametrize("raw", ["368-001", "36800011", "abc-defg", ""])
def test_a_bad_postal_code_gets_a_japanese_message(raw: str) -> None:
    with translation.override("ja"), pytest.raises(ValidationError) as error:
        j.normalize_postal_code(raw)
    assert "郵便番号" in error.value.messages[0]


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("0494-22-1234", "0494221234"),
        ("090-1234-5678", "09012345678"),
        ("0120-123-456", "0120123456"),
    ],
)
def test_phone_numbers_are_stored_as_digits(raw: str, stored: str) -> None:
    assert j.normalize_phone(raw) == stored


@pytest.mark.parametrize("raw", ["1234567890", "090-1234-567", "03-1234", "0901234567"])
def test_a_bad_phone_number_gets_a_japanese_message(raw: str) -> None:
    with translation.override("ja"), pytest.raises(ValidationError) as error:
        j.normalize_phone(raw)
    assert "電話番号" in error.value.messages[0] or "桁" in error.value.messages[0]


@pytest.mark.parametrize("number", ["7123456789012", "4011001098993"])
def test_the_published_corporate_number_vectors_pass_the_check_digit(number: str) -> None:
    assert j.corporate_number_is_valid(number)
    assert j.normalize_corporate_number(number) == number


def test_a_corporate_number_with_a_wrong_check_digit_is_refused_in_japanese() -> None:
    with translation.override("ja"), pytest.raises(ValidationError) as error:
        j.normalize_corporate_number("8123456789012")
    assert "チェックデジット" in error.value.messages[0]


def test_invoice_registration_numbers_are_t_plus_13_digits() -> None:
    assert j.normalize_invoice_registration_number("t4011001098993") == "T4011001098993"
    with translation.override("ja"), pytest.raises(ValidationError) as error:
        j.normalize_invoice_registration_number("4011001098993")
    assert "登録番号" in error.value.messages[0]


def test_hiragana_readings_are_stored_as_katakana() -> None:
    assert j.normalize_katakana("やまだ") == "ヤマダ"
    with pytest.raises(ValidationError):
        j.normalize_katakana("山田")


def test_municipality_codes_accept_the_six_digit_form_with_its_check_digit() -> None:
    assert j.validate_municipality_code("131016") == "13101"
    with pytest.raises(ValidationError):
        j.validate_municipality_code("131017")


def test_dates_are_written_in_japanese_style() -> None:
    assert j.format_date_ja(dt.date(2027, 4, 1)) == "2027年4月1日(木)"


def test_wareki_prints_the_first_year_as_gannen_and_switches_on_1_may_2019() -> None:
    assert j.format_wareki(dt.date(2019, 4, 30)) == "平成31年4月30日"
    assert j.format_wareki(dt.date(2019, 5, 1)) == "令和元年5月1日"
    assert j.format_wareki(dt.date(2027, 4, 1)) == "令和9年4月1日"


def test_public_holidays_come_from_jpholiday() -> None:
    assert j.holiday_name(dt.date(2026, 9, 22)) == "国民の休日"
    assert j.holiday_name(dt.date(2026, 9, 24)) is None


def test_document_dates_follow_the_cooperatives_choice_of_era() -> None:
    day = dt.date(2027, 4, 1)
    assert j.format_document_date(day, wareki=True) == "令和9年4月1日"
    assert j.format_document_date(day, wareki=False) == "2027年4月1日"
    assert j.format_document_date(day, wareki=True, day=False) == "令和9年4月"
    assert j.format_document_date(dt.date(2019, 5, 1), wareki=True, day=False) == "令和元年5月"
