"""Japanese data formats: validators and display helpers (domain.md R4.2, R7.1–R7.6).

Pure functions, no models, so services, forms and the API share one definition of "valid".
"""

import datetime as dt
import re
import unicodedata

import jpholiday
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

WEEKDAYS_JA = "月火水木金土日"

PREFECTURES = [
    "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県",
    "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県",
    "山梨県", "長野県", "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府",
    "兵庫県", "奈良県", "和歌山県", "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県",
    "香川県", "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県",
    "鹿児島県", "沖縄県",
]  # fmt: skip
PREFECTURE_CHOICES = [(p, p) for p in PREFECTURES]

_DIGITS_ONLY = re.compile(r"\d+")


def to_halfwidth_digits(value: str) -> str:
    """Users type full-width digits and various dashes on Japanese keyboards; accept them."""
    return unicodedata.normalize("NFKC", value).strip()


def _strip_separators(value: str) -> str:
    return re.sub(r"[\s\-‐−–—ー()]", "", to_halfwidth_digits(value))


def normalize_postal_code(value: str) -> str:
    """Return ``NNN-NNNN`` or raise a Japanese ValidationError (R7.2)."""
    digits = _strip_separators(value).removeprefix("〒")
    if not re.fullmatch(r"\d{7}", digits):
        raise ValidationError(
            _("Enter the postal code as 7 digits, for example 368-0000."), code="postal_code"
        )
    return f"{digits[:3]}-{digits[3:]}"


def normalize_phone(value: str) -> str:
    """Accept a Japanese landline, mobile, IP or toll-free number; store digits only (R7.4)."""
    digits = _strip_separators(value)
    if not re.fullmatch(r"0\d{9,10}", digits):
        raise ValidationError(
            _("Enter a Japanese phone number of 10 or 11 digits starting with 0, "
              "for example 0494-00-0000 or 090-0000-0000."),
            code="phone",
        )  # fmt: skip
    mobile_like = ("070", "080", "090", "060", "050")
    if digits.startswith(mobile_like) and len(digits) != 11:
        raise ValidationError(_("Mobile and 050 numbers have 11 digits."), code="phone")
    return digits


def format_phone(digits: str) -> str:
    if len(digits) == 11:
        return f"{digits[:3]}-{digits[3:7]}-{digits[7:]}"
    if len(digits) == 10 and digits.startswith("0120"):
        return f"{digits[:4]}-{digits[4:7]}-{digits[7:]}"
    if len(digits) == 10:
        return f"{digits[:4]}-{digits[4:6]}-{digits[6:]}"
    return digits


def corporate_number_is_valid(number: str) -> bool:
    """法人番号 check digit (R4.2): first digit = 9 − (Σ P_n·Q_n mod 9) over the last 12 digits."""
    if not re.fullmatch(r"\d{13}", number):
        return False
    body = number[1:]
    total = 0
    for n, ch in enumerate(reversed(body), start=1):
        total += int(ch) * (1 if n % 2 else 2)
    return int(number[0]) == 9 - (total % 9)


def normalize_corporate_number(value: str) -> str:
    digits = _strip_separators(value)
    if not re.fullmatch(r"\d{13}", digits):
        raise ValidationError(
            _("The corporate number (法人番号) has 13 digits."), code="corporate_number"
        )
    if not corporate_number_is_valid(digits):
        raise ValidationError(
            _("This corporate number's check digit is wrong. Please check the number again."),
            code="corporate_number_check",
        )
    return digits


def normalize_invoice_registration_number(value: str) -> str:
    """適格請求書発行事業者登録番号: ``T`` + 13 digits; a corporation's uses its 法人番号 (R4.2)."""
    text = _strip_separators(value).upper()
    if not re.fullmatch(r"T\d{13}", text):
        raise ValidationError(
            _("Enter the invoice registration number as T followed by 13 digits."),
            code="invoice_registration_number",
        )
    return text


def normalize_katakana(value: str) -> str:
    """Store kana as full-width katakana (R7.1); hiragana input is converted."""
    text = unicodedata.normalize("NFKC", value).strip()
    text = "".join(chr(ord(c) + 0x60) if "ぁ" <= c <= "ゖ" else c for c in text)
    if text and not re.fullmatch(r"[ァ-ヺー・\u3000 ]+", text):
        raise ValidationError(_("Enter the reading in katakana."), code="kana")
    return text


def validate_municipality_code(value: str) -> str:
    """全国地方公共団体コード: 5 digits plus a check digit (we accept both 5- and 6-digit forms)."""
    digits = _strip_separators(value)
    if not re.fullmatch(r"\d{5}|\d{6}", digits):
        raise ValidationError(
            _("A municipality code has 5 or 6 digits, for example 11362."), code="municipality"
        )
    if len(digits) == 6 and municipality_check_digit(digits[:5]) != int(digits[5]):
        raise ValidationError(
            _("This municipality code's check digit is wrong."), code="municipality_check"
        )
    return digits[:5]


def municipality_check_digit(code5: str) -> int:
    total = sum(int(c) * w for c, w in zip(code5, (6, 5, 4, 3, 2), strict=True))
    return (11 - total % 11) % 10


def format_date_ja(value: dt.date) -> str:
    """2027年4月1日(木)."""
    return f"{value.year}年{value.month}月{value.day}日({WEEKDAYS_JA[value.weekday()]})"


_ERAS = [
    (dt.date(2019, 5, 1), "令和"),
    (dt.date(1989, 1, 8), "平成"),
    (dt.date(1926, 12, 25), "昭和"),
    (dt.date(1912, 7, 30), "大正"),
    (dt.date(1868, 1, 25), "明治"),
]


def format_wareki(value: dt.date) -> str:
    """和暦 for official forms: 令和9年4月1日; the first year is printed 元年 (R7.5)."""
    for start, name in _ERAS:
        if value >= start:
            year = value.year - start.year + 1
            year_text = "元" if year == 1 else str(year)
            return f"{name}{year_text}年{value.month}月{value.day}日"
    return f"{value.year}年{value.month}月{value.day}日"


def format_document_date(value: dt.date, *, wareki: bool = False, day: bool = True) -> str:
    """A date as printed on documents: 令和9年4月1日 when the cooperative chose 和暦, else
    2027年4月1日; ``day=False`` gives the month only (令和9年4月)."""
    if wareki:
        text = format_wareki(value)
        return text if day else text[: text.index("年") + 1] + f"{value.month}月"
    return (
        f"{value.year}年{value.month}月{value.day}日" if day else f"{value.year}年{value.month}月"
    )


def holiday_name(value: dt.date) -> str | None:
    name = jpholiday.is_holiday_name(value)
    return str(name) if name else None
