"""One settings file, read from the environment (12-factor, as healthchecks does it)."""

import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).lower() in {"1", "true", "yes", "on"}


# MUSUBI_ENV=production turns on everything a server behind TLS needs, and refuses to start with
# DEBUG on or without a real secret key (docs/operations.md).
PRODUCTION = os.environ.get("MUSUBI_ENV", "development") == "production"
DEBUG = env_bool("MUSUBI_DEBUG", False)
DEVELOPMENT_SECRET_KEY = "insecure-development-key-change-me-in-production"
SECRET_KEY = os.environ.get("MUSUBI_SECRET_KEY", "")
if PRODUCTION:
    if DEBUG:
        raise ImproperlyConfigured("MUSUBI_DEBUG must be off when MUSUBI_ENV=production.")
    if len(SECRET_KEY) < 50 or SECRET_KEY == DEVELOPMENT_SECRET_KEY:
        raise ImproperlyConfigured(
            "Set MUSUBI_SECRET_KEY to a random value of at least 50 characters, e.g. "
            "python -c 'import secrets; print(secrets.token_urlsafe(50))'."
        )
elif not SECRET_KEY:
    # The published key only for DEBUG development; otherwise (tests, commands) a key that lives
    # as long as the process, so a forgotten setting can never sign with a known key.
    SECRET_KEY = DEVELOPMENT_SECRET_KEY if DEBUG else secrets.token_urlsafe(50)
ALLOWED_HOSTS = os.environ.get("MUSUBI_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
SITE_URL = os.environ.get("MUSUBI_SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks_db",
    # Swagger UI's script and styles from django-ninja's own static files, not from a CDN.
    "ninja",
    "musubi.core",
    "musubi.cooperatives",
    "musubi.members",
    "musubi.workforce",
    "musubi.access",
    "musubi.talent",
    "musubi.dispatch",
    "musubi.cocreation",
    "musubi.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "musubi.access.tokens.ApiTokenMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "musubi.access.middleware.ScopeMiddleware",
    "musubi.access.middleware.TwoFactorRequiredMiddleware",
]

ROOT_URLCONF = "musubi.urls"
WSGI_APPLICATION = "musubi.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "musubi" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "musubi.core.context_processors.navigation",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("MUSUBI_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web server, the task worker and the scheduler share one SQLite file. IMMEDIATE takes
    # the write lock when a transaction begins, so two writers queue up (for up to `timeout`
    # seconds) instead of one failing when it upgrades a read lock: two coordinators booking
    # the same worker at once then leave exactly one shift, as on PostgreSQL.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Sessions end after 8 idle hours (a working day) and when the browser closes.
SESSION_COOKIE_AGE = int(os.environ.get("MUSUBI_SESSION_SECONDS", str(8 * 3600)))
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("MUSUBI_SECURE_COOKIES", PRODUCTION)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

# Content Security Policy in every environment, so tests and development meet the same rules:
# scripts only from our static files (htmx included), <style> blocks with the request's nonce;
# style="" attributes are allowed (layout only; markup itself is always escaped).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF, CSP.NONCE],
    "style-src-attr": [CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "font-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

if PRODUCTION:
    # TLS ends at the proxy (nginx, Caddy, a load balancer), which must set X-Forwarded-Proto
    # and overwrite any value the client sent.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = int(os.environ.get("MUSUBI_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    # The header only allows submitting the domain to browsers' preload lists; nothing is sent.
    SECURE_HSTS_PRELOAD = True
    CSRF_TRUSTED_ORIGINS = [SITE_URL.rstrip("/")]

# Login throttling: this many failures per account (or per address) within the window lock it.
LOGIN_FAILURE_LIMIT = int(os.environ.get("MUSUBI_LOGIN_FAILURE_LIMIT", "5"))
LOGIN_FAILURE_WINDOW_SECONDS = int(os.environ.get("MUSUBI_LOGIN_FAILURE_WINDOW", "900"))

LANGUAGE_CODE = "ja"
LANGUAGES = [("ja", _("Japanese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "musubi" / "locale"]
TIME_ZONE = "Asia/Tokyo"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("MUSUBI_STATIC_ROOT", BASE_DIR / "var" / "static"))
STATICFILES_DIRS = [BASE_DIR / "musubi" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = not PRODUCTION
if PRODUCTION:
    # `musubi collectstatic` at deployment; WhiteNoise serves the hashed, compressed files with
    # far-future caching, so no request for static files reaches a view.
    STORAGES["staticfiles"]["BACKEND"] = "whitenoise.storage.CompressedManifestStaticFilesStorage"
# Files browsers ask for at the root (/favicon.ico), served as they are.
WHITENOISE_ROOT = BASE_DIR / "musubi" / "root"

# Development prints mail to the console; production sends by SMTP (MUSUBI_SMTP_* variables).
_SMTP = "django.core.mail.backends.smtp.EmailBackend"
_MAIL_BACKEND = os.environ.get(
    "MUSUBI_EMAIL_BACKEND",
    _SMTP if PRODUCTION else "django.core.mail.backends.console.EmailBackend",
)
MAILERS: dict[str, dict[str, object]] = {"default": {"BACKEND": _MAIL_BACKEND}}
if _MAIL_BACKEND == _SMTP:
    MAILERS["default"]["OPTIONS"] = {
        "host": os.environ.get("MUSUBI_SMTP_HOST", "localhost"),
        "port": int(os.environ.get("MUSUBI_SMTP_PORT", "587")),
        "username": os.environ.get("MUSUBI_SMTP_USER", ""),
        "password": os.environ.get("MUSUBI_SMTP_PASSWORD", ""),
        "use_tls": env_bool("MUSUBI_SMTP_TLS", True),
        "timeout": 30,
    }
DEFAULT_FROM_EMAIL = os.environ.get("MUSUBI_FROM_EMAIL", "musubi@localhost")

TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "MUSUBI_TASKS_BACKEND", "django_tasks_db.backend.DatabaseBackend"
        ),
    }
}

# Periodic jobs: ``musubi scheduler`` enqueues each once per period (seconds), on any number of
# machines at once (a unique row per job and period decides who enqueues).
PERIODIC_TASKS = {
    "cocreation_tick": {"task": "musubi.cocreation.tasks.cocreation_tick", "every": 300},
    "prune_task_results": {"task": "musubi.core.tasks.prune_task_results", "every": 86400},
}

OTP_TOTP_ISSUER = "Musubi"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("MUSUBI_LOG_LEVEL", "WARNING")},
}
