"""The side area is the same on every page: render it once per change, not per request.

Its HTML is kept in the shared cache (Redis or the database cache, so every
worker sees the same) under a version that any save or delete of a record it
shows replaces; an editor's change shows at once everywhere. The fragment's
short lifetime bounds how late an article scheduled for later appears in it.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

VERSION_KEY = "series:side-area-version"
FRAGMENT_SECONDS = 300


def side_version() -> str:
    """The current version of the side area (made on first use)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.add(VERSION_KEY, version, None)
        version = cache.get(VERSION_KEY, version)
    return str(version)


def invalidate(**_: Any) -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


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
