"""This app's entries in the role-aware navigation (collected by core.context_processors)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from musubi.core.models import Role
from musubi.core.navigation import NavItem


def nav_items(*, role: str | None, slug: str) -> list[NavItem]:
    def url(name: str) -> str:
        return reverse(f"dispatch:{name}", args=[slug])

    if role == Role.COORDINATOR:
        return [
            NavItem(_("Rosters"), url("home")),
            NavItem(_("Staffing requests"), url("request_list")),
            NavItem(_("Timesheets"), url("timesheet_list")),
            NavItem(_("Compliance"), url("compliance")),
        ]
    if role == Role.MEMBER:
        return [
            NavItem(_("Staffing requests"), url("request_list")),
            NavItem(_("Timesheets"), url("timesheet_list")),
        ]
    if role == Role.WORKER:
        return [
            NavItem(_("My shifts"), url("my_shifts")),
            NavItem(_("My availability"), url("my_days")),
            NavItem(_("Leave"), url("my_leave")),
            NavItem(_("Timesheets"), url("timesheet_list")),
        ]
    if role == Role.MUNICIPALITY:
        return [NavItem(_("Demand and capacity"), url("demand"))]
    return []
