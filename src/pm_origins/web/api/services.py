"""Every change to API tokens goes through these functions."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from pm_origins.web.accounts.models import User
from pm_origins.web.api.models import ApiToken
from pm_origins.web.core.errors import DomainError

SECRET_PREFIX = "pmo_"
PREFIX_LENGTH = len(SECRET_PREFIX) + 8
MAX_TOKENS = 20
MAX_SECRET_LENGTH = 200
# Writing last_used on every request would turn each read into a write.
LAST_USED_RESOLUTION = timedelta(minutes=1)
TOO_MANY_TOKENS = (
    f"You have {MAX_TOKENS} API tokens, the most one account may have. "
    f"Revoke one you no longer use, then create the new one."
)


class ApiTokenError(DomainError):
    """A business rule said no; `message` is meant for people."""


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


@transaction.atomic
def token_create(*, user: User, name: str) -> tuple[ApiToken, str]:
    """A new token for ``user``; returns it with its secret, which is never stored."""
    # Lock the user's row so two requests at once cannot both pass the count.
    User.objects.select_for_update().filter(pk=user.pk).first()
    if ApiToken.objects.filter(user=user).count() >= MAX_TOKENS:
        raise ApiTokenError(TOO_MANY_TOKENS)
    secret = SECRET_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name.strip(), prefix=secret[:PREFIX_LENGTH], key_hash=hash_secret(secret)
    )
    return token, secret


def token_revoke(*, user: User, token_id: int) -> bool:
    """Delete one of ``user``'s tokens; False when they have no such token."""
    deleted, _ = ApiToken.objects.filter(user=user, pk=token_id).delete()
    return bool(deleted)


def token_user(secret: str) -> User | None:
    """The active user a presented secret belongs to, or None; notes when it was used."""
    if not secret.startswith(SECRET_PREFIX) or len(secret) > MAX_SECRET_LENGTH:
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=hash_secret(secret), user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used is None or now - token.last_used >= LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used=now)
    return token.user


def tokens_export(user: User) -> list[dict[str, Any]]:
    """The user's tokens for "export my data": names and dates, never a secret or hash."""
    return [
        {
            "name": t.name,
            "prefix": t.prefix,
            "created": t.created.isoformat(),
            "last_used": t.last_used.isoformat() if t.last_used else None,
        }
        for t in ApiToken.objects.filter(user=user)
    ]
