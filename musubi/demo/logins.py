"""The login table ``musubi demo`` prints: Japanese with English in parentheses."""

import unicodedata
from collections.abc import Sequence

from musubi.demo import data
from musubi.demo.upsert import Login

ROLE_LABELS = {
    "coordinator": "事務局 (Coordinator)",
    "member": "組合員 (Member business)",
    "worker": "派遣職員 (Worker)",
    "municipality": "自治体 (Municipality viewer)",
    "talent": "都市人材 (City talent)",
    "admin": "運営管理者 (Platform admin)",
}
HEADERS = (
    "役割 (Role)",
    "組合 (Cooperative)",
    "メール (Email)",
    "パスワード (Password)",
    "備考 (Note)",
)


def _width(text: str) -> int:
    """Terminal columns: full-width Japanese characters take two, or the columns drift."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _note(login: Login) -> str:
    if login.totp:
        hint = f"code: musubi totp-code {login.email}"
        return f"{login.note} {hint}".strip()
    if login.role == "talent":
        return f"{login.note}人 ({login.note} people)"
    return login.note


def render_login_table(logins: Sequence[Login]) -> str:
    rows = [HEADERS] + [
        (ROLE_LABELS.get(x.role, x.role), x.cooperative, x.email, data.DEMO_PASSWORD, _note(x))
        for x in logins
    ]
    widths = [max(_width(row[i]) for row in rows) for i in range(len(HEADERS))]
    lines = [" | ".join(_pad(cell, w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    rule = "-+-".join("-" * w for w in widths)
    return "\n".join(
        [
            "デモ用ログイン (Demo logins)",
            f"URL: {data.DEMO_URL}",
            f"パスワードは全員共通 (Same password for everyone): {data.DEMO_PASSWORD}",
            "",
            lines[0].rstrip(),
            rule,
            *(line.rstrip() for line in lines[1:]),
            "",
            "事務局と運営管理者はログイン後に6桁の確認コードが必要です。表示されたコマンドで"
            "現在のコードを確認してください。",
            "(Coordinators and the platform admin must enter a 6-digit code after the password; "
            "the command in the note prints the current one.)",
        ]
    )
