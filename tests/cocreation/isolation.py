"""One object of each co-creation kind in a town, for tests/core/test_isolation.py."""

from musubi.cocreation.models import Engagement
from tests.cocreation import factories as cf
from tests.conftest import Town


def object_ids(town: Town) -> dict[str, object]:
    talent = cf.TalentFactory(user__email=f"talent@{town.cooperative.slug}.example")
    cf.consent(talent, town.cooperative)
    challenge = cf.ChallengeFactory(member_business=town.member)
    engagement: Engagement = cf.EngagementFactory(challenge=challenge, talent=talent)
    sprint = cf.sprint(engagement)
    cf.timelog(engagement)
    return {
        "challenge_pk": challenge.pk,
        "talent_pk": talent.pk,
        "engagement_pk": engagement.pk,
        "meeting_pk": cf.meeting(challenge, [town.coordinator]).pk,
        "sprint_pk": sprint.pk,
        "item_pk": cf.item(engagement, sprint).pk,
        "statement_pk": cf.statement(engagement).pk,
        "invitation_pk": cf.invitation(challenge, talent).pk,
    }
