"""User-facing settings of the web site, declared once as data.

Every environment variable that ``settings.py`` reads is listed here with its
default and a one-line help text. ``docs/`` and the tests read this same list,
so a setting cannot be added without being documented.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Option:
    name: str
    default: str
    help: str


OPTIONS: tuple[Option, ...] = (
    Option("PM_ORIGINS_DATA", "./var", "Data folder: SQLite database, secret key, static files."),
    Option(
        "PM_ORIGINS_SECRET_KEY",
        "",
        "Django secret key. Empty: one is generated once and kept in <data>/secret_key.",
    ),
    Option("PM_ORIGINS_DEBUG", "0", "Debug mode (1/0). Never on in production."),
    Option(
        "PM_ORIGINS_ALLOWED_HOSTS",
        "127.0.0.1,localhost",
        "Comma-separated host names the site answers to.",
    ),
    Option(
        "PM_ORIGINS_CSRF_TRUSTED_ORIGINS",
        "",
        "Comma-separated origins (https://example.org) trusted for CSRF behind a proxy.",
    ),
    Option(
        "DATABASE_URL",
        "",
        "postgres://user:password@host:port/name selects PostgreSQL. Empty: SQLite in <data>.",
    ),
    Option(
        "REDIS_URL",
        "",
        "redis://host:port/db selects Redis for cache and rate limits. Empty: database cache.",
    ),
    Option(
        "PM_ORIGINS_HTTPS",
        "0",
        "1 behind HTTPS: secure cookies, HSTS, redirect to HTTPS, trust X-Forwarded-Proto.",
    ),
    Option(
        "PM_ORIGINS_TRUSTED_PROXIES",
        "0",
        "Number of reverse proxies in front that append to X-Forwarded-For (0: use REMOTE_ADDR).",
    ),
    Option("PM_ORIGINS_EMAIL_HOST", "", "SMTP host. Empty: e-mails are printed to the console."),
    Option("PM_ORIGINS_EMAIL_PORT", "587", "SMTP port."),
    Option("PM_ORIGINS_EMAIL_USER", "", "SMTP user name."),
    Option("PM_ORIGINS_EMAIL_PASSWORD", "", "SMTP password."),
    Option("PM_ORIGINS_EMAIL_TLS", "1", "Use STARTTLS for SMTP (1/0)."),
    Option(
        "PM_ORIGINS_DEFAULT_FROM_EMAIL",
        "pm-origins <noreply@localhost>",
        "Sender address of e-mails the site sends.",
    ),
    Option(
        "PM_ORIGINS_MAILS_PER_ADDRESS",
        "5",
        "Mails (sign-up, reset) sent to one address per hour; past it the answer is the same "
        "but no mail goes out.",
    ),
    Option(
        "PM_ORIGINS_MAILS_PER_IP",
        "20",
        "Mails that requests from one IP address may cause per hour, whatever the recipients.",
    ),
    Option(
        "PM_ORIGINS_METRICS_TOKEN",
        "",
        "Bearer token that opens /metrics from any address (Authorization: Bearer TOKEN). "
        "Empty: only the allow-list below.",
    ),
    Option(
        "PM_ORIGINS_METRICS_ALLOWED_IPS",
        "127.0.0.1,::1",
        "Comma-separated client addresses or networks (10.0.0.0/8) that may read /metrics "
        "without the token. Empty: nobody without the token.",
    ),
    Option(
        "PM_ORIGINS_LOG_FORMAT",
        "json",
        "json: one JSON object per log line, with the request id; text: plain lines.",
    ),
    Option(
        "PM_ORIGINS_LOGIN_ATTEMPTS_PER_HOUR",
        "10",
        "Failed log-ins allowed per account per hour before answering 429.",
    ),
    Option(
        "PM_ORIGINS_COMMENTS_PER_IP",
        "5",
        "Comments and feedback messages accepted per IP address per 10 minutes.",
    ),
    Option(
        "PM_ORIGINS_COMMENT_MIN_SECONDS",
        "3",
        "A comment form submitted faster than this after it was shown is treated as a bot.",
    ),
    Option(
        "PM_ORIGINS_COMMENT_MAX_AGE",
        "86400",
        "Seconds a comment form stays valid after it was shown.",
    ),
    Option(
        "PM_ORIGINS_API_RATE_LIMIT",
        "240",
        "API requests allowed per minute per token or signed-in user before 429.",
    ),
    Option(
        "PM_ORIGINS_API_ANON_RATE_LIMIT",
        "60",
        "API requests allowed per minute per IP address without credentials.",
    ),
    Option(
        "PM_ORIGINS_API_AUTH_FAILURES",
        "30",
        "Wrong API tokens allowed per IP address per 10 minutes before 429.",
    ),
    Option(
        "PM_ORIGINS_API_MAX_BODY_BYTES",
        "262144",
        "Largest API request body accepted, in bytes; larger ones get 413. The default "
        "holds a 50,000-character résumé in `resume_text`.",
    ),
)

OPTIONS_BY_NAME: dict[str, Option] = {option.name: option for option in OPTIONS}
