"""Factories for talents and co-creation records; tenant objects take their cooperative."""

import datetime as dt
from typing import Any

import factory
from django.utils import timezone

from musubi.cocreation.models import (
    BoardItem,
    Challenge,
    Engagement,
    EngagementStatus,
    FeeStatement,
    MatchInvitation,
    Meeting,
    Sprint,
    TimeLog,
)
from musubi.talent.models import Talent, TalentConsent
from tests.factories import UserFactory


class TalentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Talent

    user = factory.SubFactory(UserFactory)
    headline = "食品メーカーEC部門マネージャー"
    career_summary = (
        "大手食品メーカーで自社ECサイトと楽天市場店の運営を10年担当。ネット販売が得意。"
    )
    skills = ["Shopify構築", "モール出店(楽天・Amazon)"]
    languages = ["ja"]
    hours_per_month = 10
    time_windows = ["weekday_evening", "weekend"]
    home_prefecture = "東京都"
    fee_preference = "low"
    purpose_consented_at = factory.LazyFunction(timezone.now)


def consent(talent: Talent, cooperative: Any) -> TalentConsent:
    return TalentConsent.objects.create(
        talent=talent, cooperative=cooperative, granted_at=timezone.now(), data_items=["name"]
    )


class ChallengeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Challenge

    member_business = None
    cooperative = factory.SelfAttribute("member_business.cooperative")
    title = "ワインをネットで売りたい"
    current_state = "店頭と電話注文だけで売っている。"
    goal = "東京のお客さんがネットで注文できるようにしたい。楽天にも出したい。"
    success_measure = "秋までに月20件のネット注文"
    hours_per_month = 4
    windows = ["weekday_evening", "weekend"]
    status = "scoped"


class EngagementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Engagement

    challenge = None
    cooperative = factory.SelfAttribute("challenge.cooperative")
    talent = factory.SubFactory(TalentFactory)
    format = "retainer"
    hours_per_month = 4
    fee_yen = 30000
    start = factory.LazyFunction(lambda: timezone.localdate().replace(day=1))
    end = factory.LazyFunction(lambda: timezone.localdate().replace(day=1) + dt.timedelta(days=120))
    status = EngagementStatus.ACTIVE
    terms = "業務委託の取引条件"


def invitation(challenge: Challenge, talent: Talent, status: str = "invited") -> MatchInvitation:
    now = timezone.now()
    return MatchInvitation.objects.create(
        cooperative=challenge.cooperative,
        challenge=challenge,
        talent=talent,
        status=status,
        invited_at=now,
        expires_at=now + dt.timedelta(days=3),
    )


def meeting(challenge: Challenge, users: list[Any], start: dt.datetime | None = None) -> Meeting:
    start = start or timezone.now() + dt.timedelta(days=2)
    m = Meeting.objects.create(
        cooperative=challenge.cooperative,
        challenge=challenge,
        title="打合せ",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=1),
        video_url="https://meet.jit.si/x",
    )
    m.participants.set(users)
    return m


def sprint(engagement: Engagement) -> Sprint:
    start = timezone.localdate()
    return Sprint.objects.create(
        cooperative=engagement.cooperative,
        engagement=engagement,
        number=1,
        goal="EC開設",
        start=start,
        end=start + dt.timedelta(days=13),
    )


def item(engagement: Engagement, sprint: Sprint | None = None) -> BoardItem:
    return BoardItem.objects.create(
        cooperative=engagement.cooperative, engagement=engagement, sprint=sprint, title="商品写真"
    )


def timelog(engagement: Engagement, hours: str = "2") -> TimeLog:
    return TimeLog.objects.create(
        cooperative=engagement.cooperative,
        engagement=engagement,
        day=timezone.localdate(),
        hours=hours,
        description="打合せと資料作成",
    )


def statement(engagement: Engagement) -> FeeStatement:
    month = timezone.localdate().replace(day=1)
    return FeeStatement.objects.create(
        cooperative=engagement.cooperative,
        talent=engagement.talent,
        month=month,
        hours=2,
        amount_yen=30000,
        payment_due=month + dt.timedelta(days=60),
        approved_at=timezone.now(),
    )
