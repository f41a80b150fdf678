"""This app's entries in the role-aware navigation (collected by core.context_processors)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from musubi.core.navigation import NavItem


def nav_items(*, role: str | None, slug: str) -> list[NavItem]:
    if role == "coordinator":
        return [
            NavItem(_("Challenges"), reverse("cocreation:challenge_list", args=[slug])),
            NavItem(_("Engagements"), reverse("cocreation:engagement_list", args=[slug])),
            NavItem(_("Talent hours"), reverse("cocreation:hours_month", args=[slug])),
        ]
    if role == "member":
        return [NavItem(_("Our challenges"), reverse("cocreation:challenge_list", args=[slug]))]
    return []
