"""One settings file, read from the environment (12-factor, as healthchecks does it)."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("MUSUBI_DEBUG", False)
SECRET_KEY = os.environ.get("MUSUBI_SECRET_KEY", "insecure-development-key-change-me-in-production")
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
    "musubi.core",
    "musubi.cooperatives",
    "musubi.members",
    "musubi.workforce",
    "musubi.talent",
    "musubi.dispatch",
    "musubi.cocreation",
    "musubi.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "musubi.core.middleware.ScopeMiddleware",
    "musubi.core.middleware.TwoFactorRequiredMiddleware",
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
SESSION_COOKIE_SECURE = env_bool("MUSUBI_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

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
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "musubi" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

# Development prints mail to the console; production sets an SMTP backend and its options.
MAILERS = {
    "default": {
        "BACKEND": os.environ.get(
            "MUSUBI_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
        ),
    }
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
