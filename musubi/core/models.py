"""Users, the tenant root (Cooperative) with the roles, the tenant base model, the audit log and
login throttling records."""

from datetime import date
from typing import Any, ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from musubi.core.japanese import PREFECTURE_CHOICES, validate_municipality_code


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> "User":
        if not email:
            raise ValueError("An email address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> "User":
        extra.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **extra)


class User(AbstractUser):
    """A person who logs in. Email is the login; names follow 姓・名 order."""

    username = None  # type: ignore[assignment]
    email = models.EmailField(_("email address"), unique=True)
    family_name = models.CharField(_("family name"), max_length=50, blank=True)
    given_name = models.CharField(_("given name"), max_length=50, blank=True)
    preferred_language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="ja"
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []
    objects = UserManager()  # type: ignore[assignment,misc]

    @property
    def display_name(self) -> str:
        name = f"{self.family_name} {self.given_name}".strip()
        return name or self.email

    @property
    def is_platform_admin(self) -> bool:
        return self.is_superuser

    def __str__(self) -> str:
        return self.display_name


class TenantModel(models.Model):
    """Base for everything a cooperative owns: a query outside the cooperative's scope raises."""

    cooperative = models.ForeignKey(
        "core.Cooperative", on_delete=models.CASCADE, verbose_name=_("cooperative")
    )

    objects = ScopedManager(cooperative="cooperative")

    class Meta:
        abstract = True


class AuditLogEntry(models.Model):
    """Who changed what and when, for personal data and money records.

    Kept outside the tenant scope manager because platform admins read it across cooperatives; the
    selector filters by cooperative explicitly.
    """

    class Action(models.TextChoices):
        CREATE = "create", _("created")
        UPDATE = "update", _("changed")
        DELETE = "delete", _("deleted")
        VIEW = "view", _("viewed")
        LOGIN = "login", _("logged in")

    cooperative = models.ForeignKey(
        "core.Cooperative", null=True, blank=True, on_delete=models.CASCADE
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    action = models.CharField(max_length=10, choices=Action.choices)
    object_type = models.CharField(max_length=100)
    object_id = models.CharField(max_length=64)
    object_repr = models.CharField(max_length=200)
    changes = models.JSONField(default=dict, blank=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor} {self.action} {self.object_repr}"


class LoginThrottle(models.Model):
    """Failed logins counted for one account ("account:<email>") or one address ("ip:<addr>").

    One counter row per key, raised by a single conditional UPDATE before the password is
    checked: the database serialises those writes (a row lock on PostgreSQL, the write lock on
    SQLite), so parallel guesses can never take more attempts than the limit.
    """

    key = models.CharField(max_length=300, unique=True)
    failures = models.PositiveIntegerField(default=0)
    window_start = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.key} {self.failures}"


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinator")
    MEMBER = "member", _("Member business user")
    WORKER = "worker", _("Worker")
    MUNICIPALITY = "municipality", _("Municipality viewer")


class WorkingTimeSystem(models.TextChoices):
    STANDARD = "standard", _("Standard (8 h/day, 40 h/week)")
    ANNUAL_VARIABLE = (
        "annual_variable",
        _("Annual variable working hours (1年単位の変形労働時間制)"),
    )


class RestDayRule(models.TextChoices):
    WEEKLY = "weekly", _("At least one rest day every week")
    FOUR_IN_FOUR_WEEKS = "four_in_four_weeks", _("At least four rest days in every four weeks")


class Weekday(models.IntegerChoices):
    """Python's numbering (Monday 0), as the law module uses it."""

    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class Cooperative(models.Model):
    """A 特定地域づくり事業協同組合: the tenant. Its labour settings feed the roster engine."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name for addresses"), max_length=40, unique=True)
    prefecture = models.CharField(_("prefecture"), max_length=10, choices=PREFECTURE_CHOICES)
    district_codes = models.JSONField(
        _("district (municipality codes)"),
        default=list,
        help_text=_("全国地方公共団体コード of the municipalities in the cooperative's 地区."),
    )
    fiscal_year_start_month = models.PositiveSmallIntegerField(
        _("first month of the business year"),
        default=4,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
    )
    invoice_registration_number = models.CharField(
        _("invoice registration number"), max_length=14, blank=True
    )
    dispatch_notified_on = models.DateField(
        _("dispatch business notification accepted on"),
        null=True,
        blank=True,
        help_text=_("労働者派遣事業届出受理日; dispatch is blocked before this date."),
    )
    # Labour settings (domain.md §3); defaults are the statutory ones.
    working_time_system = models.CharField(
        _("working-time system"),
        max_length=20,
        choices=WorkingTimeSystem.choices,
        default=WorkingTimeSystem.STANDARD,
    )
    rest_day_rule = models.CharField(
        _("rest-day rule"), max_length=20, choices=RestDayRule.choices, default=RestDayRule.WEEKLY
    )
    rest_day_start = models.DateField(
        _("start date for counting four-week periods"), null=True, blank=True
    )
    week_start = models.PositiveSmallIntegerField(
        _("first day of the working week"),
        choices=Weekday.choices,
        default=Weekday.SUNDAY,
        help_text=_("Sunday unless the work rules (就業規則) name another day."),
    )
    legal_holiday = models.PositiveSmallIntegerField(
        _("legal holiday (法定休日)"),
        choices=Weekday.choices,
        null=True,
        blank=True,
        help_text=_(
            "Leave empty when the work rules fix none: the last day of a week worked in full is "
            "then the legal holiday."
        ),
    )
    min_interval_hours = models.PositiveSmallIntegerField(
        _("minimum rest between shifts (hours)"),
        default=11,
        validators=[MinValueValidator(9), MaxValueValidator(24)],
    )
    night_start_hour = models.PositiveSmallIntegerField(_("night work starts (hour)"), default=22)
    night_end_hour = models.PositiveSmallIntegerField(_("night work ends (hour)"), default=5)
    video_base_url = models.URLField(
        _("video meeting base address"), default="https://meet.jit.si/", blank=True
    )
    use_wareki = models.BooleanField(
        _("Japanese era dates on documents (和暦)"),
        default=False,
        help_text=_("Documents print dates as 令和9年4月1日 instead of 2027年4月1日."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "cooperatives_cooperative"  # the table kept its name when the model moved
        verbose_name = _("cooperative")
        verbose_name_plural = _("cooperatives")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def district_code_texts(self) -> list[str]:
        """The stored codes as typed, whatever shape they were stored in.

        The field is JSON, so an edit outside the settings form (the admin, a script) may have
        stored a bare number or a comma-separated string instead of a list; pages must still open
        and the coordinator must see what to repair.
        """
        raw = self.district_codes
        if isinstance(raw, list | tuple):
            items = [str(x) for x in raw if isinstance(x, str | int) and not isinstance(x, bool)]
        elif isinstance(raw, str | int) and not isinstance(raw, bool):
            items = str(raw).replace("、", ",").replace(" ", ",").split(",")
        else:
            items = []
        return [item.strip() for item in items if item.strip()]

    @property
    def district(self) -> list[str]:
        """The valid 5-digit codes of the 地区; a malformed stored code is left out."""
        codes = []
        for text in self.district_code_texts():
            try:
                codes.append(validate_municipality_code(text))
            except ValidationError:
                continue
        return codes

    def business_year_start(self, day: date) -> date:
        """The first day of the business year (事業年度) that ``day`` falls in."""
        m = self.fiscal_year_start_month
        return date(day.year if day.month >= m else day.year - 1, m, 1)


class WorkerHeartbeat(models.Model):
    """A task worker's last sign of life: pages use it to say why a job is still waiting."""

    worker_id = models.CharField(max_length=64, unique=True)
    host = models.CharField(max_length=255, blank=True)
    seen_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"{self.worker_id}@{self.host} {self.seen_at:%Y-%m-%d %H:%M:%S}"


class ScheduledSlot(models.Model):
    """One periodic job in one period. The unique key lets exactly one of several schedulers
    (one per machine) enqueue it; the others' inserts fail and they skip the period."""

    job = models.CharField(max_length=64)
    slot = models.DateTimeField()  # the start of the period, UTC
    enqueued_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["job", "slot"], name="scheduled_slot_once"),
        ]

    def __str__(self) -> str:
        return f"{self.job} {self.slot:%Y-%m-%d %H:%M}"
