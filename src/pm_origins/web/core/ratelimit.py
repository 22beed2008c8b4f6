"""Fixed-window rate limits kept in the shared cache (Redis or the database).

Counters live in Django's default cache, which settings point at Redis or the
database cache, so every worker process sees the same counts. Nothing here is
kept in process memory.
"""

from __future__ import annotations

import hashlib
import math
import time
from dataclasses import dataclass

from django.core.cache import cache


@dataclass(frozen=True)
class RateLimit:
    """The state of one counter after a check.

    ``allowed`` is False once ``count`` has reached ``limit``; ``retry_after``
    is the number of seconds until the current window ends.
    """

    allowed: bool
    count: int
    limit: int
    retry_after: int


def _key(scope: str, ident: str, window: int, now: float) -> tuple[str, int]:
    start = int(now // window) * window
    digest = hashlib.sha256(ident.encode()).hexdigest()[:32]
    retry_after = max(1, math.ceil(start + window - now))
    return f"rl:{scope}:{digest}:{start}", retry_after


def peek(scope: str, ident: str, *, limit: int, window: int, now: float | None = None) -> RateLimit:
    """The counter for ``ident`` in ``scope`` without counting a new event."""
    now = time.time() if now is None else now
    key, retry_after = _key(scope, ident, window, now)
    count = int(cache.get(key, 0))
    return RateLimit(count < limit, count, limit, retry_after)


def hit(scope: str, ident: str, *, limit: int, window: int, now: float | None = None) -> RateLimit:
    """Count one event for ``ident`` in ``scope`` and say whether it is within ``limit``.

    The event that would exceed the limit is refused; refused events still count,
    so hammering does not reopen the window early.
    """
    now = time.time() if now is None else now
    key, retry_after = _key(scope, ident, window, now)
    # add() is a no-op when the key exists; incr() is atomic on Redis.
    cache.add(key, 0, timeout=window + 60)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=window + 60)
        count = 1
    return RateLimit(count <= limit, count, limit, retry_after)


def reset(scope: str, ident: str, *, window: int, now: float | None = None) -> None:
    """Forget the current window's count for ``ident`` in ``scope``."""
    now = time.time() if now is None else now
    key, _ = _key(scope, ident, window, now)
    cache.delete(key)
