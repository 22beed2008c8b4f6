"""Signed form tokens: when a form was shown, and for which target.

A token is an HMAC-signed (``django.core.signing``) record of the target it was
issued for (``comment:<article id>`` or ``feedback``), the time it was issued and
a random nonce. A submission is treated as a bot when the token is missing or
tampered with, names another target, comes back faster than a person could
type, or was already used. An expired token is a person who left a tab open; a
too-quick post from a real browser (see ``from_a_browser``) is a fast person, asked
to wait a moment and send again.
"""

from __future__ import annotations

import enum
import hashlib
import secrets
import time
from collections.abc import Mapping

from django.conf import settings
from django.core import signing
from django.core.cache import cache

SALT = "pm_origins.web.series.form-token"


class TokenVerdict(enum.Enum):
    OK = "ok"
    TAMPERED = "tampered"
    WRONG_TARGET = "wrong-target"
    TOO_FAST = "too-fast"
    EXPIRED = "expired"
    REPLAYED = "replayed"

    @property
    def is_bot(self) -> bool:
        return self in {self.TAMPERED, self.WRONG_TARGET, self.TOO_FAST, self.REPLAYED}


def from_a_browser(headers: Mapping[str, str]) -> bool:
    """Whether a form post carries the fetch metadata a real browser adds when a person
    submits a form on this site (Chrome, Edge, Firefox and Safari all send it); simple
    scripts and most bots do not. It decides only how a too-quick post is answered:
    a person is asked to wait and send again, a bot is dropped without a word."""
    return (
        headers.get("Sec-Fetch-Mode") == "navigate"
        and headers.get("Sec-Fetch-Site") == "same-origin"
        and headers.get("Sec-Fetch-Dest", "document") == "document"
    )


def make_token(*, target: str, now: float | None = None) -> str:
    """A signed token for a form about ``target``, issued at ``now``."""
    issued = int(time.time() if now is None else now)
    return signing.dumps({"t": target, "i": issued, "n": secrets.token_hex(8)}, salt=SALT)


def check_token(*, token: str, target: str, now: float | None = None) -> TokenVerdict:
    """Judge a submitted token without using it up (see ``use_token``)."""
    now = time.time() if now is None else now
    try:
        payload = signing.loads(token, salt=SALT)
        issued = int(payload["i"])
        token_target = str(payload["t"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return TokenVerdict.TAMPERED
    if token_target != target:
        return TokenVerdict.WRONG_TARGET
    age = now - issued
    if age < settings.COMMENT_MIN_SECONDS:
        return TokenVerdict.TOO_FAST
    if age > settings.COMMENT_MAX_AGE:
        return TokenVerdict.EXPIRED
    if cache.get(_used_key(token)) is not None:
        return TokenVerdict.REPLAYED
    return TokenVerdict.OK


def use_token(token: str) -> bool:
    """Mark ``token`` used; False when another request used it first."""
    return bool(cache.add(_used_key(token), 1, timeout=settings.COMMENT_MAX_AGE + 60))


def _used_key(token: str) -> str:
    return "form-token-used:" + hashlib.sha256(token.encode()).hexdigest()
