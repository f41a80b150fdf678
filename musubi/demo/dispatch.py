# ruff: noqa: E501  (the season table reads best one season per line)
"""A year of seasonal demand for the demo town やまびこ (called at the end of ``musubi demo``),
plus a little of the worker side next month (paid leave, a day off, wishes).

Year-round weekend work at the roadside station, hot spring, soba restaurant and ryokan front desk;
summer and autumn tourism; grape harvest Sep–Oct at the vineyard and winery; year-end shipping at
the winery and brewery; sake brewing in winter; Golden Week at the tourist office. Written for two
business years (the current and the next), so the year ahead always has demand; a second run
finds every request and creates nothing.
"""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django_scopes import scopes_disabled

from musubi.core.models import Cooperative
from musubi.core.months import next_month
from musubi.dispatch.models import RequestStatus, StaffingRequest
from musubi.dispatch.services import staffing_request_save
from musubi.members.models import Site
from musubi.workforce.models import (
    Availability,
    LeaveKind,
    LeaveRequest,
    LeaveStatus,
    ShiftWish,
    Worker,
)

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)
WEEKEND = (SAT, SUN)


@dataclass(frozen=True)
class Season:
    site: str  # Site.name
    title: str
    skill: str
    start: tuple[int, int]  # (month, day); a season that wraps past March runs into next year
    end: tuple[int, int]
    weekdays: tuple[int, ...]
    hours: tuple[str, str]
    break_minutes: int = 60
    headcount: int = 1
    priority: int = 2
    template: bool = False


SEASONS: tuple[Season, ...] = (
    # Year-round (business year April–March).
    Season("道の駅やまびこ", "売場・レジ(週末)", "レジ操作", (4, 1), (3, 31), WEEKEND, ("09:00", "17:00")),
    Season("日帰り温泉 ほたるの湯", "受付", "接客", (4, 1), (3, 31), (FRI, SAT, SUN), ("10:00", "18:00")),
    Season("峠庵", "ホール(週末)", "接客", (4, 1), (3, 31), WEEKEND, ("11:00", "15:00"), 0),
    Season("本館", "フロント", "フロント業務", (4, 1), (3, 31), (MON, THU), ("14:00", "21:00"), 45),
    Season("本社・醸造所", "梱包・出荷", "梱包・出荷", (4, 1), (3, 31), (TUE, WED), ("09:00", "17:00")),
    Season("こもれびベーカリー本店", "販売", "レジ操作", (4, 1), (3, 31), (WED, SAT), ("07:00", "13:00"), 0),
    # Golden Week and summer tourism.
    Season("観光案内所", "観光案内(GW)", "英語接客", (4, 29), (5, 5), tuple(range(7)), ("09:00", "17:00"), priority=3),
    Season("旅館 かじか荘", "夏の接客", "接客", (7, 15), (8, 31), tuple(range(7)), ("09:00", "17:00"), priority=3, template=True),
    Season("本館", "外国人客対応(夏)", "英語接客", (7, 20), (8, 31), (FRI, SAT, SUN), ("14:00", "21:00"), 45),
    Season("道の駅やまびこ", "夏の売場応援", "接客", (8, 1), (8, 31), (MON, TUE, WED, THU, FRI), ("09:00", "17:00")),
    # Grape harvest and autumn leaves.
    Season("葡萄坂圃場", "ぶどう収穫", "ぶどう栽培", (9, 1), (10, 31), (MON, TUE, WED, THU, FRI, SAT), ("08:00", "16:00"), headcount=2, priority=3, template=True),
    Season("本社・醸造所", "仕込み・瓶詰め補助", "梱包・出荷", (9, 15), (10, 31), (THU, FRI), ("08:30", "17:00")),
    Season("道の駅やまびこ", "秋の売場応援", "接客", (10, 1), (11, 15), (MON, TUE, THU, FRI), ("09:00", "17:00")),
    Season("旅館 かじか荘", "紅葉シーズン接客", "接客", (10, 15), (11, 30), (FRI, SAT, SUN), ("09:00", "17:00")),
    Season("観光案内所", "紅葉案内(週末)", "英語接客", (10, 15), (11, 23), WEEKEND, ("09:00", "16:00")),
    # Year-end shipping and winter brewing.
    Season("本社・醸造所", "年末出荷", "梱包・出荷", (12, 1), (12, 28), (MON, THU, FRI, SAT), ("09:00", "18:00"), priority=3, template=True),
    Season("酒蔵", "年末出荷", "梱包・出荷", (12, 1), (12, 28), (MON, TUE, WED, THU, FRI), ("09:00", "17:00"), priority=3),
    Season("酒蔵", "寒仕込み補助", "酒造り", (1, 10), (2, 28), (MON, TUE, WED, THU, FRI), ("08:00", "16:00")),
)  # fmt: skip


def _date(fy: int, month_day: tuple[int, int]) -> dt.date:
    month, day = month_day
    return dt.date(fy if month >= 4 else fy + 1, month, day)


def business_year(today: dt.date) -> int:
    return today.year if today.month >= 4 else today.year - 1


def _people_wishes(coop: Cooperative, today: dt.date) -> int:
    """A little of the worker side: approved paid leave, days off and wishes next month."""
    first = next_month(today)
    workers = {w.given_name: w for w in Worker.objects.filter(cooperative=coop)}
    created = 0
    leave = [("美咲", 10, 11, LeaveKind.PAID), ("大輔", 20, 20, LeaveKind.PAID)]
    for name, a, z, kind in leave:
        w = workers.get(name)
        if w is None:
            continue
        _obj, new = LeaveRequest.objects.get_or_create(
            cooperative=coop, worker=w, start_date=first.replace(day=a),
            defaults={"end_date": first.replace(day=z), "kind": kind,
                      "status": LeaveStatus.APPROVED, "reason": "私用"},
        )  # fmt: skip
        created += new
    for name, day, wants in [("さくら", 3, False), ("リナ", 5, True), ("和夫", 12, False)]:
        w = workers.get(name)
        if w is None:
            continue
        _wish, new = ShiftWish.objects.get_or_create(
            cooperative=coop, worker=w, date=first.replace(day=day),
            defaults={"wants_work": wants},
        )  # fmt: skip
        created += new
    w = workers.get("健太")
    if w is not None:
        _day, new = Availability.objects.get_or_create(
            cooperative=coop, worker=w, date=first.replace(day=15), defaults={"note": "通院"}
        )
        created += new
    return created


def build_demand(*, slug: str = "yamabiko", today: dt.date | None = None) -> int:
    """Create the demo town's requests for this and next business year; returns how many."""
    today = today or timezone.localdate()
    created = 0
    with transaction.atomic(), scopes_disabled():
        coop = Cooperative.objects.filter(slug=slug).first()
        if coop is None:
            return 0
        sites = {s.name: s for s in Site.objects.filter(cooperative=coop).select_related("member")}
        first = business_year(today)
        for fy in (first, first + 1):
            for season in SEASONS:
                site = sites[season.site]
                start, end = _date(fy, season.start), _date(fy, season.end)
                if StaffingRequest.objects.filter(
                    cooperative=coop, site=site, title=season.title, start_date=start
                ).exists():
                    continue
                req = StaffingRequest(
                    member=site.member, site=site, title=season.title, skill=season.skill,
                    start_date=start, end_date=end, weekdays=list(season.weekdays),
                    start_time=dt.time.fromisoformat(season.hours[0]),
                    end_time=dt.time.fromisoformat(season.hours[1]),
                    break_minutes=season.break_minutes, headcount=season.headcount,
                    priority=season.priority, status=RequestStatus.APPROVED,
                )  # fmt: skip
                staffing_request_save(request=req, cooperative=coop, actor=None)
                created += 1
                if season.template and fy == first:
                    template = StaffingRequest(
                        **{f.attname: getattr(req, f.attname) for f in req._meta.concrete_fields
                           if f.name not in {"id", "created_at"}},
                    )  # fmt: skip
                    template.is_template = True
                    template.status = RequestStatus.APPROVED
                    staffing_request_save(request=template, cooperative=coop, actor=None)
                    created += 1
        created += _people_wishes(coop, today)
    return created
