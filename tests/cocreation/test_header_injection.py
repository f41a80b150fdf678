"""Names with line breaks stay on one line in mail headers and calendars (review finding 8)."""

from typing import Any

from django.core import mail
from django_scopes import scopes_disabled

from musubi.cocreation.models import InvitationStatus
from tests.cocreation import factories as cf
from tests.conftest import Town
from tests.factories import UserFactory

# Fits the 50-character name column (PostgreSQL enforces it; SQLite does not).
EVIL_NAME = "山田\r\nBcc: all@example.com\nORGANIZER:mailto:e@x.jp"


def _talent(town: Town) -> Any:
    with scopes_disabled():
        talent = cf.TalentFactory(user=UserFactory(family_name=EVIL_NAME, given_name="里美"))
        cf.consent(talent, town.cooperative)
    return talent


def test_a_talent_with_a_line_break_in_the_name_accepts_and_the_office_is_told(
    town_a: Town, as_user: Any, django_capture_on_commit_callbacks: Any
) -> None:
    talent = _talent(town_a)
    with scopes_disabled():
        challenge = cf.ChallengeFactory(member_business=town_a.member)
        invitation = cf.invitation(challenge, talent)
    with django_capture_on_commit_callbacks(execute=True):
        response = as_user(talent.user).post(
            f"/talent/invitations/{invitation.pk}/", {"answer": "accept"}
        )
    assert response.status_code == 302
    with scopes_disabled():
        invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.ACCEPTED
    message = mail.outbox[-1].message()
    assert "\n" not in message["Subject"] and "山田 Bcc" in str(message["Subject"])
    assert message["Bcc"] is None


def test_the_talent_downloads_the_meeting_file_with_the_cooperative_as_organizer(
    town_a: Town, as_user: Any
) -> None:
    talent = _talent(town_a)
    with scopes_disabled():
        challenge = cf.ChallengeFactory(member_business=town_a.member)
        meeting = cf.meeting(challenge, [town_a.coordinator, talent.user])
    for client, url in (
        (as_user(talent.user), f"/talent/meetings/{meeting.pk}.ics"),
        (as_user(town_a.coordinator), f"/c/alpha/cocreation/meetings/{meeting.pk}.ics"),
    ):
        text = client.get(url).content.decode()
        lines = text.replace("\r\n ", "").split("\r\n")
        organizers = [line for line in lines if line.startswith("ORGANIZER")]
        assert len(organizers) == 1
        assert town_a.cooperative.name in organizers[0]
        assert talent.user.email not in organizers[0]
        assert any(line.startswith("ATTENDEE") and talent.user.email in line for line in lines)
        assert "BEGIN:VTIMEZONE" in text
