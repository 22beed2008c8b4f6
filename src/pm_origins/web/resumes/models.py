from __future__ import annotations

from django.db import models

from pm_origins.web.assessments.models import Assessment


class ResumeReading(models.Model):
    """What was read from one assessment's résumé.

    The résumé's own text is kept only when the person ticked "keep" (`text_kept`):
    otherwise `text` stays empty and each bullet keeps its id, role and
    competencies but not its words.
    """

    assessment = models.OneToOneField(
        Assessment, on_delete=models.CASCADE, related_name="resume_reading"
    )
    source = models.CharField(max_length=200)  # "pasted text" or the file's name
    text_kept = models.BooleanField(default=False)
    text = models.TextField(blank=True)
    bullets = models.JSONField(default=list)  # [{id, text, role, competencies: [{id, score}]}]
    roles = models.JSONField(default=list)  # [{title, employer, years, years_ago, current}]
    rejected = models.JSONField(default=list)  # bullet ids the person said were read wrongly
    created = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Résumé of assessment {self.assessment_id}"
