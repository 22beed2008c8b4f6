"""On start: check the framework in use and record its snapshot."""

from __future__ import annotations

from dataclasses import dataclass

from pm_origins.web.assessments.services import snapshot_current


@dataclass(frozen=True)
class Report:
    version: str

    def summary(self) -> str:
        return f"framework version {self.version} ready"


def load() -> Report:
    """Load (and so validate) the framework, and store its snapshot; idempotent."""
    return Report(snapshot_current().version)
