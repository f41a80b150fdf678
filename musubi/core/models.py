"""Users, the tenant base model, the audit log and login throttling records."""

from typing import Any, ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager


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
        "cooperatives.Cooperative", on_delete=models.CASCADE, verbose_name=_("cooperative")
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
        "cooperatives.Cooperative", null=True, blank=True, on_delete=models.CASCADE
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
