"""Production configuration (review finding 9): refuses unsafe settings, sends the security headers,
keeps the audit log read-only in the admin, and `check --deploy` is clean."""

import os
import runpy
import secrets
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.contrib.admin.sites import site
from django.core.exceptions import ImproperlyConfigured
from django.test import Client
from django.test.client import RequestFactory
from django_scopes import scopes_disabled

from musubi.core.models import AuditLogEntry
from tests.conftest import Town, login_client
from tests.factories import UserFactory, totp_device

ROOT = Path(__file__).parents[2]
SETTINGS = ROOT / "musubi" / "settings.py"
KEY = secrets.token_urlsafe(50)
PRODUCTION_ENV = {
    "MUSUBI_ENV": "production",
    "MUSUBI_SECRET_KEY": KEY,
    "MUSUBI_ALLOWED_HOSTS": "musubi.example",
    "MUSUBI_SITE_URL": "https://musubi.example",
}


def load_settings(monkeypatch: Any, **env: str) -> dict[str, Any]:
    for name in ("MUSUBI_ENV", "MUSUBI_SECRET_KEY", "MUSUBI_DEBUG", "MUSUBI_SECURE_COOKIES"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(SETTINGS))


def test_production_refuses_to_start_without_a_secret_key(monkeypatch: Any) -> None:
    with pytest.raises(ImproperlyConfigured, match="MUSUBI_SECRET_KEY"):
        load_settings(monkeypatch, MUSUBI_ENV="production")
    with pytest.raises(ImproperlyConfigured, match="MUSUBI_SECRET_KEY"):
        load_settings(
            monkeypatch,
            MUSUBI_ENV="production",
            MUSUBI_SECRET_KEY="insecure-development-key-change-me-in-production",
        )


def test_production_refuses_to_start_with_debug_on(monkeypatch: Any) -> None:
    with pytest.raises(ImproperlyConfigured, match="MUSUBI_DEBUG"):
        load_settings(monkeypatch, MUSUBI_DEBUG="1", **PRODUCTION_ENV)


def test_the_published_key_is_never_used_with_debug_off(monkeypatch: Any) -> None:
    published = "insecure-development-key-change-me-in-production"
    assert load_settings(monkeypatch)["SECRET_KEY"] != published
    assert load_settings(monkeypatch, MUSUBI_DEBUG="1")["SECRET_KEY"] == published


def test_production_settings_turn_on_tls_and_secure_cookies(monkeypatch: Any) -> None:
    conf = load_settings(monkeypatch, **PRODUCTION_ENV)
    assert conf["SECURE_SSL_REDIRECT"] and conf["SECURE_HSTS_SECONDS"] >= 31536000
    assert conf["SECURE_PROXY_SSL_HEADER"] == ("HTTP_X_FORWARDED_PROTO", "https")
    assert conf["SESSION_COOKIE_SECURE"] and conf["CSRF_COOKIE_SECURE"]
    assert conf["DEBUG"] is False and conf["SECRET_KEY"] == KEY


@pytest.mark.django_db
def test_behind_the_tls_proxy_pages_redirect_to_https_and_carry_hsts_csp_and_secure_cookies(
    monkeypatch: Any, settings: Any
) -> None:
    conf = load_settings(monkeypatch, **PRODUCTION_ENV)
    for name in ("SECURE_PROXY_SSL_HEADER", "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS",
                 "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE",
                 "SECURE_CSP"):  # fmt: skip
        setattr(settings, name, conf[name])
    settings.ALLOWED_HOSTS = ["musubi.example"]
    client = Client(HTTP_HOST="musubi.example")
    plain = client.get("/account/login/")
    assert plain.status_code == 301 and plain["Location"] == "https://musubi.example/account/login/"
    page = client.get("/account/login/", HTTP_X_FORWARDED_PROTO="https")
    assert page.status_code == 200
    assert "max-age=31536000; includeSubDomains" in page["Strict-Transport-Security"]
    assert "script-src 'self'" in page["Content-Security-Policy"]
    assert page.cookies["csrftoken"]["secure"]


@pytest.mark.django_db
def test_every_page_has_a_csp_and_style_blocks_carry_its_nonce(town_a: Town, as_user: Any) -> None:
    page = as_user(town_a.coordinator).get(f"/c/{town_a.cooperative.slug}/dispatch/demand/")
    policy = page["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "'unsafe-inline'" not in policy.split("style-src-attr")[0]
    nonce = policy.split("'nonce-")[1].split("'")[0]
    assert f'<style nonce="{nonce}">' in page.text
    assert "<script>" not in page.text and " onchange=" not in page.text


@pytest.mark.django_db
def test_nobody_adds_changes_or_deletes_audit_entries_in_the_admin(town_a: Town) -> None:
    admin = UserFactory(email="root@example.com", is_staff=True, is_superuser=True)
    totp_device(admin)
    client = login_client(admin)
    with scopes_disabled():
        entry = AuditLogEntry.objects.create(
            cooperative=town_a.cooperative, action="create", object_type="x", object_id="1",
            object_repr="x",
        )  # fmt: skip
    base = "/admin/core/auditlogentry/"
    assert client.get(base).status_code == 200
    assert client.get(f"{base}add/").status_code == 403
    assert client.post(f"{base}add/", {"action": "login"}).status_code == 403
    assert client.post(f"{base}{entry.pk}/delete/", {"post": "yes"}).status_code == 403
    client.post(base, {"action": "delete_selected", "_selected_action": [entry.pk], "post": "yes"})
    assert AuditLogEntry.objects.filter(pk=entry.pk).exists()
    request = RequestFactory().get(base)
    request.user = admin
    model_admin = site._registry[AuditLogEntry]
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_delete_permission(request, entry)


def test_check_deploy_is_clean_under_production_settings() -> None:
    env = {**os.environ, **PRODUCTION_ENV}
    env.pop("MUSUBI_DEBUG", None)
    # The browser tests' conftest sets this for Playwright; a real deployment has it unset.
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(
        [sys.executable, "-m", "musubi", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.django_db
def test_the_health_check_answers_without_login() -> None:
    response = Client().get("/healthz")
    assert response.status_code == 200 and response.text == "ok"
