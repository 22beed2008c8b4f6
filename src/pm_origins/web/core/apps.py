from __future__ import annotations

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "pm_origins.web.core"
    label = "core"
    verbose_name = "Site"
