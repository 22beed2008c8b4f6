"""Registry of the parts of "export my data".

Each app registers a callable that returns JSON-serialisable data for a user:

    from pm_origins.web.accounts import exports
    exports.register("assessments", lambda user: [...])
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pm_origins.web.accounts.models import User

Exporter = Callable[[User], Any]

_exporters: dict[str, Exporter] = {}


def register(name: str, exporter: Exporter) -> None:
    """Add ``exporter`` under ``name``; registering the same name again replaces it."""
    _exporters[name] = exporter


def registered() -> list[str]:
    return sorted(_exporters)


def collect(user: User) -> dict[str, Any]:
    """Every registered part for ``user``, keyed by name."""
    return {name: _exporters[name](user) for name in sorted(_exporters)}
