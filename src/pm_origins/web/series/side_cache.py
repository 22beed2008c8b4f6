"""The side area is the same on every page: render it once per change, not per request.

Its HTML is kept in the shared cache (Redis or the database cache, so every
worker sees the same) under a version that any save or delete of a record it
shows replaces; an editor's change shows at once in the worker that saved it,
and within `VERSION_SECONDS` in the others. The fragment's
short lifetime bounds how late an article scheduled for later appears in it.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

VERSION_KEY = "series:side-area-version"
FRAGMENT_SECONDS = 300
# How long a worker trusts the version it last read. Every page needs it, so reading
# it from the shared cache each time cost a query per page; a change made in another
# worker shows here within this many seconds (in the worker that made it, at once).
VERSION_SECONDS = 2.0


@dataclass
class _Seen:
    version: str = ""
    until: float = 0.0


_seen = _Seen()


def side_version() -> str:
    """The current version of the side area (made on first use)."""
    now = time.monotonic()
    if now < _seen.until:
        return _seen.version
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.add(VERSION_KEY, version, None)
        version = cache.get(VERSION_KEY, version)
    _seen.version, _seen.until = str(version), now + VERSION_SECONDS
    return _seen.version


def forget_version() -> None:
    """Read the version from the shared cache next time (tests use this)."""
    _seen.until = 0.0


def invalidate(**_: Any) -> None:
    version = uuid.uuid4().hex
    cache.set(VERSION_KEY, version, None)
    _seen.version, _seen.until = version, time.monotonic() + VERSION_SECONDS


def connect() -> None:
    """Replace the version whenever a record the side area shows changes."""
    from pm_origins.web.series.models import (
        Article,
        FollowLink,
        NavLink,
        Series,
        SiteSettings,
        Widget,
    )

    for model in (Article, FollowLink, NavLink, Series, SiteSettings, Widget):
        for signal in (post_save, post_delete):
            signal.connect(
                invalidate,
                sender=model,
                dispatch_uid=f"side-area-{signal is post_save}-{model.__name__}",
            )
