"""Role-aware navigation for the base layout."""

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from musubi.core.models import Role
from musubi.core.navigation import app_nav_items
from musubi.core.tenancy import role_of


def navigation(request: HttpRequest) -> dict[str, Any]:
    coop = getattr(request, "cooperative", None)
    if coop is None or not request.user.is_authenticated:
        return {"nav": [], "current_role": None}
    role = role_of(request)
    slug = coop.slug
    items: list[tuple[str, str]] = [(_("Home"), reverse("coop_home", args=[slug]))]
    if role == Role.COORDINATOR:
        items += [
            (_("Members"), reverse("member_list", args=[slug])),
            (_("Sites"), reverse("site_list", args=[slug])),
            (_("Workers"), reverse("worker_list", args=[slug])),
            (_("People and invitations"), reverse("people", args=[slug])),
            (_("Settings"), reverse("coop_settings", args=[slug])),
            (_("Audit log"), reverse("audit_log", args=[slug])),
        ]
    elif role == Role.MEMBER:
        items += [(_("Our business"), reverse("my_business", args=[slug]))]
    elif role == Role.WORKER:
        items += [(_("My profile"), reverse("my_worker_profile", args=[slug]))]
    elif role == Role.MUNICIPALITY:
        items += [(_("Overview"), reverse("coop_home", args=[slug]) + "#overview")]
    items[1:1] = [(item.label, item.url) for item in app_nav_items(role=role, slug=slug)]
    path = request.path
    nav = [{"label": label, "url": url, "active": path == url} for label, url in items]
    return {"nav": nav, "current_role": role}
