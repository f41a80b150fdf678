"""The account route: who am I and where do I belong (mounted at /api/v1/)."""

from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema

from musubi.access.selectors import memberships_of

router = Router(tags=["account"])


class MembershipOut(Schema):
    cooperative: str
    cooperative_name: str
    role: str


class MeOut(Schema):
    email: str
    display_name: str
    memberships: list[MembershipOut]


@router.get("/me", response=MeOut)
def me(request: HttpRequest) -> dict[str, Any]:
    user: Any = request.user
    return {
        "email": user.email,
        "display_name": user.display_name,
        "memberships": [
            {
                "cooperative": m.cooperative.slug,
                "cooperative_name": m.cooperative.name,
                "role": m.role,
            }
            for m in memberships_of(user)
        ],
    }
