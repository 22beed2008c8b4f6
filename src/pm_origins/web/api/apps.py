from __future__ import annotations

from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "pm_origins.web.api"
    label = "api"
    verbose_name = "API"

    def ready(self) -> None:
        from pm_origins.web.accounts import exports, menu
        from pm_origins.web.api.services import tokens_export

        exports.register("api_tokens", tokens_export)
        menu.register("API tokens", "api:tokens")
