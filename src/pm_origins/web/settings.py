"""Django settings for pm-origins, read from environment variables.

Every variable is declared in ``pm_origins.web.options``; the typed helpers
below read it and fail loudly (ImproperlyConfigured) on a value they cannot
parse, instead of silently falling back to a default.
"""

from __future__ import annotations

import ipaddress
import os
import secrets
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

import django_stubs_ext
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from pm_origins.web.options import OPTIONS_BY_NAME

# Lets generic Django classes (ModelAdmin[Model], Feed[Item, Obj]) be subscripted at run time.
django_stubs_ext.monkeypatch()

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def _raw(name: str, environ: Mapping[str, str] | None) -> str:
    if name not in OPTIONS_BY_NAME:
        raise ImproperlyConfigured(f"{name} is not a declared setting (see pm_origins.web.options)")
    env = os.environ if environ is None else environ
    return env.get(name, OPTIONS_BY_NAME[name].default).strip()


def env_str(name: str, environ: Mapping[str, str] | None = None) -> str:
    """The variable as text, or its declared default."""
    return _raw(name, environ)


def env_bool(name: str, environ: Mapping[str, str] | None = None) -> bool:
    """1/true/yes/on or 0/false/no/off (any case); anything else is an error."""
    value = _raw(name, environ).lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be 1 or 0 (true/false, yes/no, on/off), got {value!r}")


def env_int(name: str, environ: Mapping[str, str] | None = None, *, minimum: int = 0) -> int:
    """A whole number not below ``minimum``; anything else is an error."""
    value = _raw(name, environ)
    try:
        number = int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, got {value!r}") from None
    if number < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}, got {number}")
    return number


def env_list(name: str, environ: Mapping[str, str] | None = None) -> list[str]:
    """Comma-separated values, blanks dropped."""
    return [part.strip() for part in _raw(name, environ).split(",") if part.strip()]


def database_from_url(url: str) -> dict[str, object]:
    """A Django DATABASES entry from postgres://user:password@host:port/name?option=value."""
    parts = urlsplit(url)
    if parts.scheme not in {"postgres", "postgresql", "pgsql"}:
        raise ImproperlyConfigured(
            f"DATABASE_URL must start with postgres:// or postgresql://, got {parts.scheme!r}"
        )
    name = unquote(parts.path.lstrip("/"))
    if not name:
        raise ImproperlyConfigured("DATABASE_URL must name a database, e.g. postgres://host/name")
    try:
        port = parts.port
    except ValueError:
        raise ImproperlyConfigured("DATABASE_URL has a port that is not a number") from None
    return {
        "ENGINE": "django_prometheus.db.backends.postgresql",  # Django's, with query metrics
        "NAME": name,
        "USER": unquote(parts.username or ""),
        "PASSWORD": unquote(parts.password or ""),
        "HOST": parts.hostname or "",
        "PORT": str(port or ""),
        "CONN_MAX_AGE": 60,
        "CONN_HEALTH_CHECKS": True,
        "OPTIONS": dict(parse_qsl(parts.query)),
    }


def _secret_key(data_dir: Path) -> str:
    configured = env_str("PM_ORIGINS_SECRET_KEY")
    if configured:
        return configured
    path = data_dir / "secret_key"
    if not path.exists():
        # O_EXCL: when several workers start at once, exactly one writes the key.
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "w") as handle:
                handle.write(secrets.token_urlsafe(50))
    return path.read_text().strip()


PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(env_str("PM_ORIGINS_DATA")).expanduser().resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)
(DATA_DIR / "static").mkdir(exist_ok=True)

SECRET_KEY = _secret_key(DATA_DIR)
DEBUG = env_bool("PM_ORIGINS_DEBUG")
ALLOWED_HOSTS = env_list("PM_ORIGINS_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("PM_ORIGINS_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "pm_origins.web.core",
    "pm_origins.web.accounts",
    "pm_origins.web.series",
    "pm_origins.web.assessments",
    "pm_origins.web.resumes",
    "pm_origins.web.teams",
    "pm_origins.web.api",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.syndication",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "django_prometheus",
    "ninja",  # the API docs page's Swagger UI, served from this site (CSP: self only)
]

MIDDLEWARE = [
    "pm_origins.web.core.logs.RequestIdMiddleware",
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "pm_origins.web.core.middleware.RejectNulMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "pm_origins.web.core.middleware.PrivateNoStoreMiddleware",
    "pm_origins.web.core.middleware.PrometheusAfterMiddleware",
]

ROOT_URLCONF = "pm_origins.web.urls"
WSGI_APPLICATION = "pm_origins.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "pm_origins.web.assessments.context_processors.find_origin",
                "pm_origins.web.series.context_processors.side_area",
            ],
        },
    },
]

# Database: SQLite in the data folder unless DATABASE_URL points at PostgreSQL.
_database_url = env_str("DATABASE_URL")
if _database_url:
    DATABASES = {"default": database_from_url(_database_url)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django_prometheus.db.backends.sqlite3",  # Django's, with query metrics
            "NAME": DATA_DIR / "pm-origins.sqlite3",
            # Keep each worker's connection: opening one (and its PRAGMAs) per request
            # cost more than most pages' own queries.
            "CONN_MAX_AGE": 600,
            "CONN_HEALTH_CHECKS": True,
            "OPTIONS": {
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
            # Tests use an in-memory database (said outright, as the engine is a wrapper).
            "TEST": {"NAME": ":memory:"},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: shared by every worker process (rate limits live here), never in-process.
_redis_url = env_str("REDIS_URL")
if _redis_url:
    CACHES = {
        "default": {
            "BACKEND": "pm_origins.web.core.cache.TimedRedisCache",
            "LOCATION": _redis_url,
            "KEY_PREFIX": "pm-origins",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "pm_origins.web.core.cache.TimedDatabaseCache",
            "LOCATION": "pm_origins_cache",
            "KEY_PREFIX": "pm-origins",
        }
    }

# Task queue (mail and other slow work): rows in the same database, run by `pm-origins worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 24 * 14

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:account"
LOGOUT_REDIRECT_URL = "assessments:home"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "pm_origins.web.core.storage.StaticFilesStorage"},
}

# E-mail: printed to the console unless an SMTP host is configured.
DEFAULT_FROM_EMAIL = env_str("PM_ORIGINS_DEFAULT_FROM_EMAIL")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
if env_str("PM_ORIGINS_EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = env_str("PM_ORIGINS_EMAIL_HOST")
    EMAIL_PORT = env_int("PM_ORIGINS_EMAIL_PORT", minimum=1)
    EMAIL_HOST_USER = env_str("PM_ORIGINS_EMAIL_USER")
    EMAIL_HOST_PASSWORD = env_str("PM_ORIGINS_EMAIL_PASSWORD")
    EMAIL_USE_TLS = env_bool("PM_ORIGINS_EMAIL_TLS")
    EMAIL_TIMEOUT = 20
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Security headers. Content Security Policy: everything from this site only.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "pm_origins.web.core.views.csrf_failure"

HTTPS = env_bool("PM_ORIGINS_HTTPS")
if HTTPS:
    SECURE_SSL_REDIRECT = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # Load balancers probe plain HTTP; the health check must not be redirected.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^metrics$"]

# How many proxies sit in front; used to find the client's IP for rate limits.
TRUSTED_PROXIES = env_int("PM_ORIGINS_TRUSTED_PROXIES")

# Rate limits and spam defences (see docs/SERIES.md).
MAILS_PER_ADDRESS_PER_HOUR = env_int("PM_ORIGINS_MAILS_PER_ADDRESS", minimum=1)
MAILS_PER_IP_PER_HOUR = env_int("PM_ORIGINS_MAILS_PER_IP", minimum=1)
LOGIN_ATTEMPTS_PER_HOUR = env_int("PM_ORIGINS_LOGIN_ATTEMPTS_PER_HOUR", minimum=1)
COMMENTS_PER_IP = env_int("PM_ORIGINS_COMMENTS_PER_IP", minimum=1)
COMMENT_MIN_SECONDS = env_int("PM_ORIGINS_COMMENT_MIN_SECONDS")
COMMENT_MAX_AGE = env_int("PM_ORIGINS_COMMENT_MAX_AGE", minimum=60)
API_RATE_LIMIT = env_int("PM_ORIGINS_API_RATE_LIMIT", minimum=1)
API_ANON_RATE_LIMIT = env_int("PM_ORIGINS_API_ANON_RATE_LIMIT", minimum=1)
API_AUTH_FAILURES = env_int("PM_ORIGINS_API_AUTH_FAILURES", minimum=1)
API_MAX_BODY_BYTES = env_int("PM_ORIGINS_API_MAX_BODY_BYTES", minimum=1024)

# /metrics: a bearer token, or a client address on the allow-list (see core/metrics.py).
METRICS_TOKEN = env_str("PM_ORIGINS_METRICS_TOKEN")
try:
    METRICS_ALLOWED_NETWORKS = [
        ipaddress.ip_network(part, strict=False)
        for part in env_list("PM_ORIGINS_METRICS_ALLOWED_IPS")
    ]
except ValueError as exc:
    raise ImproperlyConfigured(f"PM_ORIGINS_METRICS_ALLOWED_IPS: {exc}") from None
PROMETHEUS_LATENCY_BUCKETS = (
    0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 10.0, float("inf"),
)  # fmt: skip

# Logs: one JSON object per line on stderr, each with the id of its request (core/logs.py).
LOG_FORMAT = env_str("PM_ORIGINS_LOG_FORMAT").lower()
if LOG_FORMAT not in {"json", "text"}:
    raise ImproperlyConfigured(f"PM_ORIGINS_LOG_FORMAT must be json or text, got {LOG_FORMAT!r}")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "pm_origins.web.core.logs.RequestIdFilter"}},
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "pm_origins": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django_tasks": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django_tasks_db": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
