from __future__ import annotations

from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "pm_origins.web.api"
    label = "api"
    verbose_name = "API"

    def ready(self) -> None:
        from pm_origins.web.accounts import menu
        from pm_origins.web.api.services import tokens_export
        from pm_origins.web.core import exports

        exports.register("api_tokens", tokens_export)
        menu.register("API tokens", "api:tokens")
