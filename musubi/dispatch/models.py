"""派遣依頼, rosters, shifts, roster runs and timesheets (domain.md glossary)."""

import datetime as dt
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from musubi.core.models import TenantModel


class DesignatedPeriod(TenantModel):
    """特定期間 of the annual variable system: up to 12 consecutive working days (R3.5)."""

    name = models.CharField(_("name"), max_length=100)
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("until"))

    class Meta:
        verbose_name = _("designated period")
        ordering = ["start_date"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="designated_period_ordered",
            )
        ]

    def __str__(self) -> str:
        return self.name


class WorkKind(models.TextChoices):
    GENERAL = "general", _("General work")
    # The three kinds below are the dispatch act's prohibited work (法4条); they exist so that
    # a request naming them can be refused with a reason instead of silently mislabelled.
    PORT_TRANSPORT = "port_transport", _("port transport work")
    CONSTRUCTION = "construction", _("construction work")
    SECURITY = "security", _("security guard work")


PROHIBITED_WORK = {WorkKind.PORT_TRANSPORT, WorkKind.CONSTRUCTION, WorkKind.SECURITY}


class RequestStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for approval")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class Priority(models.IntegerChoices):
    LOW = 1, _("Low")
    NORMAL = 2, _("Normal")
    HIGH = 3, _("High")


# More than any cooperative employs; 70000 would make the roster model explode.
MAX_HEADCOUNT = 99


class StaffingRequest(TenantModel):
    """A member's demand: on given weekdays (recurring) or dates (one-off) within a period."""

    member = models.ForeignKey(
        "members.MemberBusiness", on_delete=models.CASCADE, verbose_name=_("member")
    )
    site = models.ForeignKey("members.Site", on_delete=models.CASCADE, verbose_name=_("site"))
    title = models.CharField(_("job"), max_length=100)
    work_kind = models.CharField(
        _("kind of work"), max_length=20, choices=WorkKind.choices, default=WorkKind.GENERAL
    )
    skill = models.CharField(
        _("required skill"), max_length=100, blank=True, help_text=_("Empty: anyone may work it.")
    )
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("until"))
    # Monday = 0 … Sunday = 6; empty means "only the listed dates".
    weekdays = models.JSONField(_("weekdays"), default=list, blank=True)
    dates = models.JSONField(_("dates"), default=list, blank=True)
    start_time = models.TimeField(_("start time"))
    end_time = models.TimeField(_("end time"))
    break_minutes = models.PositiveSmallIntegerField(_("break (minutes)"), default=60)
    headcount = models.PositiveSmallIntegerField(_("head-count"), default=1)
    priority = models.PositiveSmallIntegerField(
        _("priority"), choices=Priority.choices, default=Priority.NORMAL
    )
    status = models.CharField(
        _("status"), max_length=10, choices=RequestStatus.choices, default=RequestStatus.PENDING
    )
    # A seasonal template is never rostered itself; a member copies it into a new year.
    is_template = models.BooleanField(_("seasonal template"), default=False)
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("staffing request")
        verbose_name_plural = _("staffing requests")
        ordering = ["start_date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="request_period_ordered",
            ),
            models.CheckConstraint(
                condition=models.Q(end_time__gt=models.F("start_time")),
                name="request_time_ordered",
            ),
            models.CheckConstraint(condition=models.Q(headcount__gte=1), name="headcount_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.member.name} {self.title}"

    def days(self, start: dt.date | None = None, end: dt.date | None = None) -> list[dt.date]:
        """The dates this request asks for, clipped to [start, end]."""
        lo = max(self.start_date, start) if start else self.start_date
        hi = min(self.end_date, end) if end else self.end_date
        listed = {dt.date.fromisoformat(d) for d in self.dates}
        out = []
        day = lo
        while day <= hi:
            if day.weekday() in self.weekdays or day in listed:
                out.append(day)
            day += dt.timedelta(days=1)
        return out

    @property
    def minutes(self) -> int:
        span = (self.end_time.hour * 60 + self.end_time.minute) - (
            self.start_time.hour * 60 + self.start_time.minute
        )
        return span - self.break_minutes


class RosterStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    CLOSED = "closed", _("Closed")


class Roster(TenantModel):
    """勤務表 for one period (usually a month). Closing it locks the period's timesheets."""

    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("until"))
    status = models.CharField(
        _("status"), max_length=10, choices=RosterStatus.choices, default=RosterStatus.DRAFT
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("roster")
        ordering = ["-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="roster_period_ordered",
            ),
            models.UniqueConstraint(
                fields=["cooperative", "start_date"], name="one_roster_per_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.start_date:%Y-%m}"

    @property
    def dates(self) -> list[dt.date]:
        n = (self.end_date - self.start_date).days + 1
        return [self.start_date + dt.timedelta(days=i) for i in range(n)]


class RunStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class RosterRun(TenantModel):
    """One background solve (or repair proposal) of a roster, with live progress."""

    roster = models.ForeignKey(Roster, on_delete=models.CASCADE, related_name="runs")
    kind = models.CharField(max_length=10, default="solve")  # "solve" or "repair"
    status = models.CharField(max_length=10, choices=RunStatus.choices, default=RunStatus.QUEUED)
    time_limit = models.FloatField(default=10.0)
    best = models.BigIntegerField(null=True, blank=True)
    bound = models.BigIntegerField(null=True, blank=True)
    elapsed = models.FloatField(default=0.0)
    # Repair: the absent worker and days; result: proposed assignments and the summary.
    absent_worker = models.ForeignKey(
        "workforce.Worker", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    absent_dates = models.JSONField(default=list, blank=True)
    summary = models.JSONField(default=dict, blank=True)
    proposal = models.JSONField(default=list, blank=True)
    error = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("roster run")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.roster} {self.kind} {self.status}"


class Shift(TenantModel):
    """One worker at one site for one time span on one day."""

    roster = models.ForeignKey(Roster, on_delete=models.CASCADE, related_name="shifts")
    request = models.ForeignKey(
        StaffingRequest, null=True, blank=True, on_delete=models.SET_NULL, related_name="shifts"
    )
    worker = models.ForeignKey(
        "workforce.Worker",
        on_delete=models.PROTECT,
        related_name="shifts",
        verbose_name=_("worker"),
    )
    site = models.ForeignKey("members.Site", on_delete=models.PROTECT, verbose_name=_("site"))
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("start time"))
    end_time = models.TimeField(_("end time"))
    break_minutes = models.PositiveSmallIntegerField(_("break (minutes)"), default=60)

    class Meta:
        verbose_name = _("shift")
        ordering = ["date", "start_time", "id"]
        constraints = [
            # The cooperative allows one shift per worker per day: this unique index is what
            # makes double-booking impossible even when two coordinators save at the same time.
            models.UniqueConstraint(fields=["worker", "date"], name="one_shift_per_worker_per_day"),
            models.CheckConstraint(
                condition=models.Q(end_time__gt=models.F("start_time")),
                name="shift_time_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.worker} @ {self.site}"

    @property
    def minutes(self) -> int:
        return _minutes(self.start_time, self.end_time) - self.break_minutes


def _minutes(start: dt.time, end: dt.time) -> int:
    return (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)


class TimesheetEntry(TenantModel):
    """勤怠実績: actual hours of one shift, confirmed by the member (R2.6)."""

    shift = models.OneToOneField(Shift, on_delete=models.CASCADE, related_name="timesheet")
    actual_start = models.TimeField(_("actual start"))
    actual_end = models.TimeField(_("actual end"))
    break_minutes = models.PositiveSmallIntegerField(_("break (minutes)"), default=60)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    locked = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("timesheet entry")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(actual_end__gt=models.F("actual_start")),
                name="timesheet_time_ordered",
            )
        ]

    def __str__(self) -> str:
        return f"{self.shift} {self.actual_start}–{self.actual_end}"

    @property
    def minutes(self) -> int:
        return _minutes(self.actual_start, self.actual_end) - self.break_minutes


class TimesheetCorrection(TenantModel):
    """A change to a locked timesheet after the month closed, with the reason (kept forever)."""

    entry = models.ForeignKey(TimesheetEntry, on_delete=models.CASCADE, related_name="corrections")
    before = models.JSONField()
    after = models.JSONField()
    reason = models.CharField(_("reason"), max_length=300)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("timesheet correction")
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.entry} {self.reason}"


def _feed_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeed(TenantModel):
    """A worker's private iCalendar address: the unguessable token is the only credential."""

    worker = models.OneToOneField(
        "workforce.Worker", on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=_feed_token)

    class Meta:
        verbose_name = _("calendar feed")

    def __str__(self) -> str:
        return f"{self.worker}"


class DispatchTerms(TenantModel):
    """Standing texts of the legal documents (R2.1–R2.3); the defaults suit a 無期-only
    cooperative and are meant to be edited by the office."""

    agreement_method = models.BooleanField(
        _("workers covered by a labour-management agreement (協定対象)"), default=True
    )
    dispatch_manager = models.CharField(
        _("dispatch manager (派遣元責任者)"), max_length=100, default="事務局長"
    )
    complaint_handling = models.TextField(
        _("complaint handling"),
        default="派遣元・派遣先の責任者が申出を受け、連携して遅滞なく処理し、結果を本人に通知する。",
    )
    article30_measures = models.TextField(
        _("measures under art. 30"),
        default="無期雇用派遣労働者のため雇用安定措置(法30条)の対象外。",
    )
    training = models.TextField(
        _("education and training"), default="入職時研修(接客・安全衛生)4月、各派遣先でのOJT随時。"
    )
    insurance = models.CharField(
        _("social insurance"),
        max_length=200,
        default="健康保険 有・厚生年金保険 有・雇用保険 有(資格取得届 提出済)",
    )
    safety = models.TextField(
        _("safety and health"),
        default="派遣先の安全衛生規程に従い、必要な教育・保護具は派遣先が提供する。",
    )
    welfare = models.TextField(
        _("welfare facilities"), default="派遣先の休憩室・更衣室・食堂を利用できる。"
    )
    cancellation = models.TextField(
        _("measures on cancellation"),
        default="派遣契約が中途解除された場合、新たな就業機会の確保、休業手当の支払等の措置を講ずる。",
    )
    responsibility = models.CharField(
        _("degree of responsibility"), max_length=100, default="役職なし(補助的業務)"
    )

    class Meta:
        verbose_name = _("dispatch document texts")

    def __str__(self) -> str:
        return str(self.cooperative)


class CalendarDay(TenantModel):
    """A rest day of the cooperative's annual calendar (1年単位の変形労働時間制, R3.5).

    Under the annual variable system nobody is rostered on these days. The calendar of each
    sub-period is fixed 30 days ahead and cannot change afterwards.
    """

    date = models.DateField(_("date"))
    note = models.CharField(_("note"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("calendar rest day")
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(fields=["cooperative", "date"], name="one_calendar_day")
        ]

    def __str__(self) -> str:
        return f"{self.date}"
