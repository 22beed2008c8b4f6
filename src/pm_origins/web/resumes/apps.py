from __future__ import annotations

from django.apps import AppConfig


class ResumesConfig(AppConfig):
    name = "pm_origins.web.resumes"
    label = "resumes"
    verbose_name = "Résumés"

    def ready(self) -> None:
        from pm_origins.web.accounts import exports
        from pm_origins.web.resumes.services import user_export

        exports.register("resumes", user_export)
