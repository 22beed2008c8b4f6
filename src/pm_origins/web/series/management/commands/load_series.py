from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from pm_origins.web.series import initial_data


class Command(BaseCommand):
    help = "Load the bundled PM series articles and default side area (safe to run again)."

    def handle(self, *args: Any, **options: Any) -> None:
        report = initial_data.load()
        self.stdout.write(report.summary())
