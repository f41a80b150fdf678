"""Navigation entries: each app contributes its own through ``<app>/nav.py``."""

from dataclasses import dataclass
from importlib import import_module


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
