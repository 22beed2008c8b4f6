"""Every change to an account goes through these functions."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.http import HttpRequest
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode

from pm_origins.web.accounts import tasks
from pm_origins.web.accounts.models import User, normalise_email
from pm_origins.web.accounts.tokens import signup_token_generator
from pm_origins.web.core import mail, ratelimit
from pm_origins.web.core.errors import DomainError

INVALID_LOGIN = (
    "That e-mail address and password do not match an account. Check both and try again; "
    "if you have just signed up, confirm your address from the e-mail we sent first."
)
LOGIN_THROTTLED = (
    "Too many failed log-ins for this account. Try again in {minutes} minutes, "
    "or reset your password."
)
LOGIN_THROTTLED_IP = (
    "Too many failed log-ins from your network address. Try again in {minutes} minutes."
)
WRONG_PASSWORD = "That password is not right, so your account was not deleted."
SIGNUP_LINK_INVALID = (
    "This confirmation link is not valid any more: it was already used, it expired, or the "
    "password was changed since. If your account is confirmed, log in; otherwise sign up again."
)

LOGIN_WINDOW = 60 * 60
# Password spraying across many accounts from one address.
LOGIN_ATTEMPTS_PER_IP_PER_HOUR = 100


class AccountError(DomainError):
    """A rule about accounts was broken; ``message`` is safe to show."""


class LoginThrottled(AccountError):
    def __init__(self, retry_after: int, message: str = LOGIN_THROTTLED) -> None:
        minutes = max(1, (retry_after + 59) // 60)
        super().__init__(message.format(minutes=minutes))
        self.retry_after = retry_after


def account_signup(*, email: str, password: str, site_url: str, ip: str) -> User | None:
    """Start a sign-up; the answer to the person is the same whatever happens.

    A new address gets an inactive account with this password and a
    confirmation link. An address that already has an account is never
    changed, whoever asks: a confirmed account's owner is told that someone
    tried to sign up (with log-in and reset links); an unconfirmed one's owner
    gets a fresh confirmation link for the account as it stands, with the
    password chosen at the first sign-up. The mail goes through the task queue,
    within the per-address and per-IP mail limits. Returns the account this
    sign-up created, or None when the address already had one.
    """
    email = normalise_email(email)
    password_hash = make_password(password)  # hashed in every branch: no timing tell
    # get_or_create re-reads the row when a concurrent sign-up created it first.
    user, created = User.objects.get_or_create(
        email=email, defaults={"is_active": False, "password": password_hash}
    )
    if mail.mail_allowed(to=email, ip=ip):
        tasks.send_signup_mail.enqueue(email=email, created=created, site_url=site_url)
    return user if created else None


def password_reset_request(*, email: str, site_url: str, ip: str) -> None:
    """Queue a reset link for ``email``, within the mail limits.

    The request does the same work for every address; the worker looks the
    address up and mails only an active account, so neither the answer nor its
    timing tells whether an account exists.
    """
    email = normalise_email(email)
    if mail.mail_allowed(to=email, ip=ip):
        tasks.send_password_reset_mail.enqueue(email=email, site_url=site_url)


def account_confirm(*, uidb64: str, token: str) -> User:
    """Activate the account named by a confirmation link, once."""
    try:
        pk = int(force_str(urlsafe_base64_decode(uidb64)))
        user = User.objects.get(pk=pk)
    except (ValueError, OverflowError, User.DoesNotExist):
        raise AccountError(SIGNUP_LINK_INVALID) from None
    if user.is_active or not signup_token_generator.check_token(user, token):
        raise AccountError(SIGNUP_LINK_INVALID)
    user.is_active = True
    user.save(update_fields=["is_active"])
    return user


def login_check(*, request: HttpRequest, email: str, password: str, ip: str) -> User:
    """The user for these credentials, within the failed-attempt limits.

    At most ``LOGIN_ATTEMPTS_PER_HOUR`` failures per account (known or not) and
    ``LOGIN_ATTEMPTS_PER_IP_PER_HOUR`` per address per hour. Each attempt is
    counted before the slow password hash, so parallel attempts cannot all pass
    on the same old count; a successful one is taken back. While over a limit
    even the right password is refused, with ``LoginThrottled`` carrying the
    seconds until the window ends and a message naming which limit it was.
    """
    email = normalise_email(email)
    counters = (
        ("login-account", email, settings.LOGIN_ATTEMPTS_PER_HOUR, LOGIN_THROTTLED),
        ("login-ip", ip, LOGIN_ATTEMPTS_PER_IP_PER_HOUR, LOGIN_THROTTLED_IP),
    )
    for scope, ident, most, message in counters:
        state = ratelimit.hit(scope, ident, limit=most, window=LOGIN_WINDOW)
        if not state.allowed:
            raise LoginThrottled(state.retry_after, message)
    user = authenticate(request, username=email, password=password)
    if user is None:
        raise AccountError(INVALID_LOGIN)
    ratelimit.reset("login-account", email, window=LOGIN_WINDOW)
    ratelimit.undo("login-ip", ip, window=LOGIN_WINDOW)
    return user


def account_delete(*, user: User, password: str) -> None:
    """Delete ``user`` and everything that belongs to them, after checking the password."""
    if not user.check_password(password):
        raise AccountError(WRONG_PASSWORD)
    with transaction.atomic():
        user.delete()


def account_export(user: User) -> dict[str, Any]:
    """The account's own fields for "export my data"."""
    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
    }
