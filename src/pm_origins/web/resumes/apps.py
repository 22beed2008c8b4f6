from __future__ import annotations

from django.apps import AppConfig


class ResumesConfig(AppConfig):
    name = "pm_origins.web.resumes"
    label = "resumes"
    verbose_name = "Résumés"
