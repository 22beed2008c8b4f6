from __future__ import annotations

from django.apps import AppConfig


class TeamsConfig(AppConfig):
    name = "pm_origins.web.teams"
    label = "teams"
    verbose_name = "Teams, cohorts and second opinions"

    def ready(self) -> None:
        from pm_origins.web.accounts import exports, menu
        from pm_origins.web.teams.services import opinions_export, teams_export

        exports.register("teams", teams_export)
        exports.register("second_opinions", opinions_export)
        menu.register("My teams", "teams:list")
        menu.register("Second opinions", "teams:opinions")
        menu.register("Cohorts", "teams:cohorts")
