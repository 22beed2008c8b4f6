from __future__ import annotations

from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "pm_origins.web.assessments"
    label = "assessments"
    verbose_name = "Assessments"

    def ready(self) -> None:
        from pm_origins.web.accounts import exports, menu
        from pm_origins.web.assessments import signals  # noqa: F401  (connects receivers)
        from pm_origins.web.assessments.adaptive import sessions_export
        from pm_origins.web.assessments.services import user_export

        exports.register("assessments", user_export)
        exports.register("question_sessions", sessions_export)
        menu.register("My results", "assessments:mine")
