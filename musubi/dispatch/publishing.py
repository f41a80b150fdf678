"""Publishing a roster: emails to workers and members after commit, private calendar feeds."""

import secrets
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_scopes import scope

from musubi.access.models import Membership
from musubi.core.audit import audit_record
from musubi.core.mail import one_line
from musubi.core.models import AuditLogEntry, Cooperative, Role, User
from musubi.dispatch.models import CalendarFeed, Roster, RosterStatus, Shift
from musubi.workforce.models import Worker


def feed_for(worker: Worker) -> CalendarFeed:
    feed, _created = CalendarFeed.objects.get_or_create(
        worker=worker, defaults={"cooperative": worker.cooperative}
    )
    return feed


@transaction.atomic
def feed_reset(*, worker: Worker, actor: User) -> CalendarFeed:
    """A new private calendar address; the old one stops working at once."""
    feed = feed_for(worker)
    feed.token = secrets.token_urlsafe(32)
    feed.save(update_fields=["token"])
    audit_record(
        actor=actor, cooperative=worker.cooperative, action=AuditLogEntry.Action.UPDATE,
        instance=feed, changes={"token": "reset"},
    )  # fmt: skip
    return feed


def notify_published(
    roster_id: int,
    cooperative_id: int,
    base_url: str,
    only: tuple[set[int], set[int]] | None = None,
) -> None:
    """Email each worker their shifts and each member user theirs (``only``: these worker and
    member ids, after a repair)."""
    coop = Cooperative.objects.get(pk=cooperative_id)
    with scope(cooperative=coop):
        roster = Roster.objects.get(pk=roster_id, cooperative=coop)
        shifts = list(roster.shifts.select_related("worker", "site", "site__member"))
        by_worker: dict[Worker, list[Shift]] = {}
        by_member: dict[Any, list[Shift]] = {}
        for s in shifts:
            by_worker.setdefault(s.worker, []).append(s)
            by_member.setdefault(s.site.member, []).append(s)
        for worker, mine in by_worker.items():
            if not worker.email or (only is not None and worker.pk not in only[0]):
                continue
            feed = feed_for(worker)
            url = base_url + reverse("dispatch:calendar_feed", args=[coop.slug, feed.token])
            context = {"worker": worker, "shifts": mine, "roster": roster, "feed_url": url}
            _mail(worker.email, "dispatch/email/published_worker.txt", context)
        members = Membership.objects.filter(cooperative=coop, role=Role.MEMBER)
        member_users = members.select_related("user")
        for ms in member_users:
            mine = by_member.get(ms.member_business, [])
            if mine and (only is None or ms.member_business_id in only[1]):
                _mail(ms.user.email, "dispatch/email/published_member.txt",
                      {"member": ms.member_business, "shifts": mine, "roster": roster})  # fmt: skip


def notify_repaired(
    roster_id: int,
    cooperative_id: int,
    base_url: str,
    workers: set[int],
    unstaffed: dict[int, list[dict[str, Any]]],
    members: set[int],
) -> None:
    """After a repair of a published roster: workers whose shifts moved get their new shifts;
    each member whose shifts moved is told, first, which of its days are now unstaffed
    (``unstaffed``: member id → the slots no one covers any more), with a subject that says so.
    """
    coop = Cooperative.objects.get(pk=cooperative_id)
    with scope(cooperative=coop):
        roster = Roster.objects.get(pk=roster_id, cooperative=coop)
        shifts = list(roster.shifts.select_related("worker", "site", "site__member"))
        for worker in {s.worker for s in shifts if s.worker_id in workers}:
            if not worker.email:
                continue
            feed = feed_for(worker)
            url = base_url + reverse("dispatch:calendar_feed", args=[coop.slug, feed.token])
            mine = [s for s in shifts if s.worker_id == worker.pk]
            context = {"worker": worker, "shifts": mine, "roster": roster, "feed_url": url}
            _mail(worker.email, "dispatch/email/published_worker.txt", context,
                  subject=_("Roster changed: %(month)s"))  # fmt: skip
        members_told = Membership.objects.filter(
            cooperative=coop, role=Role.MEMBER, member_business_id__in=members | set(unstaffed)
        ).select_related("user", "member_business")
        for ms in members_told:
            gaps = unstaffed.get(ms.member_business_id or 0, [])
            subject = (
                _("Roster changed: days now without staff at your business (%(month)s)")
                if gaps else _("Roster changed: %(month)s")
            )  # fmt: skip
            mine = [s for s in shifts if s.site.member_id == ms.member_business_id]
            _mail(ms.user.email, "dispatch/email/repaired_member.txt",
                  {"member": ms.member_business, "shifts": mine, "roster": roster,
                   "gaps": gaps}, subject=subject)  # fmt: skip


def _mail(to: str, template: str, context: dict[str, Any], subject: str = "") -> None:
    with translation.override("ja"):
        body = render_to_string(template, context)
        subject = (subject or _("Roster published: %(month)s")) % {"month": context["roster"]}
    send_mail(one_line(subject), body, settings.DEFAULT_FROM_EMAIL, [to])


@transaction.atomic
def roster_publish(*, roster: Roster, actor: User, base_url: str = "") -> None:
    """Publish: workers and members are emailed once the transaction commits."""
    if roster.status == RosterStatus.CLOSED:
        raise ValidationError(_("This month is closed; its roster can no longer change."))
    if not roster.shifts.exists():
        raise ValidationError(_("The roster has no shifts yet."))
    roster.status = RosterStatus.PUBLISHED
    roster.published_at = timezone.now()
    roster.save(update_fields=["status", "published_at"])
    for worker in Worker.objects.filter(shifts__roster=roster).distinct():
        feed_for(worker)
    audit_record(
        actor=actor, cooperative=roster.cooperative, action=AuditLogEntry.Action.UPDATE,
        instance=roster, changes={"status": [RosterStatus.DRAFT, RosterStatus.PUBLISHED]},
    )  # fmt: skip
    rid, cid = roster.pk, roster.cooperative_id
    transaction.on_commit(lambda: notify_published(rid, cid, base_url))
