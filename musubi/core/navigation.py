"""Navigation entries: each app contributes its own through ``<app>/nav.py``."""

from dataclasses import dataclass, field
from importlib import import_module
from typing import Any


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str


NAV_APPS = ("musubi.dispatch", "musubi.cocreation")


def app_nav_items(*, role: str | None, slug: str) -> list[NavItem]:
    items: list[NavItem] = []
    for app in NAV_APPS:
        items += import_module(f"{app}.nav").nav_items(role=role, slug=slug)
    return items


@dataclass(frozen=True)
class WaitingItem:
    """Work waiting for the user on the home page: what, how many, where, the first few."""

    label: str
    url: str
    count: int
    lines: list[str] = field(default_factory=list)


def app_waiting_work(*, role: str | None, cooperative: Any, membership: Any) -> list[WaitingItem]:
    """Each app's ``nav.waiting_work`` (if it has one), apps imported by name like the menus."""
    items: list[WaitingItem] = []
    for app in NAV_APPS:
        module = import_module(f"{app}.nav")
        if hasattr(module, "waiting_work"):
            items += module.waiting_work(role=role, cooperative=cooperative, membership=membership)
    return [i for i in items if i.count]
