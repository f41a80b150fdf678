"""Two cooperatives with a user of every role each: every access test has an outsider at hand."""

import os
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_scopes import scopes_disabled

from musubi.core.models import Cooperative, Role, User
from tests import factories as f


@dataclass
class Town:
    cooperative: Cooperative
    coordinator: User
    member_user: User
    worker_user: User
    municipality: User
    member: Any
    site: Any
    worker: Any


def _town(slug: str) -> Town:
    coop = f.CooperativeFactory(slug=slug, name=f"{slug}町特定地域づくり事業協同組合")
    member = f.MemberBusinessFactory(cooperative=coop, name=f"{slug}旅館")
    site = f.SiteFactory(member=member)
    worker = f.WorkerFactory(cooperative=coop)
    f.QualificationFactory(worker=worker, name="普通自動車免許")
    coordinator = f.UserFactory(email=f"coordinator@{slug}.example")
    f.totp_device(coordinator)
    member_user = f.UserFactory(email=f"member@{slug}.example")
    worker_user = f.UserFactory(email=f"worker@{slug}.example")
    municipality = f.UserFactory(email=f"town@{slug}.example")
    f.membership(coordinator, coop, Role.COORDINATOR)
    f.membership(member_user, coop, Role.MEMBER, member_business=member)
    f.membership(worker_user, coop, Role.WORKER, worker=worker)
    f.membership(municipality, coop, Role.MUNICIPALITY)
    return Town(coop, coordinator, member_user, worker_user, municipality, member, site, worker)


@pytest.fixture
def town_a(db: None) -> Town:
    with scopes_disabled():
        return _town("alpha")


@pytest.fixture
def town_b(db: None) -> Town:
    with scopes_disabled():
        return _town("beta")


def login_client(user: User) -> Client:
    """A logged-in client; coordinators and admins also pass the TOTP step, as after a login."""
    client = Client()
    client.force_login(user)
    device = user.totpdevice_set.filter(confirmed=True).first()
    if device is not None:
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


@pytest.fixture
def as_user() -> Any:
    return login_client


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    # Argon2 is deliberately slow; tests create many users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix: None) -> None:
    """On SQLite, test in a file rather than the shared in-memory database: its shared-cache locks
    fail at once instead of waiting, so parallel requests (login throttling) could not be tested."""
    from django.conf import settings

    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        # One file per test session, so parallel sessions (e2e beside unit tests) never share it.
        path = settings.BASE_DIR / "var" / f"test-db-{os.getpid()}.sqlite3"
        path.parent.mkdir(exist_ok=True)
        db.setdefault("TEST", {})["NAME"] = str(path)
