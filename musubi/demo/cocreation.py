"""Demo co-creation data: talents' availability and consents, challenges, one running engagement.

Called by ``musubi demo`` inside its transaction with scopes disabled; idempotent like the rest
of the demo (natural keys, dates relative to the first run kept as create-only values).
"""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from musubi.cocreation.models import (
    BoardItem,
    Challenge,
    Engagement,
    KpiValue,
    Sprint,
    TimeLog,
)
from musubi.cocreation.services import written_terms
from musubi.core.models import Cooperative
from musubi.core.months import previous_month
from musubi.demo.upsert import BuildReport, upsert
from musubi.members.models import MemberBusiness
from musubi.talent.models import Talent, TalentConsent

CONSENTED_AT = dt.datetime(2026, 4, 1, 9, 0, tzinfo=dt.UTC)
# Talents 1–30 share their profile with やまびこ, 21–40 with かわせみ: ten work with both.
CONSENTS = {"yamabiko": range(1, 31), "kawasemi": range(21, 41)}

CHALLENGES = [
    # (cooperative, member business, title, current state, goal, success measure, status)
    (
        "yamabiko",
        "有限会社かじか荘",
        "予約サイトの在庫と料金をまとめたい",
        "じゃらんと楽天トラベルの空室を手で直していて、ダブルブッキングが年に数回ある。",
        "予約サイトの在庫を一か所で管理し、繁忙期の料金も見直したい。",
        "ダブルブッキング0件、平日の稼働率を上げる",
        "engaged",
    ),
    (
        "yamabiko",
        "株式会社やまびこワイナリー",
        "ワインをネットで売りたい",
        "店頭と電話・FAXの注文だけ。東京のお客さんから通販はないのかと聞かれる。",
        "自社の通販サイトを作り、楽天にも出店したい。",
        "秋までにネット注文を月20件",
        "scoped",
    ),
    (
        "yamabiko",
        "株式会社やまびこ物産センター",
        "レジと在庫を楽にしたい",
        "道の駅のレジが古く、在庫は閉店後に紙で数えている。",
        "キャッシュレス決済に対応し、在庫が自動で分かるようにしたい。",
        "閉店作業を1日30分短くする",
        "submitted",
    ),
    (
        "kawasemi",
        "有限会社瀬音の宿",
        "海外のお客さんに来てほしい",
        "外国人のお客さんがほとんどいない。英語のページがない。",
        "英語の案内ページと予約の仕組みを整えたい。",
        "年間の外国人宿泊者を100人に",
        "scoped",
    ),
]


def _windows(item: Talent) -> list[str]:
    text = item.career_summary
    windows = ["weekday_evening", "weekend"]
    if "定年" in text or "退職" in text:
        windows.insert(0, "weekday_day")
    return windows


def _talents(report: BuildReport, coops: dict[str, Cooperative]) -> list[Talent]:
    talents = list(Talent.objects.filter(user__email__startswith="talent").order_by("user__email"))
    for talent in talents:
        upsert(
            Talent,
            report,
            lookup={"pk": talent.pk},
            values={
                "time_windows": _windows(talent),
                "purpose_consented_at": CONSENTED_AT,
                "fee_preference": "low" if talent.hours_per_month < 10 else "standard",
            },
        )
    for slug, numbers in CONSENTS.items():
        for number in numbers:
            if number > len(talents):
                continue
            upsert(
                TalentConsent,
                report,
                lookup={"cooperative": coops[slug], "talent": talents[number - 1]},
                values={
                    "granted_at": CONSENTED_AT,
                    "revoked_at": None,
                    "data_items": ["name", "email", "headline", "career_summary", "skills"],
                },
            )
    return talents


def _engagement(report: BuildReport, challenge: Challenge, talent: Talent) -> None:
    today = timezone.localdate()
    start = previous_month(today)
    engagement = upsert(
        Engagement,
        report,
        lookup={"cooperative": challenge.cooperative, "challenge": challenge, "talent": talent},
        values={
            "format": "retainer",
            "trial_month": True,
            "hours_per_month": 6,
            "fee_yen": 30000,
            "payment_days": 30,
            "status": "active",
            "deliverables": "サイトコントローラーの選定と設定、料金表の見直し",
        },
        create_only={
            "start": start,
            "end": start + dt.timedelta(days=180),
            "accepted_at": timezone.now(),
            "confidentiality_declared_at": timezone.now(),
            "conflict_of_interest": "なし",
        },
    )
    if not engagement.terms:
        engagement.terms = written_terms(engagement)
        engagement.save(update_fields=["terms"])
    sprint = upsert(
        Sprint,
        report,
        lookup={"cooperative": challenge.cooperative, "engagement": engagement, "number": 1},
        values={"goal": "予約サイトの在庫を一元化する"},
        create_only={
            "start": start,
            "end": start + dt.timedelta(days=13),
            "review": "サイトコントローラーを決めた。二重予約は0件。",
        },
    )
    titles = [
        ("サイトコントローラー3社の比較", "done"),
        ("じゃらん・楽天の在庫連携", "done"),
        ("繁忙期の料金表を作る", "doing"),
        ("Booking.comに掲載する", "todo"),
    ]
    for title, status in titles:
        upsert(
            BoardItem,
            report,
            lookup={"cooperative": challenge.cooperative, "engagement": engagement, "title": title},
            values={"status": status},
            create_only={"sprint": sprint},
        )
    for weeks, value in ((0, "38"), (2, "45"), (4, "52")):
        upsert(
            KpiValue,
            report,
            lookup={
                "cooperative": challenge.cooperative,
                "engagement": engagement,
                "name": "平日の稼働率(%)",
                "value": Decimal(value),
            },
            values={},
            create_only={"recorded_on": start + dt.timedelta(weeks=weeks)},
        )
    for days, hours, text in ((3, "2", "現状の聞き取り(オンライン)"), (10, "2.5", "候補の比較表")):
        upsert(
            TimeLog,
            report,
            lookup={
                "cooperative": challenge.cooperative,
                "engagement": engagement,
                "description": text,
            },
            values={"hours": Decimal(hours)},
            create_only={"day": start + dt.timedelta(days=days)},
        )


def build_cocreation(report: BuildReport) -> None:
    """Consents for the demo talents, four challenges and one engagement with a running board."""
    coops = {c.slug: c for c in Cooperative.objects.filter(slug__in=CONSENTS)}
    if len(coops) < len(CONSENTS):
        return
    talents = _talents(report, coops)
    for slug, business, title, current, goal, measure, status in CHALLENGES:
        member = MemberBusiness.objects.filter(cooperative=coops[slug], name=business).first()
        if member is None:
            continue
        challenge = upsert(
            Challenge,
            report,
            lookup={"cooperative": coops[slug], "title": title},
            values={
                "member_business": member,
                "current_state": current,
                "goal": goal,
                "success_measure": measure,
                "status": status,
                "hours_per_month": 6,
                "windows": ["weekday_evening", "weekend"],
                "budget": "low",
            },
        )
        if status == "engaged" and len(talents) >= 4:
            _engagement(report, challenge, talents[3])  # 上田 浩二, the revenue manager
