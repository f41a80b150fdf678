"""This app's entries in the role-aware navigation (collected by core.context_processors)."""

from musubi.core.navigation import NavItem


def nav_items(*, role: str | None, slug: str) -> list[NavItem]:
    return []
