"""Dates shown to people are Tokyo dates, at 00:30 and at 23:30 JST alike (before 09:00 JST the
UTC date is still the day before)."""

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django_scopes import scopes_disabled

from musubi.cocreation.models import FeeStatement
from musubi.core.audit import plain
from musubi.core.models import AuditLogEntry
from musubi.talent.services import consent_revoke
from tests.cocreation import factories as cf
from tests.conftest import Town

JST = ZoneInfo("Asia/Tokyo")
EARLY = dt.datetime(2026, 12, 2, 0, 30, tzinfo=JST)  # 2026-12-01 15:30 UTC
LATE = dt.datetime(2026, 12, 2, 23, 30, tzinfo=JST)  # 2026-12-02 14:30 UTC


@pytest.mark.parametrize("moment", [EARLY, LATE], ids=["00:30 JST", "23:30 JST"])
def test_an_hours_approval_on_2_december_shows_2_december(
    moment: dt.datetime, town_a: Town, as_user: Any
) -> None:
    with time_machine.travel(moment, tick=False):
        with scopes_disabled():
            talent = cf.TalentFactory()
            cf.consent(talent, town_a.cooperative)
            challenge = cf.ChallengeFactory(member_business=town_a.member)
            engagement = cf.EngagementFactory(challenge=challenge, talent=talent, hours_per_month=6)
        talent_client = as_user(talent.user)
        talent_client.post(
            f"/talent/engagements/{engagement.pk}/hours/",
            {"day": "2026-12-02", "hours": "2", "description": "打合せ"},
        )
        client = as_user(town_a.coordinator)
        slug = town_a.cooperative.slug
        client.post(f"/c/{slug}/cocreation/hours/{talent.pk}/approve/?month=2026-12")
        with scopes_disabled():
            statement = FeeStatement.objects.get()
        page = client.get(f"/c/{slug}/cocreation/statements/{statement.pk}/").text
    assert "2026年12月2日" in page
    assert "2026年12月1日" not in page and "2026年12月3日" not in page


@pytest.mark.parametrize(
    ("moment", "deadline"),
    [
        (dt.datetime(2026, 12, 2, 6, 39, tzinfo=JST), "12月5日(土) 06:39"),
        (EARLY, "12月5日(土) 00:30"),
        (LATE, "12月5日(土) 23:30"),
    ],
    ids=["06:39 JST", "00:30 JST", "23:30 JST"],
)
def test_an_invitation_deadline_is_three_tokyo_days_later(
    moment: dt.datetime, deadline: str, town_a: Town, as_user: Any
) -> None:
    with time_machine.travel(moment, tick=False):
        with scopes_disabled():
            talent = cf.TalentFactory()
            cf.consent(talent, town_a.cooperative)
            challenge = cf.ChallengeFactory(member_business=town_a.member)
            invitation = cf.invitation(challenge, talent)
        page = as_user(talent.user).get("/talent/").text
        coordinator = as_user(town_a.coordinator).get(
            f"/c/{town_a.cooperative.slug}/cocreation/{challenge.pk}/"
        )
    assert invitation.expires_at == moment + dt.timedelta(days=3)
    assert deadline in page
    assert "12月4日" not in page
    assert "12月5日" in coordinator.text and "12月4日" not in coordinator.text


def test_audit_entries_keep_moments_in_tokyo_time(town_a: Town) -> None:
    assert plain(EARLY.astimezone(dt.UTC)) == "2026-12-02 00:30:00+09:00"
    with time_machine.travel(EARLY, tick=False), scopes_disabled():
        talent = cf.TalentFactory()
        cf.consent(talent, town_a.cooperative)
        consent_revoke(talent=talent, cooperative=town_a.cooperative, actor=talent.user)
        entry = AuditLogEntry.objects.filter(changes__has_key="revoked_at").get()
    assert entry.changes["revoked_at"][1].startswith("2026-12-02 00:30")
