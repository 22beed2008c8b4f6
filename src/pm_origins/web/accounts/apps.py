from __future__ import annotations

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "pm_origins.web.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from pm_origins.web.accounts import exports
        from pm_origins.web.accounts.services import account_export

        exports.register("account", account_export)
