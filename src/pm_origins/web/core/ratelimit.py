"""Fixed-window rate limits kept where every worker process sees them.

Counters live in Redis when it is configured (``INCR`` is atomic), and
otherwise in the database, in one ``RateCounter`` row per window updated with
``count = count + 1`` (atomic on PostgreSQL and on SQLite, whose write
transactions are serialised). Nothing is kept in process memory. Every event is
counted before the decision, so parallel requests can never all pass on the
same old count.
"""

from __future__ import annotations

import hashlib
import math
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from django.core.cache import cache, caches
from django.core.cache.backends.db import DatabaseCache
from django.db import IntegrityError, transaction
from django.db.models import F, Value
from django.db.models.functions import Greatest

from pm_origins.web.core.models import RateCounter

# Expired counter rows removed per new window, so cleaning never costs much at once.
PRUNE_BATCH = 200


@dataclass(frozen=True)
class RateLimit:
    """The state of one counter after a check.

    ``allowed`` is False once ``count`` has passed ``limit``; ``retry_after``
    is the number of seconds until the current window ends.
    """

    allowed: bool
    count: int
    limit: int
    retry_after: int


@dataclass(frozen=True)
class _Window:
    key: str
    ends: float
    retry_after: int


def _window(scope: str, ident: str, window: int, now: float) -> _Window:
    start = int(now // window) * window
    digest = hashlib.sha256(ident.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    retry_after = max(1, math.ceil(start + window - now))
    return _Window(f"rl:{scope}:{digest}:{start}", start + window, retry_after)


def _in_database() -> bool:
    return isinstance(caches["default"], DatabaseCache)


def _db_add(key: str, delta: int, ends: float, now: float) -> int:
    expires = datetime.fromtimestamp(ends + 60, tz=UTC)
    with transaction.atomic():
        rows = RateCounter.objects.filter(key=key)
        if not rows.update(count=Greatest(F("count") + delta, Value(0))):
            try:
                with transaction.atomic():
                    RateCounter.objects.create(key=key, count=max(0, delta), expires=expires)
                _prune(datetime.fromtimestamp(now, tz=UTC))
                return max(0, delta)
            except IntegrityError:  # another process created it first
                rows.update(count=Greatest(F("count") + delta, Value(0)))
        return int(rows.values_list("count", flat=True).get())


def _prune(now: datetime) -> None:
    # A new window is a good moment to drop rows whose windows ended over a minute ago.
    stale = RateCounter.objects.filter(expires__lt=now)
    ids = list(stale.values_list("pk", flat=True)[:PRUNE_BATCH])
    if ids:
        RateCounter.objects.filter(pk__in=ids).delete()


def _cache_add(key: str, delta: int, window: int) -> int:
    cache.add(key, 0, timeout=window + 60)  # a no-op when the key exists
    try:
        return int(cache.incr(key, delta))
    except ValueError:  # expired between add() and incr()
        cache.set(key, max(0, delta), timeout=window + 60)
        return max(0, delta)


def _add(scope: str, ident: str, delta: int, window: int, now: float) -> tuple[int, _Window]:
    span = _window(scope, ident, window, now)
    if _in_database():
        return _db_add(span.key, delta, span.ends, now), span
    return _cache_add(span.key, delta, window), span


def peek(scope: str, ident: str, *, limit: int, window: int, now: float | None = None) -> RateLimit:
    """The counter for ``ident`` in ``scope`` without counting a new event."""
    now = time.time() if now is None else now
    span = _window(scope, ident, window, now)
    if _in_database():
        found = RateCounter.objects.filter(key=span.key).values_list("count", flat=True).first()
        count = int(found or 0)
    else:
        count = int(cache.get(span.key, 0))
    return RateLimit(count < limit, count, limit, span.retry_after)


def hit(scope: str, ident: str, *, limit: int, window: int, now: float | None = None) -> RateLimit:
    """Count one event for ``ident`` in ``scope`` and say whether it is within ``limit``.

    The count and the decision are one atomic step: of N parallel events at most
    ``limit`` are allowed. Refused events still count, so hammering does not
    reopen the window early.
    """
    now = time.time() if now is None else now
    count, span = _add(scope, ident, 1, window, now)
    return RateLimit(count <= limit, count, limit, span.retry_after)


def undo(scope: str, ident: str, *, window: int, now: float | None = None) -> None:
    """Take back one event counted by ``hit`` (for an attempt that turned out fine)."""
    now = time.time() if now is None else now
    _add(scope, ident, -1, window, now)


def reset(scope: str, ident: str, *, window: int, now: float | None = None) -> None:
    """Forget the current window's count for ``ident`` in ``scope``."""
    now = time.time() if now is None else now
    span = _window(scope, ident, window, now)
    if _in_database():
        RateCounter.objects.filter(key=span.key).delete()
    else:
        cache.delete(span.key)
